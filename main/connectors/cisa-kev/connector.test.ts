/**
 * The KEV connector end to end against the real catalog (shared fixtures) served on
 * 127.0.0.1 with an ETag, as CISA's server sends one: the first import, a run over the
 * unchanged catalog, a catalog where one entry changed, and a feed URL that answers
 * something other than the catalog.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TLP_2, vulnerabilityId, type JsonObject } from '../../../core/stix/index.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../../testkit/fixtures.ts';
import { loadStixSchemaOracle, type StixSchemaOracle } from '../../../testkit/stixSchemas.ts';
import { commitValidators } from '../../services/http/validators.ts';
import { startLocalServer, type LocalServer } from '../testing/localServer.ts';
import { runImportOnce } from '../testing/runOnce.ts';
import { connector } from './index.ts';

const available = fixturesAvailable && hasFixture('cisa-kev', 'known_exploited_vulnerabilities.json') && hasFixture('stix2.1-schemas');
if (!available) console.warn(`[cisa-kev] end-to-end tests skipped: ${fixturesSkipReason}`);

const CATALOG_ENTRIES = 1_404;
const httpOptions = { retries: 0, baseDelayMs: 1 };

interface Served {
  server: LocalServer;
  /** Replaces what the feed serves (a new catalog release). */
  publish: (body: string, contentType?: string) => void;
  /** Status of each answer, in order. */
  answers: number[];
}

/** A feed that answers If-None-Match with 304 while its document is unchanged. */
async function serveFeed(initial: string): Promise<Served> {
  let body = initial;
  let type = 'application/json';
  const etag = (): string => `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}"`;
  const answers: number[] = [];
  const server = await startLocalServer((request, response) => {
    if (request.headers['if-none-match'] === etag()) {
      answers.push(304);
      response.writeHead(304, { etag: etag() }).end();
      return;
    }
    answers.push(200);
    response.writeHead(200, { 'content-type': type, etag: etag() }).end(body);
  });
  return { server, answers, publish: (next, contentType = 'application/json') => { body = next; type = contentType; } };
}

const countOf = (objects: readonly JsonObject[], type: string): number => objects.filter((object) => object['type'] === type).length;

// Generous limits: the machine running the suite is shared, and one pass converts 1,404 entries three times.
describe.skipIf(!available)('CISA KEV connector on the published catalog', { timeout: 30_000 }, () => {
  let catalogText = '';
  let oracle: StixSchemaOracle;
  let feed: Served | undefined;
  beforeAll(() => {
    catalogText = readFileSync(fixturePath('cisa-kev', 'known_exploited_vulnerabilities.json'), 'utf8');
    oracle = loadStixSchemaOracle();
  }, 30_000);
  afterEach(async () => {
    await feed?.server.close();
    feed = undefined;
  });

  it('imports every catalog entry once, then only what changed, and skips the download when nothing did', async () => {
    feed = await serveFeed(catalogText);
    const config = { url: feed.server.url('/feeds/known_exploited_vulnerabilities.json') };

    const first = await runImportOnce(connector, { config, httpOptions });
    expect(countOf(first.objects, 'vulnerability')).toBe(CATALOG_ENTRIES);
    expect(new Set(first.objects.map((object) => object['id'])).size).toBe(first.objects.length);
    expect(countOf(first.objects, 'software')).toBeGreaterThan(500);
    expect(countOf(first.objects, 'relationship')).toBe(CATALOG_ENTRIES + countOf(first.objects, 'software'));
    expect(countOf(first.objects, 'infrastructure')).toBe(0);
    expect(first.batches).toBeGreaterThan(1);
    expect(first.result.summary).toBe('1,404 vulnerabilities, 1,404 new or changed');
    const log4j = first.objects.find((object) => object['id'] === vulnerabilityId('CVE-2021-44228'));
    expect(log4j).toMatchObject({ name: 'CVE-2021-44228', x_opencti_cisa_kev: true, x_cisa_known_ransomware_campaign_use: 'Known', object_marking_refs: [TLP_2.clear.id] });
    expect(oracle.bundleProblems({ type: 'bundle', id: `bundle--${randomUUID()}`, objects: first.objects })).toEqual([]);

    // The next day: the catalog has not changed, so the server answers 304 and nothing is emitted.
    const second = await runImportOnce(connector, { config, httpOptions, cursor: first.result.cursor, validators: first.validators });
    expect(feed.answers).toEqual([200, 304]);
    expect(second.objects).toEqual([]);
    expect(second.result.cursor).toEqual(first.result.cursor);
    expect(second.result.summary).toBe('Catalog unchanged since the last run (1,404 vulnerabilities); nothing new to import');

    // CISA confirms ransomware use of one CVE and publishes a new release: only that entry comes again.
    const catalog = JSON.parse(catalogText) as { dateReleased: string; vulnerabilities: Record<string, unknown>[] };
    const target = catalog.vulnerabilities.find((entry) => entry['knownRansomwareCampaignUse'] === 'Unknown');
    if (target === undefined) throw new Error('the fixture has no entry without known ransomware use');
    target['knownRansomwareCampaignUse'] = 'Known';
    catalog.dateReleased = '2025-08-26T12:00:00.000Z';
    feed.publish(JSON.stringify(catalog));
    const validators = commitValidators(first.validators, second.validators);
    const third = await runImportOnce(connector, { config, httpOptions, cursor: second.result.cursor, validators });
    expect(feed.answers).toEqual([200, 304, 200]);
    const changed = third.objects.filter((object) => object['type'] === 'vulnerability');
    expect(changed).toEqual([expect.objectContaining({ name: target['cveID'], x_cisa_known_ransomware_campaign_use: 'Known', modified: '2025-08-26T12:00:00.000Z' })]);
    expect(countOf(third.objects, 'software')).toBe(1);
    expect(third.result.summary).toBe('1,404 vulnerabilities, 1 new or changed');
  });

  it('imports the unchanged catalog again when the analyst changes the marking or adds infrastructures', async () => {
    feed = await serveFeed(catalogText);
    const url = feed.server.url('/kev.json');
    const before = await runImportOnce(connector, { config: { url }, httpOptions });
    const after = await runImportOnce(connector, { config: { url, createInfrastructures: true, tlp: 'green' }, httpOptions, cursor: before.result.cursor, validators: before.validators });
    expect(feed.answers).toEqual([200, 304, 200]);
    expect(countOf(after.objects, 'vulnerability')).toBe(CATALOG_ENTRIES);
    const infrastructures = new Set(after.objects.filter((object) => object['type'] === 'infrastructure').map((object) => object['id']));
    expect(infrastructures.size).toBeGreaterThan(500);
    const exposed = after.objects.filter((object) => object['relationship_type'] === 'has' && infrastructures.has(object['source_ref']));
    expect(exposed).toHaveLength(CATALOG_ENTRIES);
    const cisa = after.objects[0];
    const marked = after.objects.filter((object) => object['type'] !== 'marking-definition' && object !== cisa);
    expect(marked.every((object) => JSON.stringify(object['object_marking_refs']) === JSON.stringify([TLP_2.green.id]))).toBe(true);
  });

  it('fails with a clear message when the feed URL serves something else', async () => {
    feed = await serveFeed(JSON.stringify({ error: 'maintenance' }));
    await expect(runImportOnce(connector, { config: { url: feed.server.url('/kev.json') }, httpOptions })).rejects.toThrow(/is not the CISA KEV catalog/);
    feed.publish('<html><body>Sign in</body></html>', 'text/html');
    await expect(runImportOnce(connector, { config: { url: feed.server.url('/kev.json') }, httpOptions })).rejects.toThrow(/text\/html/);
  });
});

describe('CISA KEV connector on a catalog with a malformed entry', () => {
  let feed: Served | undefined;
  afterEach(async () => {
    await feed?.server.close();
    feed = undefined;
  });

  it('imports the good entries and says which entry it skipped', async () => {
    const entry = (cve: string, dateAdded: string): Record<string, unknown> => ({
      cveID: cve, vendorProject: 'Acme', product: 'Widget', vulnerabilityName: 'Acme Widget RCE', dateAdded,
      shortDescription: 'Remote code execution.', requiredAction: 'Patch.', dueDate: '2024-01-23',
    });
    const catalog = { catalogVersion: '2024.01.02', dateReleased: '2024-01-02T12:00:00.000Z', count: 2, vulnerabilities: [entry('CVE-2024-0001', '2024-01-02'), entry('CVE-2024-0002', 'last week')] };
    feed = await serveFeed(JSON.stringify(catalog));
    const outcome = await runImportOnce(connector, { config: { url: feed.server.url('/kev.json') }, httpOptions });
    expect(outcome.objects.filter((object) => object['type'] === 'vulnerability').map((object) => object['name'])).toEqual(['CVE-2024-0001']);
    expect(outcome.result.summary).toBe('1 vulnerability, 1 new or changed, 1 malformed entry skipped');
    expect(outcome.log.map((line) => line.message)).toContainEqual(expect.stringMatching(/CVE-2024-0002: dateAdded/));
  });
});

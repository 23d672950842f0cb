/**
 * The TAXII connector end to end through the runtime's runImportOnce, against the test
 * TAXII 2.1 server (testkit/taxiiServer.ts) serving ATT&CK ICS (and once Enterprise) from
 * the shared fixtures: pages, the per-collection cursor, objects added later, credentials,
 * invalid objects, collection choice and OpenCTI's way of answering.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../core/stix/index.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../../testkit/fixtures.ts';
import { loadStixSchemaOracle } from '../../../testkit/stixSchemas.ts';
import { startTaxiiServer, type TaxiiTestServer } from '../../../testkit/taxiiServer.ts';
import { runImportOnce } from '../testing/runOnce.ts';
import { connector } from './index.ts';

const ICS = ['mitre-attack', 'ics-attack-18.1.json.gz'] as const;
const ENTERPRISE = ['mitre-attack', 'enterprise-attack-18.1.stix21-reconstructed.json.gz'] as const;
const available = fixturesAvailable && hasFixture(...ICS) && hasFixture('stix2.1-schemas');
if (!available) console.warn(`[taxii] end-to-end tests skipped: ${fixturesSkipReason}`);

const httpOptions = { retries: 0, baseDelayMs: 1 };

function readBundleObjects(parts: readonly string[]): JsonObject[] {
  const bundle = JSON.parse(gunzipSync(readFileSync(fixturePath(...parts))).toString('utf8')) as { objects: JsonObject[] };
  return bundle.objects;
}

const idsOf = (objects: readonly JsonObject[]): string[] => objects.map((object) => String(object['id']));

const stixObject = (name: string): JsonObject => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${name}`,
  created: '2025-03-01T00:00:00.000Z',
  modified: '2025-03-01T00:00:00.000Z',
  name: `Indicator ${name}`,
  pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix',
  valid_from: '2025-03-01T00:00:00Z',
});

describe.skipIf(!available)('TAXII 2.1 connector against a TAXII server serving ATT&CK', () => {
  let ics: JsonObject[] = [];
  let server: TaxiiTestServer | undefined;
  beforeAll(() => {
    ics = readBundleObjects(ICS);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('imports every object exactly once across pages, valid against the OASIS schemas, then nothing, then only what was added', async () => {
    server = await startTaxiiServer({ objects: ics, pageSize: 500 });
    const config = { discoveryUrl: server.discoveryUrl, pageSize: 300 };

    const first = await runImportOnce(connector, { config, httpOptions });
    const ids = idsOf(first.objects);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(idsOf(ics).sort());
    expect(loadStixSchemaOracle().bundleProblems({ type: 'bundle', id: 'bundle--5d0c2a4e-52d7-4f2b-9c5e-2f1d3b1a0c11', objects: first.objects })).toEqual([]);
    // 1,826 objects at 300 a page: seven pages, each delivered as its own batch.
    expect(server.objectRequests().length).toBe(7);
    expect(first.batches).toBe(7);
    expect(first.result.summary).toBe('1,826 objects from 1 collection');
    // ATT&CK 18.1 ships data components whose x_mitre_data_source_ref is "": repaired, not lost.
    const component = first.objects.find((object) => object['id'] === 'x-mitre-data-component--2b3bfe19-d59a-460d-93bb-2f546adc2d2c');
    expect(component).toBeDefined();
    expect(component).not.toHaveProperty('x_mitre_data_source_ref');
    expect(first.log.map((entry) => entry.message)).toContain('"Test collection": 5 objects had an empty reference dropped (core/stix\'s safe repairs).');

    const second = await runImportOnce(connector, { config, httpOptions, cursor: first.result.cursor });
    expect(second.objects).toEqual([]);
    expect(second.result.summary).toBe('Nothing new from 1 collection');
    const lastRequest = server.objectRequests().at(-1);
    expect(lastRequest?.query['added_after']).toBe(Object.values(first.result.cursor['addedAfter'] as Record<string, string>)[0]);
    expect(second.result.cursor).toEqual(first.result.cursor);

    const added = [stixObject('0b2a5a4e-8f42-4c1b-a8de-5f6f0d4c1a01'), stixObject('0b2a5a4e-8f42-4c1b-a8de-5f6f0d4c1a02')];
    server.add(added);
    const third = await runImportOnce(connector, { config, httpOptions, cursor: second.result.cursor });
    expect(idsOf(third.objects)).toEqual(idsOf(added));
    expect(third.result.summary).toBe('2 objects from 1 collection');
  });

  it('starts the first run at the configured day', async () => {
    // The test server dates its first objects 2025-01-06 09:00, seven a second.
    server = await startTaxiiServer({ objects: ics.slice(0, 70) });
    const outcome = await runImportOnce(connector, { config: { discoveryUrl: server.discoveryUrl, addedAfter: '2025-01-06T09:00:04.000Z' }, httpOptions });
    expect(idsOf(outcome.objects)).toEqual(idsOf(ics.slice(35, 70)));
    expect(server.objectRequests()[0]?.query['added_after']).toBe('2025-01-06T09:00:04.000Z');
  });

  it('says which credentials are missing or wrong, and reads with basic or bearer auth', async () => {
    server = await startTaxiiServer({ objects: ics.slice(0, 10), auth: { username: 'analyst@example.org', password: 'correct horse' } });
    const discoveryUrl = server.discoveryUrl;
    await expect(runImportOnce(connector, { config: { discoveryUrl }, httpOptions })).rejects.toThrow(
      /needs credentials \(HTTP 401\)\. Set a user name and password, or an API token, in the connector's settings\./,
    );
    await expect(runImportOnce(connector, { config: { discoveryUrl, username: 'analyst@example.org', password: 'wrong' }, httpOptions })).rejects.toThrow(
      /refused the credentials \(HTTP 401\)/,
    );
    const basic = await runImportOnce(connector, { config: { discoveryUrl, username: 'analyst@example.org', password: 'correct horse' }, httpOptions });
    expect(basic.objects.length).toBe(10);
    await server.close();

    server = await startTaxiiServer({ objects: ics.slice(0, 10), auth: { token: 'b5f1c0de-token' } });
    const bearer = await runImportOnce(connector, { config: { discoveryUrl: server.discoveryUrl, token: 'b5f1c0de-token' }, httpOptions });
    expect(bearer.objects.length).toBe(10);
    expect(bearer.log.map((entry) => entry.message).join('\n')).not.toContain('b5f1c0de-token');
  });

  it('skips invalid objects, naming each with its reason, and counts them', async () => {
    const broken = { type: 'indicator', spec_version: '2.1', id: 'indicator--9e1f3c7a-0d52-4c33-b1a4-7a0e5b2f6c01', created: '2025-03-01T00:00:00.000Z', modified: '2025-03-01T00:00:00.000Z' };
    server = await startTaxiiServer({ objects: [...ics.slice(0, 5), broken, { id: 42 }] });
    const outcome = await runImportOnce(connector, { config: { discoveryUrl: server.discoveryUrl }, httpOptions });
    expect(idsOf(outcome.objects)).toEqual(idsOf(ics.slice(0, 5)));
    expect(outcome.result.summary).toBe('5 objects from 1 collection, 2 invalid skipped');
    const warnings = outcome.log.filter((entry) => entry.level === 'warn').map((entry) => entry.message);
    expect(warnings).toContainEqual(expect.stringMatching(/^Skipped indicator--9e1f3c7a-0d52-4c33-b1a4-7a0e5b2f6c01 from "Test collection": not valid STIX 2\.1 \(\/pattern/));
    expect(warnings).toContainEqual(expect.stringMatching(/^Skipped object #7 of its page from "Test collection": not valid STIX 2\.1/));
  });

  it('reads every readable collection, or the ones named by title or id, and names the unknown one', async () => {
    server = await startTaxiiServer({
      collections: [
        { id: 'c7b2e1a0-0000-4000-8000-000000000001', title: 'ICS techniques', objects: ics.slice(0, 20) },
        { id: 'c7b2e1a0-0000-4000-8000-000000000002', title: 'ICS groups', objects: ics.slice(20, 30) },
        { id: 'c7b2e1a0-0000-4000-8000-000000000003', title: 'Restricted', objects: ics.slice(30, 40), canRead: false },
      ],
    });
    const discoveryUrl = server.discoveryUrl;
    const all = await runImportOnce(connector, { config: { discoveryUrl }, httpOptions });
    expect(idsOf(all.objects)).toEqual(idsOf(ics.slice(0, 30)));
    expect(Object.keys(all.result.cursor['addedAfter'] as object)).toHaveLength(2);

    const named = await runImportOnce(connector, { config: { discoveryUrl, collections: ['ics groups'] }, httpOptions });
    expect(idsOf(named.objects)).toEqual(idsOf(ics.slice(20, 30)));

    await expect(runImportOnce(connector, { config: { discoveryUrl, collections: ['c7b2e1a0-0000-4000-8000-00000000dead'] }, httpOptions })).rejects.toThrow(
      /no collection "c7b2e1a0-0000-4000-8000-00000000dead"\. Check the collection id .* ICS techniques \(c7b2e1a0-0000-4000-8000-000000000001\)/,
    );
    await expect(runImportOnce(connector, { config: { discoveryUrl, collections: ['Restricted'] }, httpOptions })).rejects.toThrow(/may not read the TAXII collection "Restricted"/);
  });

  it("works with OpenCTI's TAXII endpoints, which send no usable date headers", async () => {
    server = await startTaxiiServer({ objects: ics.slice(0, 1200), style: 'opencti', apiRoot: '/taxii2/root' });
    const config = { discoveryUrl: `${server.url}/taxii2`, token: 'octi-api-key' };
    const first = await runImportOnce(connector, { config, httpOptions });
    // OpenCTI caps pages at 500 whatever the limit asked for.
    expect(first.objects.length).toBe(1200);
    expect(server.objectRequests().length).toBe(3);
    expect(first.log.map((entry) => entry.message)).toContainEqual(expect.stringMatching(/sent no X-TAXII-Date-Added-Last, so the next run starts from its clock/));

    const added = [stixObject('0b2a5a4e-8f42-4c1b-a8de-5f6f0d4c1a03')];
    server.add(added);
    const second = await runImportOnce(connector, { config, httpOptions, cursor: first.result.cursor });
    expect(idsOf(second.objects)).toEqual(idsOf(added));
  });

  it('says when the URL is not a TAXII 2.1 server', async () => {
    server = await startTaxiiServer({ objects: [] });
    await expect(runImportOnce(connector, { config: { discoveryUrl: `${server.url}/nothing-here/` }, httpOptions })).rejects.toThrow(/not found \(HTTP 404\)\. Check the URL/);
  });
});

describe.skipIf(!available || !hasFixture(...ENTERPRISE))('TAXII 2.1 connector on ATT&CK Enterprise', () => {
  it('imports the whole Enterprise collection once, page by page', async () => {
    const enterprise = readBundleObjects(ENTERPRISE);
    const server = await startTaxiiServer({ objects: enterprise, apiRoot: '/api/v21/' });
    try {
      const outcome = await runImportOnce(connector, { config: { discoveryUrl: server.discoveryUrl, pageSize: 5000 }, httpOptions });
      const ids = idsOf(outcome.objects);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(idsOf(enterprise).sort());
      // Passed through as published (the OASIS schema check runs on ICS above; on 24,771
      // objects it alone takes tens of seconds): only the seven repaired data components differ.
      const published = new Map(enterprise.map((object) => [String(object['id']), JSON.stringify(object)]));
      const changed = outcome.objects.filter((object) => published.get(String(object['id'])) !== JSON.stringify(object));
      expect(changed.map((object) => object['type'])).toEqual(Array.from({ length: 7 }, () => 'x-mitre-data-component'));
    } finally {
      await server.close();
    }
  }, 60_000);
});

/** Indicators with distinct ids, needing no shared fixtures. */
function indicators(count: number, from = 0): JsonObject[] {
  return Array.from({ length: count }, (_, index) => stixObject(`0b2a5a4e-8f42-4c1b-a8de-${String(from + index).padStart(12, '0')}`));
}

describe('TAXII 2.1 connector paging on any conforming server (issue 18)', () => {
  let server: TaxiiTestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('reads a collection of many pages from a server that answers the same next token on every page, each object once, then only what was added', async () => {
    const objects = indicators(47);
    server = await startTaxiiServer({ objects, pageSize: 5, paging: 'session' });
    const config = { discoveryUrl: server.discoveryUrl, pageSize: 5 };
    const first = await runImportOnce(connector, { config, httpOptions });
    expect(idsOf(first.objects)).toEqual(idsOf(objects));
    const requests = server.objectRequests();
    expect(requests.length).toBe(10);
    // Every page after the first carried the one token the server gave for this query.
    expect(new Set(requests.slice(1).map((request) => request.query['next'])).size).toBe(1);

    const second = await runImportOnce(connector, { config, httpOptions, cursor: first.result.cursor });
    expect(second.objects).toEqual([]);
    const added = indicators(12, 100);
    server.add(added);
    const third = await runImportOnce(connector, { config, httpOptions, cursor: second.result.cursor });
    expect(idsOf(third.objects)).toEqual(idsOf(added));
    expect(server.objectRequests().at(-1)?.query['added_after']).toBe(Object.values(second.result.cursor['addedAfter'] as Record<string, string>)[0]);
  });

  it('stops with a clear error, and without hanging, on a server that never moves past its first page', async () => {
    server = await startTaxiiServer({ objects: indicators(30), pageSize: 5, paging: 'stuck' });
    await expect(runImportOnce(connector, { config: { discoveryUrl: server.discoveryUrl, pageSize: 5 }, httpOptions })).rejects.toThrow(
      /"Test collection" says more objects follow but it has sent 15 objects again that it had already sent; stopped after 4 pages \(5 objects read\)/,
    );
    expect(server.objectRequests().length).toBe(4);
  }, 10_000);
});

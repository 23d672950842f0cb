/**
 * The ATT&CK connector end to end against MITRE's published bundles (shared fixtures)
 * served on 127.0.0.1 the way GitHub serves them (gzip, an ETag, text/plain): one full
 * pass over Enterprise, then Mobile and ICS through a first run, an unchanged week and a
 * week in which MITRE revised one technique; and a URL that answers something else.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TLP_2, type JsonObject } from '../../../core/stix/index.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../../testkit/fixtures.ts';
import { loadStixSchemaOracle, type StixSchemaOracle } from '../../../testkit/stixSchemas.ts';
import { commitValidators } from '../../services/http/validators.ts';
import { startLocalServer, type LocalServer } from '../testing/localServer.ts';
import { runImportOnce } from '../testing/runOnce.ts';
import { bundleItems } from './converter.ts';
import { connector } from './index.ts';

const ENTERPRISE = 'enterprise-attack-18.1.stix21-reconstructed.json.gz';
const MOBILE = 'mobile-attack-17.1.json.gz';
const ICS = 'ics-attack-18.1.json.gz';
const STIX20 = 'enterprise-attack-18.1.stix20.json.gz';
const available = fixturesAvailable && [ENTERPRISE, MOBILE, ICS, STIX20].every((name) => hasFixture('mitre-attack', name)) && hasFixture('stix2.1-schemas');
if (!available) console.warn(`[mitre-attack] end-to-end tests skipped: ${fixturesSkipReason}`);

const httpOptions = { retries: 0, baseDelayMs: 1 };
const ONLY = { enterprise: false, mobile: false, ics: false };

interface Document { body: Buffer; gzip: boolean; type: string }

/** Serves documents by path, answering If-None-Match with 304 while a document is unchanged. */
async function serveBundles(documents: Map<string, Document>): Promise<{ server: LocalServer; answers: string[] }> {
  const answers: string[] = [];
  const server = await startLocalServer((request, response) => {
    const path = request.url ?? '';
    const document = documents.get(path);
    if (document === undefined) {
      answers.push(`404 ${path}`);
      response.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha256').update(document.body).digest('hex').slice(0, 20)}"`;
    if (request.headers['if-none-match'] === etag) {
      answers.push(`304 ${path}`);
      response.writeHead(304, { etag }).end();
      return;
    }
    answers.push(`200 ${path}`);
    response.writeHead(200, { 'content-type': document.type, etag, ...(document.gzip ? { 'content-encoding': 'gzip' } : {}) }).end(document.body);
  });
  return { server, answers };
}

const gzipped = (name: string): Document => ({ body: readFileSync(fixturePath('mitre-attack', name)), gzip: true, type: 'text/plain; charset=utf-8' });
const publishedObjects = (name: string): JsonObject[] => (JSON.parse(gunzipSync(readFileSync(fixturePath('mitre-attack', name))).toString('utf8')) as { objects: JsonObject[] }).objects;

function typeCounts(objects: readonly JsonObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of objects) counts[String(object['type'])] = (counts[String(object['type'])] ?? 0) + 1;
  return counts;
}

/**
 * The oracle's bundle schema tries every type's schema on each entry (~0.7 ms an object, 20 s
 * for Enterprise), so it runs on up to 250 objects of every type; every object is still
 * checked against its own type's schema, as bundleProblems does.
 */
function schemaProblems(oracle: StixSchemaOracle, objects: readonly JsonObject[]): string[] {
  const perType = new Map<string, JsonObject[]>();
  for (const object of objects) {
    const sample = perType.get(String(object['type'])) ?? [];
    if (sample.length < 250) sample.push(object);
    perType.set(String(object['type']), sample);
  }
  const problems = oracle.bundleProblems({ type: 'bundle', id: `bundle--${randomUUID()}`, objects: [...perType.values()].flat() });
  for (const object of objects) {
    const schemaId = oracle.schemaIdFor(String(object['type']));
    const check = schemaId === undefined ? undefined : oracle.ajv.getSchema(schemaId);
    if (check !== undefined && !check(object)) problems.push(`${String(object['id'])}: ${JSON.stringify(check.errors?.slice(0, 3))}`);
  }
  return problems;
}

const versionKey = (object: JsonObject): string => (typeof object['modified'] === 'string' ? `${String(object['id'])}|${object['modified']}` : JSON.stringify(object));

// Generous limits: the suite shares a small machine, and Enterprise alone is 46 MB of JSON.
describe.skipIf(!available)('MITRE ATT&CK connector on the published bundles', { timeout: 60_000 }, () => {
  let oracle: StixSchemaOracle;
  let served: { server: LocalServer; answers: string[] } | undefined;
  beforeAll(() => {
    oracle = loadStixSchemaOracle();
  }, 30_000);
  afterEach(async () => {
    await served?.server.close();
    served = undefined;
  });

  it('imports every Enterprise object as published, valid against the OASIS schemas', async () => {
    served = await serveBundles(new Map([['/enterprise-attack/enterprise-attack.json', gzipped(ENTERPRISE)]]));
    const outcome = await runImportOnce(connector, { config: { enterpriseUrl: served.server.url('/enterprise-attack/enterprise-attack.json') }, httpOptions });
    const published = publishedObjects(ENTERPRISE);

    expect(outcome.objects).toHaveLength(published.length + 1);
    expect(typeCounts(outcome.objects)).toEqual({ ...typeCounts(published), 'marking-definition': (typeCounts(published)['marking-definition'] ?? 0) + 1 });
    expect(outcome.objects[0]).toEqual(TLP_2.clear);
    expect(outcome.batches).toBe(Math.ceil(outcome.objects.length / 2_000));
    expect(outcome.result.summary).toBe('Enterprise: 24,771 objects, 24,771 new or changed');

    const t1059 = outcome.objects.find((object) => object['type'] === 'attack-pattern' && JSON.stringify(object['external_references']).includes('"T1059"'));
    expect(t1059).toMatchObject({ name: 'Command and Scripting Interpreter', x_mitre_domains: ['enterprise-attack'] });
    expect(t1059?.['object_marking_refs']).toContain(TLP_2.clear.id);
    expect(outcome.objects.filter((object) => object['revoked'] === true).length).toBe(published.filter((object) => object['revoked'] === true).length);
    expect(outcome.objects.filter((object) => object['x_mitre_deprecated'] === true).length).toBeGreaterThan(0);

    expect(schemaProblems(oracle, outcome.objects)).toEqual([]);
    expect(JSON.stringify(outcome.result.cursor).length).toBeLessThan(400_000);
  });

  it('downloads nothing in an unchanged week and re-emits only the technique MITRE revised', async () => {
    const ics = publishedObjects(ICS);
    const documents = new Map([['/mobile.json', gzipped(MOBILE)], ['/ics.json', gzipped(ICS)]]);
    served = await serveBundles(documents);
    const config = { ...ONLY, mobile: true, mobileUrl: served.server.url('/mobile.json'), ics: true, icsUrl: served.server.url('/ics.json') };

    const first = await runImportOnce(connector, { config, httpOptions });
    const mobile = publishedObjects(MOBILE);
    // Objects published identically in both bundles (MITRE's identity and marking among them) are emitted once.
    const mobileVersions = new Set(mobile.map(versionKey));
    const icsOnly = ics.filter((object) => !mobileVersions.has(versionKey(object))).length;
    expect(icsOnly).toBeLessThan(ics.length);
    expect(first.objects).toHaveLength(1 + mobile.length + icsOnly);
    const n = (value: number): string => value.toLocaleString('en-US');
    expect(first.result.summary).toBe(`Mobile: ${n(mobile.length)} objects, ${n(mobile.length)} new or changed; ICS: ${n(ics.length)} objects, ${n(icsOnly)} new or changed`);
    expect(oracle.bundleProblems({ type: 'bundle', id: `bundle--${randomUUID()}`, objects: first.objects })).toEqual([]);

    const second = await runImportOnce(connector, { config, httpOptions, cursor: first.result.cursor, validators: first.validators });
    expect(served.answers).toEqual(['200 /mobile.json', '200 /ics.json', '304 /mobile.json', '304 /ics.json']);
    expect(second.objects).toEqual([]);
    expect(second.result.cursor).toEqual(first.result.cursor);

    const revised = ics.find((object) => object['type'] === 'attack-pattern' && object['revoked'] !== true);
    if (revised === undefined) throw new Error('the ICS fixture has no technique');
    revised['modified'] = '2030-01-01T00:00:00.000Z';
    revised['description'] = 'Revised by MITRE.';
    documents.set('/ics.json', { body: Buffer.from(JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects: ics })), gzip: false, type: 'application/json' });
    const third = await runImportOnce(connector, { config, httpOptions, cursor: second.result.cursor, validators: commitValidators(first.validators, second.validators) });
    expect(served.answers.slice(4)).toEqual(['304 /mobile.json', '200 /ics.json']);
    expect(third.objects.map((object) => object['id'])).toEqual([TLP_2.clear.id, revised['id']]);
    expect(third.objects[1]).toMatchObject({ description: 'Revised by MITRE.', modified: '2030-01-01T00:00:00.000Z' });
    expect(third.result.summary).toBe(`Mobile: unchanged; ICS: ${ics.length.toLocaleString('en-US')} objects, 1 new or changed`);
  });

  it('reads the STIX 2.0 form of mitre/cti into the same objects, upgraded to 2.1', () => {
    const text = gunzipSync(readFileSync(fixturePath('mitre-attack', STIX20))).toString('utf8');
    const items = [...bundleItems(text, 'clear', STIX20)];
    expect(items.filter((item) => 'rejected' in item)).toEqual([]);
    const objects = items.flatMap((item) => ('object' in item ? [item.object] : []));
    expect(objects).toHaveLength(publishedObjects(ENTERPRISE).length);
    expect(objects.every((object) => object['spec_version'] === '2.1')).toBe(true);
  });

  it('fails with a clear message when a bundle URL serves something else', async () => {
    served = await serveBundles(new Map([['/moved.json', { body: Buffer.from('{"message": "Not Found"}'), gzip: false, type: 'application/json' }]]));
    const config = { enterpriseUrl: served.server.url('/moved.json') };
    await expect(runImportOnce(connector, { config, httpOptions })).rejects.toThrow(/moved\.json is not an ATT&CK STIX bundle/);
    await expect(runImportOnce(connector, { config: { enterpriseUrl: served.server.url('/gone.json') }, httpOptions })).rejects.toThrow(/HTTP 404/);
  });
});

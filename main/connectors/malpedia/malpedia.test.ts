/**
 * The Malpedia connector end to end against a stand-in for Malpedia's API on 127.0.0.1
 * (testing/malpediaServer.ts, a made-up library in testdata/): the public import without a
 * key, the version gate, a key's extra data, a refused key and malformed answers.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TLP_1, type JsonObject } from '../../../core/stix/index.ts';
import { fixturesSkipReason, hasFixture } from '../../../testkit/fixtures.ts';
import { loadStixSchemaOracle } from '../../../testkit/stixSchemas.ts';
import { parseConfig } from '../runtime/config.ts';
import { createHttpClient } from '../../services/http/httpClient.ts';
import { createCollectingLogger } from '../../services/logger.ts';
import { runImportOnce } from '../testing/runOnce.ts';
import { connector, createMalpediaConnector } from './index.ts';
import { serveMalpedia, type MalpediaServer } from './testing/malpediaServer.ts';

const KEY = 'malpedia-test-token-0123456789abcdef';
const now = (): Date => new Date('2026-11-01T00:00:00Z');
const httpOptions = { retries: 0, baseDelayMs: 1 };
const schemasAvailable = hasFixture('stix2.1-schemas');
if (!schemasAvailable) console.warn(`[malpedia] OASIS schema check skipped: ${fixturesSkipReason}`);

/** The made-up library's families with one of them edited, as a new Malpedia version would have it. */
function editedFamilies(id: string, patch: Record<string, unknown>): Record<string, unknown> {
  const families = JSON.parse(readFileSync(new URL('./testdata/families.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
  return { ...families, [id]: { ...families[id], ...patch } };
}

const ofType = (objects: readonly JsonObject[], type: string): JsonObject[] => objects.filter((object) => object['type'] === type);
const names = (objects: readonly JsonObject[], type: string): unknown[] => ofType(objects, type).map((object) => object['name']).sort();

describe('Malpedia connector', { timeout: 20_000 }, () => {
  let server: MalpediaServer | undefined;
  const serve = async (version = 8_371): Promise<MalpediaServer> => {
    server = await serveMalpedia({ version, apiKey: KEY });
    return server;
  };
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('imports the public library without a key: families, actors, countries and the TLP:WHITE rules, with no Authorization header', async () => {
    const malpedia = await serve();
    const outcome = await runImportOnce(connector, { config: { baseUrl: malpedia.origin }, now, httpOptions });
    expect(names(outcome.objects, 'malware')).toEqual(['KumoRAT', 'SakuraSpy', 'elf.tidepool_miner']);
    expect(names(outcome.objects, 'intrusion-set')).toEqual(['Paper Crane']);
    expect(names(outcome.objects, 'location')).toEqual(['Japan', 'North Korea', 'South Korea', 'United States']);
    expect(ofType(outcome.objects, 'indicator').map((object) => [object['name'], object['object_marking_refs']])).toEqual([['win.kumo_rat_auto.yar', [TLP_1.white.id]]]);
    expect(ofType(outcome.objects, 'file')).toEqual([]);
    // Paper Crane uses both of its families; "Glass Heron" has no actor page and is left out.
    const uses = ofType(outcome.objects, 'relationship').filter((object) => object['relationship_type'] === 'uses');
    expect(uses).toHaveLength(2);
    expect(outcome.log.map((entry) => entry.message)).toContain('No Malpedia actor page for Glass Heron; those attributions were left out.');
    expect(malpedia.calls.every((call) => call.authorization === undefined)).toBe(true);
    expect(malpedia.calls.map((call) => call.path)).not.toContain('check/apikey');
    // The actor is asked for once, though two families name it; the unlisted one never.
    expect(malpedia.calls.filter((call) => call.path.startsWith('get/actor/')).map((call) => call.path)).toEqual(['get/actor/paper_crane']);
    expect(outcome.result.summary).toMatch(/^Malpedia version 8371: 3 families, 1 actors, 1 YARA rules \(\d+ objects, \d+ new or changed\)$/);
    expect(outcome.result.cursor).toEqual({ version: 8_371, settings: expect.stringContaining('key=false') as unknown, digests: expect.any(String) as unknown });
  });

  it.skipIf(!schemasAvailable)('emits a bundle that passes the OASIS STIX 2.1 schemas, with and without a key', async () => {
    const malpedia = await serve();
    const oracle = loadStixSchemaOracle();
    for (const apiKey of [undefined, KEY]) {
      const outcome = await runImportOnce(connector, { config: { baseUrl: malpedia.origin, ...(apiKey === undefined ? {} : { apiKey }) }, now, httpOptions });
      expect(new Set(outcome.objects.map((object) => object['id'])).size).toBe(outcome.objects.length);
      expect(oracle.bundleProblems({ type: 'bundle', id: `bundle--${randomUUID()}`, objects: outcome.objects })).toEqual([]);
    }
  }, 60_000);

  it('emits nothing on a second run at the same version, asking only for the version', async () => {
    const malpedia = await serve();
    const config = { baseUrl: malpedia.origin };
    const first = await runImportOnce(connector, { config, now, httpOptions });
    const before = malpedia.calls.length;
    const second = await runImportOnce(connector, { config, cursor: first.result.cursor, now, httpOptions });
    expect(second.objects).toEqual([]);
    expect(second.batches).toBe(0);
    expect(malpedia.calls.slice(before).map((call) => call.path)).toEqual(['get/version']);
    expect(second.result.summary).toBe('Malpedia version 8371 already imported; nothing new');
    expect(second.result.cursor).toEqual(first.result.cursor);
  });

  it('at a new version, emits only the objects whose content changed, under the same ids', async () => {
    const malpedia = await serve();
    const config = { baseUrl: malpedia.origin };
    const first = await runImportOnce(connector, { config, now, httpOptions });
    malpedia.version = 8_372;
    const unchanged = await runImportOnce(connector, { config, cursor: first.result.cursor, now, httpOptions });
    expect(unchanged.objects).toEqual([]);
    expect(unchanged.result.cursor).toMatchObject({ version: 8_372 });

    malpedia.version = 8_373;
    malpedia.override('get/families', JSON.stringify(editedFamilies('apk.sakura_spy', { description: 'SakuraSpy now also records calls.', updated: '2025-05-30' })));
    const edited = await runImportOnce(connector, { config, cursor: unchanged.result.cursor, now, httpOptions });
    const sakura = first.objects.find((object) => object['name'] === 'SakuraSpy');
    expect(edited.objects.map((object) => [object['id'], object['description'], object['modified']])).toEqual([[sakura?.['id'], 'SakuraSpy now also records calls.', '2025-05-30T00:00:00.000Z']]);
    expect(edited.result.summary).toMatch(/\(\d+ objects, 1 new or changed\)$/);
  });

  it('with a key: sends it on every request, and adds the green and amber rules and the sample hashes', async () => {
    const malpedia = await serve();
    const keyless = await runImportOnce(connector, { config: { baseUrl: malpedia.origin }, now, httpOptions });
    const calls = malpedia.calls.length;
    // The key is new though the version is not: the run imports what the key adds.
    const keyed = await runImportOnce(connector, { config: { baseUrl: malpedia.origin, apiKey: KEY }, cursor: keyless.result.cursor, now, httpOptions });
    expect(malpedia.calls.slice(calls).every((call) => call.authorization === `apitoken ${KEY}`)).toBe(true);
    expect(malpedia.calls[calls]?.path).toBe('check/apikey');
    // What the public import brought already is not sent again.
    expect(ofType(keyed.objects, 'indicator').map((object) => [object['name'], object['object_marking_refs']])).toEqual([
      ['win.kumo_rat_config.yar', [TLP_1.green.id]],
      ['win.kumo_rat_loader.yar', [TLP_1.amber.id]],
      ['3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b', [expect.any(String)]],
    ]);
    expect(ofType(keyed.objects, 'file')).toHaveLength(1);
    expect(ofType(keyed.objects, 'malware')).toEqual([]);
    expect(keyed.result.summary).toMatch(/3 YARA rules, 1 samples/);
    expect(JSON.stringify(keyed.log)).not.toContain(KEY);
  });

  it('stops with a clear error when Malpedia refuses the key, and never logs the key', async () => {
    const malpedia = await serve();
    const wrong = 'wrong-token-fedcba9876543210';
    const logged: string[] = [];
    await expect(
      runImportOnce(connector, { config: { baseUrl: malpedia.origin, apiKey: wrong }, now, httpOptions, onLog: (entry) => logged.push(entry.message) }),
    ).rejects.toThrow(/Malpedia refused the API key \(HTTP 403 for check\/apikey\)\. Check the key/);
    expect(logged.join('\n')).not.toContain(wrong);
  });

  it('stops with a clear error when the family list is not in Malpedia\'s format', async () => {
    const malpedia = await serve();
    malpedia.override('get/families', '["win.kumo_rat"]');
    await expect(runImportOnce(connector, { config: { baseUrl: malpedia.origin }, now, httpOptions })).rejects.toThrow(
      /^Malpedia answered get\/families with something that is not its documented format \(at the top: .*\); nothing was imported\. Check the Malpedia URL/,
    );
  });

  it('emits nothing at all when a later answer is malformed, though earlier families were fine', async () => {
    const malpedia = await serve();
    // Families are read in order: apk.sakura_spy and elf.tidepool_miner convert, then win.kumo_rat's rules break.
    malpedia.override('get/yara/win.kumo_rat', '{"tlp_white": ["not a map of rules"]}');
    const http = createHttpClient(httpOptions);
    const emitted: JsonObject[][] = [];
    try {
      const run = connector.run({
        config: parseConfig(connector, { baseUrl: malpedia.origin }), cursor: {}, http, log: createCollectingLogger({ secrets: [] }).logger, now, signal: new AbortController().signal,
        emit: (batch) => {
          emitted.push(batch);
          return Promise.resolve();
        },
      });
      await expect(run).rejects.toThrow(/^Malpedia answered get\/yara\/win\.kumo_rat with something that is not its documented format \(at tlp_white: /);
    } finally {
      await http.close();
    }
    expect(emitted).toEqual([]);
  });

  it('imports the families alone when actors, YARA rules and samples are switched off', async () => {
    const malpedia = await serve();
    const config = { baseUrl: malpedia.origin, apiKey: KEY, importIntrusionSets: false, importYara: false, importSamples: false };
    const outcome = await runImportOnce(connector, { config, now, httpOptions });
    expect(names(outcome.objects, 'malware')).toEqual(['KumoRAT', 'SakuraSpy', 'elf.tidepool_miner']);
    expect([...new Set(outcome.objects.map((object) => object['type']))].sort()).toEqual(['identity', 'malware', 'marking-definition']);
    expect(malpedia.calls.map((call) => call.path)).toEqual(['check/apikey', 'get/version', 'get/families']);
  });

  it('waits out Malpedia\'s rate limit and carries on, and gives up after three refusals in a row', async () => {
    const malpedia = await serve();
    const waits: number[] = [];
    const patient = createMalpediaConnector((ms) => {
      waits.push(ms);
      return Promise.resolve();
    });
    malpedia.throttle('get/families', 2);
    const outcome = await runImportOnce(patient, { config: { baseUrl: malpedia.origin }, now, httpOptions });
    expect(names(outcome.objects, 'malware')).toHaveLength(3);
    expect(waits).toEqual([65_000, 65_000]);
    expect(outcome.log.map((entry) => entry.message)).toContain('Malpedia asks to slow down (HTTP 429 for get/families); waiting 65 s before asking again.');

    malpedia.throttle('get/families', 3);
    await expect(runImportOnce(patient, { config: { baseUrl: malpedia.origin }, now, httpOptions })).rejects.toThrow(/429/);
  });

  it('leaves out an actor whose entry has no name, keeping the rest of the import', async () => {
    const malpedia = await serve();
    malpedia.override('get/actor/paper_crane', '{"value": "", "description": null, "meta": null}');
    const outcome = await runImportOnce(connector, { config: { baseUrl: malpedia.origin }, now, httpOptions });
    expect(ofType(outcome.objects, 'intrusion-set')).toEqual([]);
    expect(names(outcome.objects, 'malware')).toHaveLength(3);
    expect(outcome.log.map((entry) => entry.message)).toContain('No Malpedia actor page for Glass Heron, Paper Crane; those attributions were left out.');
  });
});

/**
 * The MISP feed connector end to end against the Infoblox feed sample served on 127.0.0.1:
 * what an analyst sees after the first run, after a run over an unchanged feed, after the
 * feed publishes one more event, and when a file or the manifest is broken.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TLP_1, TLP_2, type JsonObject } from '../../../core/stix/index.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../../testkit/fixtures.ts';
import { loadStixSchemaOracle, type StixSchemaOracle } from '../../../testkit/stixSchemas.ts';
import { runImportOnce, type RunOnceOutcome } from '../testing/runOnce.ts';
import { connector } from './index.ts';
import { serveFeedFolder, type FeedServer } from './testing/feedServer.ts';

const available = fixturesAvailable && hasFixture('misp-feed', 'infoblox', 'manifest.json') && hasFixture('stix2.1-schemas');
if (!available) console.warn(`[misp-feed] end-to-end tests skipped: ${fixturesSkipReason}`);

const FOLDER = fixturePath('misp-feed', 'infoblox');
const EVENTS = 18;
const now = (): Date => new Date('2026-11-01T00:00:00Z');
const fastHttp = { retries: 0, baseDelayMs: 1 };

function byType(objects: readonly JsonObject[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const object of objects) counts.set(String(object['type']), (counts.get(String(object['type'])) ?? 0) + 1);
  return counts;
}

/**
 * core/misp keeps `url` attributes that are scheme-less or defanged (`hXXps[:]//…`) as url
 * SCOs, whose value is then no RFC 3986 URI (7 of 175 in this feed); that is core/misp's
 * mapping, reported to its owner, so they are counted here and left out of the schema check.
 */
function notAUri(object: JsonObject): boolean {
  return object['type'] === 'url' && !URL.canParse(String(object['value']));
}

function asBundle(objects: readonly JsonObject[]): JsonObject {
  const unique = new Map(objects.map((object) => [String(object['id']), object]));
  return { type: 'bundle', id: `bundle--${randomUUID()}`, objects: [...unique.values()] };
}

function eventPaths(server: FeedServer): string[] {
  return server.paths().filter((path) => path !== '/feed/manifest.json');
}

describe.skipIf(!available)('MISP feed connector on the Infoblox feed', { timeout: 30_000 }, () => {
  let oracle: StixSchemaOracle;
  let server: FeedServer | undefined;
  beforeAll(() => {
    oracle = loadStixSchemaOracle();
  }, 30_000);
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function firstRun(feed: FeedServer): Promise<RunOnceOutcome> {
    // A red default: the feed tags its own events, so the default must change nothing.
    return runImportOnce(connector, { config: { preset: 'custom', url: feed.url, importFrom: '2000-01-01', tlp: 'red' }, now, httpOptions: fastHttp });
  }

  it('imports every event as a report with its indicators, all valid against the OASIS schemas', async () => {
    server = await serveFeedFolder(FOLDER);
    const outcome = await firstRun(server);
    const types = byType(outcome.objects);
    expect(types.get('report')).toBe(EVENTS);
    expect(types.get('indicator')).toBeGreaterThan(EVENTS);
    expect(types.get('relationship')).toBeGreaterThan(0);
    expect(oracle.bundleProblems(asBundle(outcome.objects))).toEqual([]);
    // The feed writes some URLs defanged or without a scheme; each still becomes a URI.
    expect(outcome.objects.filter(notAUri)).toEqual([]);
    // Infoblox tags each event tlp:white (TLP 1.0) or tlp:clear (TLP 2.0); each keeps its own.
    const reports = outcome.objects.filter((object) => object['type'] === 'report');
    const marking = (uuid: string): unknown => reports.find((report) => report['id'] === `report--${uuid}`)?.['object_marking_refs'];
    expect(marking('1733d613-f09f-43ec-8e6a-3926f75e5fa4')).toEqual([TLP_1.white.id]);
    expect(marking('0dbb179a-1c8c-4e7c-a264-2440414dbac8')).toEqual([TLP_2.clear.id]);
    expect(outcome.objects.some((object) => JSON.stringify(object['object_marking_refs'] ?? []).includes(TLP_1.red.id))).toBe(false);
    expect(reports.map((report) => report['name'])).toContain('volta_stealer_20260629_iocs');
    expect(outcome.batches).toBe(EVENTS);
    expect(outcome.result.summary).toMatch(/^18 event\(s\) \(18 new, 0 changed\)/);
    expect(eventPaths(server)).toHaveLength(EVENTS);
  });

  it('downloads nothing but a 304 and emits nothing when the feed has not changed', async () => {
    server = await serveFeedFolder(FOLDER);
    const first = await firstRun(server);
    const before = server.paths().length;
    const second = await runImportOnce(connector, {
      config: { preset: 'custom', url: server.url, importFrom: '2000-01-01' },
      cursor: first.result.cursor,
      validators: first.validators,
      now,
      httpOptions: fastHttp,
    });
    expect(second.objects).toEqual([]);
    expect(server.paths().slice(before)).toEqual(['/feed/manifest.json']);
    expect(second.result.summary).toMatch(/not changed/);
    expect(second.result.cursor).toEqual(first.result.cursor);
  });

  it('fetches only the event the feed added since the last run', async () => {
    server = await serveFeedFolder(FOLDER);
    const first = await firstRun(server);
    const uuid = randomUUID();
    const source = JSON.parse(readFileSync(`${FOLDER}/0dbb179a-1c8c-4e7c-a264-2440414dbac8.json`, 'utf8')) as { Event: JsonObject };
    const event = { Event: { ...source.Event, uuid, info: 'a new event', timestamp: '1790000000' } };
    server.putEvent(uuid, { info: 'a new event', date: '2026-09-01', timestamp: 1790000000 }, JSON.stringify(event));
    const before = server.paths().length;
    const second = await runImportOnce(connector, {
      config: { preset: 'custom', url: server.url, importFrom: '2000-01-01' },
      cursor: first.result.cursor,
      validators: first.validators,
      now,
      httpOptions: fastHttp,
    });
    expect(server.paths().slice(before)).toEqual(['/feed/manifest.json', `/feed/${uuid}.json`]);
    const reports = second.objects.filter((object) => object['type'] === 'report');
    expect(reports.map((report) => report['id'])).toEqual([`report--${uuid}`]);
    expect(second.result.summary).toMatch(/^1 event\(s\) \(1 new, 0 changed\)/);
  });

  it('skips a broken event file with a warning naming it, imports the rest and retries it next run', async () => {
    server = await serveFeedFolder(FOLDER);
    const broken = 'dad88707-beb8-4a14-94e2-5ffecf5a5f85';
    server.putEvent(broken, server.manifest[broken] as JsonObject, '{"Event": {"info": "c2_beacon", "Attribute": [');
    const first = await firstRun(server);
    expect(byType(first.objects).get('report')).toBe(EVENTS - 1);
    const warnings = first.log.filter((entry) => entry.level === 'warn').map((entry) => entry.message);
    expect(warnings.some((message) => message.includes('c2_beacon_20230414_iocs') && message.includes(`${broken}.json`))).toBe(true);
    expect(first.result.summary).toMatch(/1 event\(s\) skipped/);

    // Repaired upstream without a manifest change: the 304 still leads to the retry.
    server.putEvent(broken, server.manifest[broken] as JsonObject, readFileSync(`${FOLDER}/${broken}.json`, 'utf8'));
    const second = await runImportOnce(connector, {
      config: { preset: 'custom', url: server.url, importFrom: '2000-01-01' },
      cursor: first.result.cursor,
      validators: first.validators,
      now,
      httpOptions: fastHttp,
    });
    expect(second.objects.filter((object) => object['type'] === 'report').map((report) => report['id'])).toEqual([`report--${broken}`]);
    expect(second.result.cursor['failed']).toEqual({});
  });

  it('stops with a clear error when manifest.json is not a manifest', async () => {
    server = await serveFeedFolder(FOLDER);
    server.breakManifest('<html>Moved</html>');
    await expect(firstRun(server)).rejects.toThrow(/manifest\.json is not JSON, so it is not a MISP feed manifest/);
    server.breakManifest('[1, 2, 3]');
    await expect(firstRun(server)).rejects.toThrow(/is not a MISP feed manifest/);
  });

  it('imports only events changed on or after the import-from day', async () => {
    server = await serveFeedFolder(FOLDER);
    const since = Date.parse('2025-06-01T00:00:00Z') / 1000;
    const expected = Object.values(server.manifest).filter((entry) => Number((entry as JsonObject)['timestamp']) >= since).length;
    const outcome = await runImportOnce(connector, { config: { preset: 'custom', url: server.url, importFrom: '2025-06-01' }, now, httpOptions: fastHttp });
    expect(expected).toBeGreaterThan(0);
    expect(byType(outcome.objects).get('report')).toBe(expected);
    expect(eventPaths(server)).toHaveLength(expected);
  });
});

/**
 * The OTX connector end to end against recorded OTX data served on 127.0.0.1: intelmq's
 * 2015–2017 pulses paged by the test server, and Elastic's recorded subscribed-pulses pages.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attackPatternId, TLP_1, TLP_2, type JsonObject } from '../../../core/stix/index.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../../testkit/fixtures.ts';
import { loadStixSchemaOracle, type StixSchemaOracle } from '../../../testkit/stixSchemas.ts';
import type { LocalServer } from '../testing/localServer.ts';
import { runImportOnce } from '../testing/runOnce.ts';
import { connector } from './index.ts';
import { serveOtx } from './testing/otxServer.ts';

const available = fixturesAvailable && hasFixture('otx', 'intelmq-otx-pulses-2015.json') && hasFixture('stix2.1-schemas');
if (!available) console.warn(`[otx] end-to-end tests skipped: ${fixturesSkipReason}`);

const KEY = 'otx-test-key-0123456789abcdef';
const now = (): Date => new Date('2026-11-01T00:00:00Z');
const fastHttp = { retries: 0, baseDelayMs: 1 };

function readJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(fixturePath(...parts), 'utf8'));
}

function ofType(objects: readonly JsonObject[], type: string): JsonObject[] {
  return objects.filter((object) => object['type'] === type);
}

function pathsAndPages(server: LocalServer): string[] {
  return server.requests.map((request) => new URL(request.url ?? '/', 'http://x').searchParams.get('page') ?? '?');
}

describe.skipIf(!available)('OTX connector on recorded pulses', { timeout: 20_000 }, () => {
  let oracle: StixSchemaOracle;
  let server: LocalServer | undefined;
  beforeAll(() => {
    oracle = loadStixSchemaOracle();
  }, 30_000);
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('imports every subscribed pulse across pages as a report with valid indicators and observables', async () => {
    const pulses = readJson('otx', 'intelmq-otx-pulses-2015.json') as Record<string, unknown>[];
    server = await serveOtx(KEY, { pulses, pageSize: 2 });
    const outcome = await runImportOnce(connector, { config: { apiKey: KEY, baseUrl: server.origin, importFrom: '2015-01-01' }, now, httpOptions: fastHttp });
    expect(pathsAndPages(server)).toEqual(['1', '2', '3']);
    const reports = ofType(outcome.objects, 'report');
    expect(reports).toHaveLength(pulses.length);
    expect(reports.map((report) => report['name'])).toContain('The Spy Kittens Are Back: Rocket Kitten 2');
    expect(ofType(outcome.objects, 'vulnerability').map((object) => object['name'])).toEqual(['CVE-2012-0158']);
    // 2 of the 91 values have no STIX counterpart here: the bare path "/woolen/" and the CVE (a vulnerability instead).
    expect(new Set(ofType(outcome.objects, 'indicator').map((object) => object['pattern'])).size).toBeGreaterThan(80);
    const basedOn = ofType(outcome.objects, 'relationship').filter((object) => object['relationship_type'] === 'based-on');
    expect(basedOn.length).toBe(ofType(outcome.objects, 'indicator').length);
    const bundle = { type: 'bundle', id: `bundle--${randomUUID()}`, objects: [...new Map(outcome.objects.map((object) => [object['id'], object])).values()] };
    expect(oracle.bundleProblems(bundle)).toEqual([]);
    // Their "TLP" field (capitals in 2016–2017 pulses) wins; the two 2015 pulses without one get the default.
    const marking = (name: string): unknown => reports.find((report) => report['name'] === name)?.['object_marking_refs'];
    expect(marking('Android banking malware masquerades as Flash Player')).toEqual([TLP_1.green.id]);
    expect(marking('Alert (TA17-164A)')).toEqual([TLP_1.white.id]);
    expect(marking('The Spy Kittens Are Back: Rocket Kitten 2')).toEqual([TLP_2.clear.id]);
    expect(outcome.result.cursor).toEqual({ modifiedSince: '2017-06-15T05:17:12.187Z', seen: [expect.any(String)] });
    expect(JSON.stringify(outcome.log)).not.toContain(KEY);
  });

  it('emits nothing on a second run when no pulse changed', async () => {
    const pulses = readJson('otx', 'intelmq-otx-pulses-2015.json') as Record<string, unknown>[];
    server = await serveOtx(KEY, { pulses, pageSize: 2 });
    const config = { apiKey: KEY, baseUrl: server.origin, importFrom: '2015-01-01' };
    const first = await runImportOnce(connector, { config, now, httpOptions: fastHttp });
    const second = await runImportOnce(connector, { config, cursor: first.result.cursor, now, httpOptions: fastHttp });
    expect(second.objects).toEqual([]);
    expect(second.result.summary).toBe('No new or changed pulses; 1 unchanged since the last run');
    expect(second.result.cursor).toEqual(first.result.cursor);
  });

  it('maps malware families, ATT&CK ids and the pulse TLP, and follows `next` on the configured server only', async () => {
    const pages = ['elastic-mock-pulses-subscribed-page1.json', 'elastic-mock-pulses-subscribed-page2.json'].map((name) => readFileSync(fixturePath('otx', name), 'utf8'));
    server = await serveOtx(KEY, { pages });
    const outcome = await runImportOnce(connector, { config: { apiKey: KEY, baseUrl: server.origin, importFrom: '2022-01-01' }, now, httpOptions: fastHttp });
    // page 1's `next` names https://otx.alienvault.com/…&page=2: it was asked of this server instead.
    expect(pathsAndPages(server)).toEqual(['1', '2']);
    const [report] = ofType(outcome.objects, 'report');
    expect(report?.['name']).toBe('Sample Pulse');
    expect(report?.['object_marking_refs']).toEqual([TLP_1.white.id]);
    expect(report?.['labels']).toEqual(['cisa', 'backdoor', 'whirlpool', 'malware']);
    expect(report?.['external_references']).toEqual([
      { source_name: 'AlienVault', url: `${server.origin}/pulse/64e38336d783f91d6948a7b1`, external_id: '64e38336d783f91d6948a7b1' },
      { source_name: 'AlienVault', url: 'https://www.cisa.gov/news-events/analysis-reports/ar23-230a' },
    ]);
    expect(ofType(outcome.objects, 'malware').map((object) => object['name'])).toEqual(['WHIRLPOOL']);
    expect(ofType(outcome.objects, 'attack-pattern').map((object) => object['id'])).toEqual(['T1531', 'T1059', 'T1566'].map(attackPatternId));
    const author = ofType(outcome.objects, 'identity').find((object) => object['name'] === 'SampleUser');
    expect(report?.['created_by_ref']).toBe(author?.['id']);
    const indicates = ofType(outcome.objects, 'relationship').filter((object) => object['relationship_type'] === 'indicates');
    expect(indicates).toHaveLength(4);
    const ip = ofType(outcome.objects, 'indicator').find((object) => object['name'] === '172.67.177.165');
    expect(ip).toMatchObject({ pattern: "[ipv4-addr:value = '172.67.177.165']", valid_from: '2023-08-09T05:05:15.000Z', valid_until: '2023-09-05T00:00:00.000Z' });
    expect(outcome.result.cursor).toEqual({ modifiedSince: '2023-08-22T09:43:18.855Z', seen: ['64e38336d783f91d6948a7b1'] });
  });

  it('stops with the HTTP error when OTX refuses the key, and never logs the key', async () => {
    server = await serveOtx(KEY, { pages: [] });
    const wrong = 'wrong-key-fedcba9876543210';
    const logged: string[] = [];
    await expect(
      runImportOnce(connector, { config: { apiKey: wrong, baseUrl: server.origin }, now, httpOptions: fastHttp, onLog: (entry) => logged.push(entry.message) }),
    ).rejects.toThrow(/403/);
    expect(logged.join('\n')).not.toContain(wrong);
  });
});

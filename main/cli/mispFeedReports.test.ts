/**
 * Issue 20, point 4, on real reports: every report PDF of the shared fixtures through
 * `magpie extract --format stix`, Magpie's MISP feed (one event per report) and Magpie's
 * MISP feed connector from a 127.0.0.1 server gives back the same observables (same ids)
 * and the same indicator patterns, and the same reports.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toMispFeed } from '../../core/exports/mispFeed.ts';
import type { JsonObject } from '../../core/stix/index.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { connector } from '../connectors/misp-feed/index.ts';
import { serveFeedFiles } from '../connectors/misp-feed/testing/feedFiles.ts';
import { runImportOnce } from '../connectors/testing/runOnce.ts';
import { runExtract } from './extract.ts';
import type { CliIo } from './io.ts';

const available = fixturesAvailable && hasFixture('reports');
const pdfs = available ? readdirSync(fixturePath('reports')).filter((name) => name.endsWith('.pdf')).map((name) => fixturePath('reports', name)) : [];

const CONTEXT = new Set(['indicator', 'report', 'relationship', 'identity', 'marking-definition', 'sighting', 'attack-pattern', 'vulnerability', 'malware', 'intrusion-set', 'tool', 'campaign', 'course-of-action', 'x-mitre-tactic']);

function summary(objects: readonly JsonObject[]) {
  const ids = (keep: (object: JsonObject) => boolean) => [...new Set(objects.filter(keep).map((object) => String(object['id'])))].sort();
  return {
    observables: ids((object) => !CONTEXT.has(String(object['type']))),
    patterns: [...new Set(objects.filter((object) => object['type'] === 'indicator').map((object) => String(object['pattern'])))].sort(),
    reports: ids((object) => object['type'] === 'report'),
  };
}

describe.skipIf(!available)(`the fixture reports through Magpie's MISP feed and back${available ? '' : ` (${fixturesSkipReason})`}`, () => {
  it('gives back the same observables, indicator patterns and reports', async () => {
    let out = '';
    const io: CliIo = { stdout: (text) => void (out += text), stderr: () => undefined, readStdin: () => Promise.resolve(new Uint8Array()) };
    expect(await runExtract(pdfs, 'stix', io)).toBe(0);
    const bundle = (JSON.parse(out) as { objects: JsonObject[] }).objects;
    const server = await serveFeedFiles(toMispFeed(bundle).files);
    try {
      const outcome = await runImportOnce(connector, { config: { preset: 'custom', url: server.url, importFrom: '2000-01-01' } });
      const sent = summary(bundle);
      const back = summary(outcome.objects);
      expect(sent.observables.length).toBeGreaterThan(100);
      expect(back.observables).toEqual(sent.observables);
      expect(back.patterns).toEqual(sent.patterns);
      expect(back.reports).toEqual(sent.reports);
    } finally {
      await server.close();
    }
  }, 300_000);
});

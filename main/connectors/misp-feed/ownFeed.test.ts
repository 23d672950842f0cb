/**
 * Issue 20, point 4: Magpie's own MISP feed (core/exports/mispFeed.ts) read back by Magpie's
 * MISP feed connector from a 127.0.0.1 server gives back the same observables, indicators
 * and reports: nothing is lost on the way through MISP's feed format.
 */
import { describe, expect, it } from 'vitest';
import { toMispFeed } from '../../../core/exports/mispFeed.ts';
import { feedBundle } from '../../../core/exports/testdata/feedBundle.ts';
import type { JsonObject } from '../../../core/stix/index.ts';
import { runImportOnce } from '../testing/runOnce.ts';
import { connector } from './index.ts';
import { serveFeedFiles } from './testing/feedFiles.ts';

const isObservable = (object: JsonObject): boolean => !['indicator', 'report', 'relationship', 'identity', 'marking-definition', 'sighting'].includes(String(object['type']));

/** What a reader of the knowledge base sees of each object, whoever wrote it. */
function essence(objects: readonly JsonObject[]) {
  const observables = objects.filter(isObservable).map((object) => {
    const { id, type, value, hashes, name, key } = object;
    return JSON.stringify({ id, type, value, hashes, name, key });
  });
  const patterns = objects.filter((object) => object['type'] === 'indicator').map((object) => String(object['pattern']));
  const reports = objects.filter((object) => object['type'] === 'report').map((object) => ({ id: object['id'], name: object['name'], published: String(object['published']).slice(0, 10) }));
  return { observables: [...new Set(observables)].sort(), patterns: [...new Set(patterns)].sort(), reports: reports.sort((a, b) => String(a.id).localeCompare(String(b.id))) };
}

describe("Magpie's MISP feed, read by Magpie's MISP feed connector", () => {
  it('gives back the same observables, indicators and reports', async () => {
    const bundle = feedBundle();
    const feed = toMispFeed(bundle);
    const server = await serveFeedFiles(feed.files);
    try {
      const outcome = await runImportOnce(connector, { config: { preset: 'custom', url: server.url, importFrom: '2000-01-01' } });
      expect(outcome.result.summary).toContain('3 event(s) (3 new, 0 changed)');
      const back = essence(outcome.objects);
      const sent = essence(bundle);
      expect(back.observables).toEqual(sent.observables);
      expect(back.patterns).toEqual(sent.patterns);
      // The loose domain comes back under the feed's third event, named by the export.
      expect(back.reports.filter((report) => report.name !== 'Magpie export')).toEqual(sent.reports);
    } finally {
      await server.close();
    }
  });
});

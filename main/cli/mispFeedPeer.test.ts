/**
 * Issue 20, point 4, checked with MISP's own code: Magpie's MISP feed has the manifest.json
 * and hashes.csv PyMISP's feed generator writes for the same event files, and PyMISP loads
 * every event with valid type/category pairs and a uuid on each attribute.
 */
import { describe, expect, it } from 'vitest';
import { toMispFeed } from '../../core/exports/mispFeed.ts';
import { feedBundle } from '../../core/exports/testdata/feedBundle.ts';
import { pymispFeedMeta } from '../../testkit/mispFeedGenerator.ts';
import { checkEvent, mispPeerAvailable } from '../../testkit/mispPeer.ts';

const peer = await mispPeerAvailable();

describe.skipIf(!peer)("Magpie's MISP feed against PyMISP's feed generator", () => {
  it('writes the manifest.json and hashes.csv PyMISP writes, and PyMISP loads every event', async () => {
    const { files } = toMispFeed(feedBundle());
    const events = files.filter((file) => file.name !== 'manifest.json' && file.name !== 'hashes.csv');
    const generated = await pymispFeedMeta(events);
    const ours = (name: string): string => files.find((file) => file.name === name)?.text ?? '';
    expect(JSON.parse(ours('manifest.json'))).toEqual(generated.manifest);
    expect(ours('hashes.csv').split('\n').filter((line) => line !== '').sort()).toEqual([...generated.hashes].sort());
    for (const event of events) {
      const checked = await checkEvent(event.text);
      expect(checked, event.name).toMatchObject({ invalid: [], without_uuid: 0 });
    }
  }, 180_000);
});

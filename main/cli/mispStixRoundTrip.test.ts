/**
 * Issue 20, done-when: a Magpie bundle through misp-stix (what MISP runs on "import STIX 2",
 * ../shared/peers/misp) and back through Magpie's MISP import (core/misp, the file import's
 * and `magpie extract`'s) gives back the same observables. misp-stix writes the bare event
 * (no {"Event": …} wrapper) and MISP objects (a file's name and hashes together), so this
 * also shows both are read back whole.
 */
import { describe, expect, it } from 'vitest';
import { feedBundle } from '../../core/exports/testdata/feedBundle.ts';
import { mispEventToStix } from '../../core/misp/index.ts';
import { bundleToString, generateScoId, type JsonObject } from '../../core/stix/index.ts';
import { mispPeerAvailable, stixToMisp } from '../../testkit/mispPeer.ts';

const peer = await mispPeerAvailable();

const NOT_OBSERVABLE = new Set(['indicator', 'report', 'relationship', 'identity', 'marking-definition', 'sighting']);

/** Each observable as its type, id and identifying values: what the knowledge base merges on. */
function observables(objects: readonly JsonObject[]): string[] {
  return [...new Set(objects.filter((object) => !NOT_OBSERVABLE.has(String(object['type']))).map(({ id, type, value, hashes, name, key }) => JSON.stringify({ id, type, value, hashes, name, key })))].sort();
}

describe.skipIf(!peer)('Magpie bundle → misp-stix → Magpie\'s MISP import', () => {
  it('gives back the same observables, a file\'s hashes and name still one file', async () => {
    const properties = { hashes: { MD5: '9e107d9d372bb6826bd81d3542a419d6', 'SHA-256': 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592' }, name: 'updater.exe' };
    const file: JsonObject = { type: 'file', spec_version: '2.1', id: generateScoId('file', properties), ...properties };
    const bundle = [...feedBundle(), file];
    const { event, errors } = await stixToMisp(await bundleToString(bundle));
    expect(errors).toEqual([]);
    const back = mispEventToStix(event).objects;
    expect(observables(back)).toEqual(observables(bundle));
    expect(back.filter((object) => object['name'] === 'updater.exe')).toEqual([expect.objectContaining({ type: 'file', hashes: properties.hashes })]);
  }, 180_000);
});

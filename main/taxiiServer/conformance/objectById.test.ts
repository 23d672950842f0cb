/**
 * TAXII 2.1 conformance, one object: §5.6 Get an Object (an envelope, match[version], paging)
 * and §5.8 Get Object Versions (the §5.8.1 versions resource, its date headers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformanceTarget, type ConformanceTarget } from '../testing/conformanceTarget.ts';
import { byDateAdded, idsOfType, keysOf, versionedId, versionKey, versionOf } from './expected.ts';
import { allPages } from './paging.ts';
import { Envelope, expectDateAddedHeaders, expectFailure, expectResource, Versions } from './resources.ts';
import { collectionPath, microseconds, taxii, taxiiTimestamp } from './taxiiClient.ts';

let target: ConformanceTarget;
beforeAll(async () => {
  target = await startConformanceTarget();
});
afterAll(async () => {
  await target.close();
});

const objectPath = (id: string, rest = '') => collectionPath(target, target.collections.readable, `objects/${id}/${rest}`);
const versionsOf = (id: string) => byDateAdded(target.seeded.filter((entry) => entry.object.id === id));
const unknownId = 'indicator--00000000-0000-4000-8000-000000000000';

describe('§5.6 Get an Object', () => {
  it('§5.6: an envelope holding the latest version only (no match[version] means last), with the date headers of that version', async () => {
    const id = versionedId(target);
    const newest = versionsOf(id).at(-1);
    const answer = await taxii(target, objectPath(id), { token: target.tokens.reader });
    expect((expectResource(answer, 200, Envelope).objects ?? []).map(versionKey)).toEqual(keysOf(newest === undefined ? [] : [newest]));
    expectDateAddedHeaders(answer, newest?.dateAdded ?? '', newest?.dateAdded ?? '');
  });

  it('§5.6 match[version]: all gives every version oldest first, first the earliest one', async () => {
    const id = versionedId(target);
    const versions = versionsOf(id);
    const all = await taxii(target, objectPath(id), { token: target.tokens.reader, query: [['match[version]', 'all']] });
    expect((expectResource(all, 200, Envelope).objects ?? []).map(versionKey)).toEqual(keysOf(versions));
    expectDateAddedHeaders(all, versions[0]?.dateAdded ?? '', versions.at(-1)?.dateAdded ?? '');
    const first = await taxii(target, objectPath(id), { token: target.tokens.reader, query: [['match[version]', 'first']] });
    expect((expectResource(first, 200, Envelope).objects ?? []).map(versionKey)).toEqual(keysOf(versions.slice(0, 1)));
  });

  it('§5.6 with limit: one version per page and more: true, then the rest by next (§3.5)', async () => {
    const id = versionedId(target);
    const pages = await allPages(target, objectPath(id), Envelope, { token: target.tokens.reader, limit: 1, query: [['match[version]', 'all']], follow: 'next' });
    expect(pages[0]?.more).toBe(true);
    expect(pages.flatMap((page) => page.items.map(versionKey))).toEqual(keysOf(versionsOf(id)));
  });

  it('§5.6: an object id the collection does not hold answers 404', async () => {
    expectFailure(await taxii(target, objectPath(unknownId), { token: target.tokens.reader }), [404]);
  });

  it('§5.6: a wrong Accept answers 406', async () => {
    expectFailure(await taxii(target, objectPath(versionedId(target)), { token: target.tokens.reader, accept: 'application/xml' }), [406]);
  });
});

describe('§5.8 Get Object Versions', () => {
  it('§5.8/§5.8.1: the versions (modified) of every version held, oldest first, with the date headers of the first and last', async () => {
    const id = versionedId(target);
    const versions = versionsOf(id);
    const answer = await taxii(target, objectPath(id, 'versions/'), { token: target.tokens.reader });
    const served = expectResource(answer, 200, Versions).versions ?? [];
    expect(served.map(microseconds)).toEqual(versions.map((entry) => microseconds(versionOf(entry.object))));
    expectDateAddedHeaders(answer, versions[0]?.dateAdded ?? '', versions.at(-1)?.dateAdded ?? '');
  });

  it('§5.8: an object with one version lists exactly its modified', async () => {
    const [malware] = idsOfType(target, 'malware');
    const served = expectResource(await taxii(target, objectPath(malware ?? '', 'versions/'), { token: target.tokens.reader }), 200, Versions).versions ?? [];
    expect(served.map(microseconds)).toEqual(versionsOf(malware ?? '').map((entry) => microseconds(versionOf(entry.object))));
  });

  it('§5.8 filters: added_after leaves out versions added at or before it; limit=1 gives one version and more: true', async () => {
    const id = versionedId(target);
    const versions = versionsOf(id);
    const later = expectResource(await taxii(target, objectPath(id, 'versions/'), { token: target.tokens.reader, query: [['added_after', taxiiTimestamp(versions[0]?.dateAdded ?? '')]] }), 200, Versions);
    expect((later.versions ?? []).map(microseconds)).toEqual(versions.slice(1).map((entry) => microseconds(versionOf(entry.object))));
    const limited = expectResource(await taxii(target, objectPath(id, 'versions/'), { token: target.tokens.reader, query: [['limit', '1']] }), 200, Versions);
    expect(limited.versions).toHaveLength(1);
    expect(limited.more).toBe(true);
  });

  it('§5.8: the versions of an object the collection does not hold answer 404', async () => {
    expectFailure(await taxii(target, objectPath(unknownId, 'versions/'), { token: target.tokens.reader }), [404]);
  });
});

/**
 * TAXII 2.1 conformance, §5.3 Get Object Manifests: the §5.3.1 manifest resource and its
 * records (id, date_added, version, media_type), §3.2 date headers, §3.4 added_after and §3.5
 * paging of the manifest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformanceTarget, type ConformanceTarget } from '../testing/conformanceTarget.ts';
import { addedAfter, keysOf, latestVersions, versionOf } from './expected.ts';
import { allPages } from './paging.ts';
import { Collection, expectDateAddedHeaders, expectFailure, expectResource, Manifest } from './resources.ts';
import { collectionPath, microseconds, taxii, taxiiTimestamp } from './taxiiClient.ts';

let target: ConformanceTarget;
let manifestPath: string;
beforeAll(async () => {
  target = await startConformanceTarget();
  manifestPath = collectionPath(target, target.collections.readable, 'manifest/');
});
afterAll(async () => {
  await target.close();
});

const recordKey = (record: { id: string; version: string }) => `${record.id}@${String(microseconds(record.version))}`;

describe('§5.3 Get Object Manifests', () => {
  it('§5.3/§5.3.1: 200, one record per latest object version, oldest first (§3.3), with the date headers of the first and last', async () => {
    const answer = await taxii(target, manifestPath, { token: target.tokens.reader });
    const records = expectResource(answer, 200, Manifest).objects ?? [];
    const expected = latestVersions(target.seeded);
    expect(records.map(recordKey)).toEqual(keysOf(expected));
    expectDateAddedHeaders(answer, expected[0]?.dateAdded ?? '', expected.at(-1)?.dateAdded ?? '');
  });

  it('§5.3.1 manifest-record: date_added is when that version was added, version is the STIX modified, media_type one of the collection\'s', async () => {
    const records = expectResource(await taxii(target, manifestPath, { token: target.tokens.reader }), 200, Manifest).objects ?? [];
    const collection = expectResource(await taxii(target, collectionPath(target, target.collections.readable), { token: target.tokens.reader }), 200, Collection);
    for (const entry of latestVersions(target.seeded)) {
      const record = records.find((candidate) => candidate.id === entry.object.id);
      expect(record, String(entry.object.id)).toBeDefined();
      expect(microseconds(record?.date_added ?? '')).toBe(microseconds(entry.dateAdded));
      expect(microseconds(record?.version ?? '')).toBe(microseconds(versionOf(entry.object)));
      // "This value MUST be one of the media types listed on the collection resource" (absent there = application/stix+json).
      if (record?.media_type !== undefined) expect(collection.media_types ?? ['application/stix+json']).toContain(record.media_type);
    }
  });

  it('§3.4 added_after on the manifest: strictly after; after the newest, an empty object (§5.3.1 "this key MUST be omitted")', async () => {
    const expected = latestVersions(target.seeded);
    const pivot = expected[3]?.dateAdded ?? '';
    const after = expectResource(await taxii(target, manifestPath, { token: target.tokens.reader, query: [['added_after', taxiiTimestamp(pivot)]] }), 200, Manifest);
    expect((after.objects ?? []).map(recordKey)).toEqual(keysOf(addedAfter(expected, pivot)));
    const empty = await taxii(target, manifestPath, { token: target.tokens.reader, query: [['added_after', taxiiTimestamp(expected.at(-1)?.dateAdded ?? '')]] });
    expect(expectResource(empty, 200, Manifest).objects).toBeUndefined();
  });

  it('§3.5: the manifest pages with limit and more/next, every record once', async () => {
    const pages = await allPages(target, manifestPath, Manifest, { token: target.tokens.reader, limit: 6, follow: 'next' });
    expect(pages[0]?.more).toBe(true);
    expect(pages.flatMap((page) => page.items.map(recordKey))).toEqual(keysOf(latestVersions(target.seeded)));
  });

  it('§5.3: a wrong Accept answers 406; a malformed limit 400', async () => {
    expectFailure(await taxii(target, manifestPath, { token: target.tokens.reader, accept: 'application/xml' }), [406]);
    expectFailure(await taxii(target, manifestPath, { token: target.tokens.reader, query: [['limit', '0']] }), [400]);
  });
});

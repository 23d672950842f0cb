/**
 * TAXII 2.1 conformance, §5.4 Get Objects: the §3.7 envelope, §3.3 sorting, §3.2 date headers,
 * §3.4 added_after and limit, §3.5 pagination with more/next, §3.4 "malformed" → 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformanceTarget, type ConformanceTarget } from '../testing/conformanceTarget.ts';
import { addedAfter, keysOf, latestVersions, oneMicrosecondBefore, versionKey } from './expected.ts';
import { allPages } from './paging.ts';
import { Envelope, expectDateAddedHeaders, expectFailure, expectResource } from './resources.ts';
import { collectionPath, taxii, taxiiTimestamp } from './taxiiClient.ts';

let target: ConformanceTarget;
let objectsPath: string;
beforeAll(async () => {
  target = await startConformanceTarget();
  objectsPath = collectionPath(target, target.collections.readable, 'objects/');
});
afterAll(async () => {
  await target.close();
});

const getObjects = (query: [string, string][] = []) => taxii(target, objectsPath, { token: target.tokens.reader, query });
const dateAddedOf = (entries: { dateAdded: string }[], at: 'first' | 'last') => (at === 'first' ? entries[0] : entries.at(-1))?.dateAdded ?? '';

describe('§5.4 Get Objects', () => {
  it('§5.4/§3.7/§3.3: 200, an envelope of the latest version of every object, oldest date_added first, and no more', async () => {
    const answer = await getObjects();
    const envelope = expectResource(answer, 200, Envelope);
    const expected = latestVersions(target.seeded);
    expect((envelope.objects ?? []).map(versionKey)).toEqual(keysOf(expected));
    expect(envelope.more ?? false).toBe(false);
  });

  it('§5.4: the objects are served as the collection holds them (every property, not a summary)', async () => {
    const envelope = expectResource(await getObjects(), 200, Envelope);
    const served = new Map((envelope.objects ?? []).map((object) => [versionKey(object), object]));
    for (const { object } of latestVersions(target.seeded)) expect(served.get(versionKey(object))).toEqual(object);
  });

  it('§3.2: X-TAXII-Date-Added-First and -Last are TAXII timestamps naming the first and the last object of the response', async () => {
    const expected = latestVersions(target.seeded);
    expectDateAddedHeaders(await getObjects(), dateAddedOf(expected, 'first'), dateAddedOf(expected, 'last'));
  });

  it('§3.1/§5.4: a wrong Accept answers 406; application/taxii+json without version is served', async () => {
    expectFailure(await taxii(target, objectsPath, { token: target.tokens.reader, accept: 'application/xml' }), [406]);
    expectResource(await taxii(target, objectsPath, { token: target.tokens.reader, accept: 'application/taxii+json' }), 200, Envelope);
  });
});

describe('§3.4 added_after', () => {
  it('§3.4: only objects added strictly after the timestamp; one equal to it is left out', async () => {
    const expected = latestVersions(target.seeded);
    const pivot = expected[Math.floor(expected.length / 2)]?.dateAdded ?? '';
    const after = addedAfter(expected, pivot);
    const answer = await getObjects([['added_after', taxiiTimestamp(pivot)]]);
    expect((expectResource(answer, 200, Envelope).objects ?? []).map(versionKey)).toEqual(keysOf(after));
    expectDateAddedHeaders(answer, dateAddedOf(after, 'first'), dateAddedOf(after, 'last'));
  });

  it('§3.4: one microsecond earlier, the object added at that instant is back', async () => {
    const expected = latestVersions(target.seeded);
    const pivot = expected[Math.floor(expected.length / 2)]?.dateAdded ?? '';
    const answer = await getObjects([['added_after', oneMicrosecondBefore(pivot)]]);
    expect((expectResource(answer, 200, Envelope).objects ?? []).map(versionKey)).toEqual(keysOf(addedAfter(expected, oneMicrosecondBefore(pivot))));
    expect(keysOf(addedAfter(expected, oneMicrosecondBefore(pivot)))).toHaveLength(addedAfter(expected, pivot).length + 1);
  });

  it('§3.7/§5.4: after the newest object, an empty envelope: 200 and no objects property (§2: no empty lists)', async () => {
    const newest = dateAddedOf(latestVersions(target.seeded), 'last');
    const answer = await getObjects([['added_after', taxiiTimestamp(newest)]]);
    const envelope = expectResource(answer, 200, Envelope);
    expect(envelope.objects).toBeUndefined();
    expect(envelope.more ?? false).toBe(false);
  });
});

describe('§3.4 limit and §3.5 pagination', () => {
  it('§3.4 limit: no more objects than asked, the oldest first, and "more": true while objects remain', async () => {
    const answer = await getObjects([['limit', '5']]);
    const envelope = expectResource(answer, 200, Envelope);
    const served = (envelope.objects ?? []).map(versionKey);
    expect(served.length).toBeGreaterThan(0);
    expect(served.length).toBeLessThanOrEqual(5);
    const expected = latestVersions(target.seeded).slice(0, served.length);
    expect(served).toEqual(keysOf(expected));
    expect(envelope.more).toBe(true);
    expectDateAddedHeaders(answer, dateAddedOf(expected, 'first'), dateAddedOf(expected, 'last'));
  });

  it('§3.4 limit: a limit above the number of objects returns them all, without more: true', async () => {
    const envelope = expectResource(await getObjects([['limit', '1000']]), 200, Envelope);
    expect((envelope.objects ?? []).map(versionKey)).toEqual(keysOf(latestVersions(target.seeded)));
    expect(envelope.more ?? false).toBe(false);
  });

  it('§3.5: following next with the same query gives every object exactly once, in date_added order, ending with more false', async () => {
    const pages = await allPages(target, objectsPath, Envelope, { token: target.tokens.reader, limit: 4, follow: 'next' });
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(latestVersions(target.seeded).length / 4));
    expect(pages.flatMap((page) => page.items.map(versionKey))).toEqual(keysOf(latestVersions(target.seeded)));
    expect(pages.at(-1)?.more).toBe(false);
  });

  it('§3.5: paging with added_after = the previous X-TAXII-Date-Added-Last gives every object exactly once too', async () => {
    const pages = await allPages(target, objectsPath, Envelope, { token: target.tokens.reader, limit: 4, follow: 'added_after' });
    expect(pages.flatMap((page) => page.items.map(versionKey))).toEqual(keysOf(latestVersions(target.seeded)));
  });

  it('§3.5: next keeps the original filters ("along with the same original query options")', async () => {
    const indicators = latestVersions(target.seeded).filter((entry) => entry.object.type === 'indicator');
    const pages = await allPages(target, objectsPath, Envelope, { token: target.tokens.reader, limit: 3, query: [['match[type]', 'indicator']], follow: 'next' });
    expect(pages.flatMap((page) => page.items.map(versionKey))).toEqual(keysOf(indicators));
  });
});

describe('§3.4 malformed query parameters', () => {
  it.each<[string, [string, string][]]>([
    ['limit=0 ("MUST be a positive integer greater than zero")', [['limit', '0']]],
    ['limit=-3', [['limit', '-3']]],
    ['limit=ten', [['limit', 'ten']]],
    ['added_after that is not a timestamp', [['added_after', 'yesterday']]],
    ['added_after twice ("MUST NOT have more than one instance")', [['added_after', '2026-01-10T09:00:00.000000Z'], ['added_after', '2026-01-10T09:10:00.000000Z']]],
  ])('§3.4 "If any of the URL query parameters are malformed, the TAXII Server MUST return an HTTP 400": %s', async (_name, query) => {
    expectFailure(await getObjects(query), [400]);
  });
});

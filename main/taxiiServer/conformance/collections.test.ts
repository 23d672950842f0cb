/**
 * TAXII 2.1 conformance, collections: §5.1 Get Collections, §5.2 Get a Collection, the rights
 * each client sees (can_read/can_write, §5.2.1) and the 401/403/404 answers of §5.1–§5.8.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformanceTarget, type ConformanceTarget } from '../testing/conformanceTarget.ts';
import { versionedId } from './expected.ts';
import { Collection, Collections, expectFailure, expectResource } from './resources.ts';
import { collectionPath, taxii } from './taxiiClient.ts';

let target: ConformanceTarget;
beforeAll(async () => {
  target = await startConformanceTarget();
});
afterAll(async () => {
  await target.close();
});

async function collectionsOf(token: string): Promise<Collection[]> {
  return expectResource(await taxii(target, `${target.apiRootPath}collections/`, { token }), 200, Collections).collections ?? [];
}

const rights = (collections: Collection[]) => Object.fromEntries(collections.map((collection) => [collection.id, { can_read: collection.can_read, can_write: collection.can_write }]));

describe('§5.1 Get Collections', () => {
  it('§5.1/§5.2.1: a reader sees the collections it may read, can_read true and can_write false on each, and not the one it has no right to', async () => {
    const { readable, writable, hidden } = target.collections;
    const seen = await collectionsOf(target.tokens.reader);
    expect(rights(seen)).toEqual({ [readable]: { can_read: true, can_write: false }, [writable]: { can_read: true, can_write: false } });
    expect(seen.map((collection) => collection.id)).not.toContain(hidden);
  });

  it('§5.2.1 can_write: the writer is told it may write the writable collection and only that one', async () => {
    const { readable, writable } = target.collections;
    expect(rights(await collectionsOf(target.tokens.writer))).toEqual({ [readable]: { can_read: true, can_write: false }, [writable]: { can_read: true, can_write: true } });
  });

  it('§5.1.1: a client with no collections gets an empty object ("this key MUST be omitted"), not an empty list', async () => {
    const answer = await taxii(target, `${target.apiRootPath}collections/`, { token: target.tokens.stranger });
    expectResource(answer, 200, Collections);
    expect(answer.body).toEqual({});
  });

  it('§3.3: "The Collections Endpoint MUST return Collection Resources in a consistent sort order across multiple requests"', async () => {
    const first = (await collectionsOf(target.tokens.writer)).map((collection) => collection.id);
    const second = (await collectionsOf(target.tokens.writer)).map((collection) => collection.id);
    expect(second).toEqual(first);
  });

  it('§5.1: "If a client fails authentication then this endpoint MUST return either an HTTP 401 (Unauthorized) or an HTTP 404"; a wrong Accept 406', async () => {
    expectFailure(await taxii(target, `${target.apiRootPath}collections/`), [401, 404]);
    expectFailure(await taxii(target, `${target.apiRootPath}collections/`, { token: 'not-a-token-this-server-issued' }), [401, 404]);
    expectFailure(await taxii(target, `${target.apiRootPath}collections/`, { token: target.tokens.reader, accept: 'application/xml' }), [406]);
  });
});

describe('§5.2 Get a Collection', () => {
  it('§5.2/§5.2.1: 200 with the same collection resource the list gave, rights as seen by the asking client', async () => {
    const listed = (await collectionsOf(target.tokens.writer)).find((collection) => collection.id === target.collections.writable);
    const one = expectResource(await taxii(target, collectionPath(target, target.collections.writable), { token: target.tokens.writer }), 200, Collection);
    expect(one).toEqual(listed);
    const asReader = expectResource(await taxii(target, collectionPath(target, target.collections.writable), { token: target.tokens.reader }), 200, Collection);
    expect({ can_read: asReader.can_read, can_write: asReader.can_write }).toEqual({ can_read: true, can_write: false });
  });

  it('§5.2: a collection the client has no access to answers 403 or 404 ("the client does not have access to the collection resource")', async () => {
    expectFailure(await taxii(target, collectionPath(target, target.collections.hidden), { token: target.tokens.reader }), [403, 404]);
    expectFailure(await taxii(target, collectionPath(target, target.collections.readable), { token: target.tokens.stranger }), [403, 404]);
  });

  it('§5.2: a collection id that does not exist answers 404; failed authentication 401 or 404', async () => {
    expectFailure(await taxii(target, collectionPath(target, '91a7b528-80eb-42ed-a74d-c6fbd5a26116'), { token: target.tokens.reader }), [404]);
    expectFailure(await taxii(target, collectionPath(target, target.collections.readable)), [401, 404]);
  });

  it('§5.2.1 media_types: when given, it lists STIX 2.1 content, the media type of what the collection holds', async () => {
    for (const collection of await collectionsOf(target.tokens.writer)) {
      // Absence is equivalent to ["application/stix+json"].
      const types = collection.media_types ?? ['application/stix+json'];
      expect(types.some((type) => type.replace(/\s/g, '').startsWith('application/stix+json'))).toBe(true);
    }
  });
});

describe('§5.3–§5.8: endpoints of a collection the client may not read', () => {
  const paths = (collectionId: string) => {
    const objectId = versionedId(target);
    return [
      collectionPath(target, collectionId, 'manifest/'),
      collectionPath(target, collectionId, 'objects/'),
      collectionPath(target, collectionId, `objects/${objectId}/`),
      collectionPath(target, collectionId, `objects/${objectId}/versions/`),
    ];
  };

  it('"If the Collection specifies can_read as false for a particular client, this Endpoint MUST return an HTTP 403 (Forbidden) or HTTP 404" (§5.3, §5.4, §5.6, §5.8)', async () => {
    for (const path of paths(target.collections.hidden)) expectFailure(await taxii(target, path, { token: target.tokens.reader }), [403, 404]);
    for (const path of paths(target.collections.readable)) expectFailure(await taxii(target, path, { token: target.tokens.stranger }), [403, 404]);
  });

  it('"If a client fails authentication then this endpoint MUST return either an HTTP 401 (Unauthorized) or an HTTP 404" (§5.3, §5.4, §5.6, §5.8)', async () => {
    for (const path of paths(target.collections.readable)) expectFailure(await taxii(target, path), [401, 404]);
  });
});

describe('§5.7 Delete an Object: the answers its rights table makes mandatory', () => {
  const objectPath = (collectionId: string) => collectionPath(target, collectionId, `objects/${versionedId(target)}/`);

  it('§5.7: can_read true and can_write false → "HTTP 403 (Forbidden)", and the object stays', async () => {
    expectFailure(await taxii(target, objectPath(target.collections.readable), { token: target.tokens.reader, method: 'DELETE' }), [403]);
    expect((await taxii(target, objectPath(target.collections.readable), { token: target.tokens.reader })).status).toBe(200);
  });

  it('§5.7: can_read false and can_write false → "HTTP 404 (Not Found)"', async () => {
    expectFailure(await taxii(target, objectPath(target.collections.readable), { token: target.tokens.stranger, method: 'DELETE' }), [404]);
    expectFailure(await taxii(target, objectPath(target.collections.hidden), { token: target.tokens.reader, method: 'DELETE' }), [404]);
  });

  it('§5.7: "If a client fails authentication then this endpoint MUST return either an HTTP 401 (Unauthorized) or an HTTP 404"', async () => {
    expectFailure(await taxii(target, objectPath(target.collections.readable), { method: 'DELETE' }), [401, 404]);
  });
});

/**
 * TAXII 2.1 conformance, what follows an accepted POST: §4.3 Get Status polled until complete,
 * the §4.3.1 counts and status-details (successes, failures with id and version), §5.5 duplicates
 * that are no error, and the objects then readable from the collection (§5.4, §5.6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformanceTarget, type ConformanceTarget } from '../testing/conformanceTarget.ts';
import { keysOf, latestVersions, versionKey } from './expected.ts';
import { envelopeOf, indicator, invalidIndicator, malware, post, postAndWait, relationship } from './posting.ts';
import { Envelope, expectFailure, expectResource, Status } from './resources.ts';
import { collectionPath, microseconds, taxii, TAXII_TIMESTAMP } from './taxiiClient.ts';

let target: ConformanceTarget;
beforeAll(async () => {
  target = await startConformanceTarget();
});
afterAll(async () => {
  await target.close();
});

const detailKeys = (details: { id: string; version: string }[] | undefined) => (details ?? []).map((detail) => `${detail.id}@${String(microseconds(detail.version))}`).sort();
const sortedKeys = (objects: Record<string, unknown>[]) => objects.map(versionKey).sort();

async function servedFrom(collectionId: string, query: [string, string][] = []): Promise<string[]> {
  const answer = await taxii(target, collectionPath(target, collectionId, 'objects/'), { token: target.tokens.reader, query });
  return (expectResource(answer, 200, Envelope).objects ?? []).map(versionKey);
}

describe('§4.3 Get Status', () => {
  it('§4.3/§4.3.1: polled until complete — the same status id, every object counted as a success, none pending', async () => {
    const source = indicator();
    const family = malware();
    const objects = [source, family, relationship(source, family)];
    const { accepted, complete } = await postAndWait(target, target.collections.writable, objects);
    expect(complete.id).toBe(accepted.id);
    expect(complete).toMatchObject({ status: 'complete', total_count: 3, success_count: 3, failure_count: 0, pending_count: 0 });
    // status-details: "For STIX objects the version MUST be the STIX modified timestamp".
    if (complete.successes !== undefined) expect(detailKeys(complete.successes)).toEqual(sortedKeys(objects));
    expect(complete.pendings ?? []).toEqual([]);
  });

  it('§4.3.1: an object the server cannot add is a failure with its id and version (modified), the others succeed', async () => {
    const valid = indicator();
    const invalid = invalidIndicator();
    const { complete } = await postAndWait(target, target.collections.writable, [valid, invalid]);
    expect(complete).toMatchObject({ status: 'complete', total_count: 2, success_count: 1, failure_count: 1, pending_count: 0 });
    expect(detailKeys(complete.failures)).toEqual(sortedKeys([invalid]));
    if (complete.successes !== undefined) expect(detailKeys(complete.successes)).toEqual(sortedKeys([valid]));
  });

  it('§2 list: "Empty lists are prohibited in TAXII and MUST NOT be used as a substitute for omitting optional properties" — no empty successes, failures or pendings', async () => {
    const { accepted, complete } = await postAndWait(target, target.collections.writable, [indicator()]);
    for (const status of [accepted, complete]) {
      for (const name of ['successes', 'failures', 'pendings'] as const) expect(status[name]?.length ?? 'omitted', `${status.status}: ${name}`).not.toBe(0);
    }
  });

  it('§4.3.1 request_timestamp, when given, is a TAXII timestamp (§2: microsecond precision)', async () => {
    const { accepted, complete } = await postAndWait(target, target.collections.writable, [indicator()]);
    for (const status of [accepted, complete]) if (status.request_timestamp !== undefined) expect(status.request_timestamp).toMatch(TAXII_TIMESTAMP);
  });

  it('§4.3/§1.6.9: the status of a request is not shown without credentials (401, or 404 "the client does not have access")', async () => {
    const { accepted } = await postAndWait(target, target.collections.writable, [indicator()]);
    expectFailure(await taxii(target, `${target.apiRootPath}status/${accepted.id}/`), [401, 404]);
  });
});

describe('§5.5 then §5.4/§5.6: what was added', () => {
  it('§5.5: the added objects are then served by the writable collection (ids and modified), the failed one is not', async () => {
    const added = [indicator(), malware()];
    const invalid = invalidIndicator();
    await postAndWait(target, target.collections.writable, [...added, invalid]);
    const served = await servedFrom(target.collections.writable);
    for (const object of added) expect(served).toContain(versionKey(object));
    expect(served.some((key) => key.startsWith(`${String(invalid.id)}@`))).toBe(false);
    expectFailure(await taxii(target, collectionPath(target, target.collections.writable, `objects/${String(invalid.id)}/`), { token: target.tokens.reader }), [404]);
  });

  it('§5.5: posting to one collection leaves the others as they were', async () => {
    await postAndWait(target, target.collections.writable, [indicator()]);
    expect(await servedFrom(target.collections.readable)).toEqual(keysOf(latestVersions(target.seeded)));
  });

  it('§5.5: "If a client publishes an exact duplicate of an Object already present in the Collection, the server MUST not return an error for that Object"', async () => {
    const object = indicator();
    await postAndWait(target, target.collections.writable, [object]);
    const again = await postAndWait(target, target.collections.writable, [object]);
    expect(again.complete).toMatchObject({ status: 'complete', total_count: 1, failure_count: 0 });
    expect(await servedFrom(target.collections.writable, [['match[id]', String(object.id)], ['match[version]', 'all']])).toEqual([versionKey(object)]);
  });

  it('§5.5/§3.3: a new version posted later is served after the first, and is the "last" version', async () => {
    const first = indicator();
    await postAndWait(target, target.collections.writable, [first]);
    const second = { ...first, modified: '2026-02-01T11:00:00.000Z', name: 'Posted indicator, second version' };
    await postAndWait(target, target.collections.writable, [second]);
    expect(await servedFrom(target.collections.writable, [['match[id]', String(first.id)], ['match[version]', 'all']])).toEqual([versionKey(first), versionKey(second)]);
    expect(await servedFrom(target.collections.writable, [['match[id]', String(first.id)]])).toEqual([versionKey(second)]);
  });

  it('§5.5: the status of an accepted POST is reachable at {api-root}/status/{id}/ right after the 202', async () => {
    const accepted = expectResource(await post(target, target.collections.writable, envelopeOf([indicator()])), 202, Status);
    expectResource(await taxii(target, `${target.apiRootPath}status/${accepted.id}/`, { token: target.tokens.writer }), 200, Status);
  });
});

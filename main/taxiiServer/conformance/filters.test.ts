/**
 * TAXII 2.1 conformance, §3.4 / §3.4.1 match[] filters on §5.4 Get Objects and §5.3 Get Object
 * Manifests: type, id, version (first, last, all, a specific one) and spec_version; values in
 * one field are ORed, fields are ANDed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformanceTarget, type ConformanceTarget } from '../testing/conformanceTarget.ts';
import { byDateAdded, idsOfType, keysOf, latestVersions, versionedId, versionKey, versionOf } from './expected.ts';
import { Envelope, expectDateAddedHeaders, expectFailure, expectResource, Manifest } from './resources.ts';
import { collectionPath, microseconds, taxii } from './taxiiClient.ts';

let target: ConformanceTarget;
beforeAll(async () => {
  target = await startConformanceTarget();
});
afterAll(async () => {
  await target.close();
});

async function served(query: [string, string][]): Promise<string[]> {
  const answer = await taxii(target, collectionPath(target, target.collections.readable, 'objects/'), { token: target.tokens.reader, query });
  return (expectResource(answer, 200, Envelope).objects ?? []).map(versionKey);
}

const latest = () => latestVersions(target.seeded);
const versionsOf = (id: string) => byDateAdded(target.seeded.filter((entry) => entry.object.id === id));

describe('§3.4.1 match[type]', () => {
  it('"Only the types listed in this parameter are permitted in the response"', async () => {
    expect(await served([['match[type]', 'malware']])).toEqual(keysOf(latest().filter((entry) => entry.object.type === 'malware')));
  });

  it('§3.4: several values are ORed (match[type]=malware,relationship)', async () => {
    const expected = latest().filter((entry) => ['malware', 'relationship'].includes(entry.object.type as string));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(await served([['match[type]', 'malware,relationship']])).toEqual(keysOf(expected));
  });

  it('"Requests for types defined in STIX 2.1 MUST NOT result in an error": a type the collection lacks gives an empty envelope', async () => {
    expect(await served([['match[type]', 'campaign']])).toEqual([]);
  });
});

describe('§3.4.1 match[id]', () => {
  it('selects the object with that STIX id (its latest version), and several ids are ORed', async () => {
    const [malware] = idsOfType(target, 'malware');
    const [relationship] = idsOfType(target, 'relationship');
    expect(await served([['match[id]', malware ?? '']])).toEqual(keysOf(latest().filter((entry) => entry.object.id === malware)));
    expect(await served([['match[id]', `${malware ?? ''},${relationship ?? ''}`]])).toEqual(keysOf(latest().filter((entry) => [malware, relationship].includes(entry.object.id as string))));
  });

  it('§3.4: different fields are ANDed (match[type]=indicator&match[id]=<the malware>) → nothing', async () => {
    const [malware] = idsOfType(target, 'malware');
    expect(await served([['match[type]', 'indicator'], ['match[id]', malware ?? '']])).toEqual([]);
  });
});

describe('§3.4.1 match[version]', () => {
  it('no match[version] means last: "the server MUST return only the latest version for each object"', async () => {
    const id = versionedId(target);
    const versions = versionsOf(id);
    expect(await served([['match[id]', id]])).toEqual(keysOf(versions.slice(-1)));
    expect(await served([['match[id]', id], ['match[version]', 'last']])).toEqual(keysOf(versions.slice(-1)));
  });

  it('first "requests the earliest version of an object"', async () => {
    const id = versionedId(target);
    expect(await served([['match[id]', id], ['match[version]', 'first']])).toEqual(keysOf(versionsOf(id).slice(0, 1)));
  });

  it('all "requests all versions of an object", in date_added order (§3.3), with the date headers of the first and last', async () => {
    const answer = await taxii(target, collectionPath(target, target.collections.readable, 'objects/'), { token: target.tokens.reader, query: [['match[version]', 'all']] });
    const everything = byDateAdded(target.seeded);
    expect((expectResource(answer, 200, Envelope).objects ?? []).map(versionKey)).toEqual(keysOf(everything));
    expectDateAddedHeaders(answer, everything[0]?.dateAdded ?? '', everything.at(-1)?.dateAdded ?? '');
  });

  it('first,last gives both ends; a specific <value> "matches exactly the provided value" of modified', async () => {
    const id = versionedId(target);
    const versions = versionsOf(id);
    expect(await served([['match[id]', id], ['match[version]', 'first,last']])).toEqual(keysOf([versions[0], versions.at(-1)].flatMap((entry) => (entry === undefined ? [] : [entry]))));
    const older = versions[0];
    if (older === undefined) throw new Error('no versions');
    expect(await served([['match[id]', id], ['match[version]', versionOf(older.object)]])).toEqual(keysOf([older]));
    expect(await served([['match[id]', id], ['match[version]', '2001-01-01T00:00:00.000Z']])).toEqual([]);
  });

  it('§3.4.1: "The all keyword MUST NOT be used with any other version parameter", so match[version]=all,last is malformed: 400 (§3.4)', async () => {
    const path = collectionPath(target, target.collections.readable, 'objects/');
    expectFailure(await taxii(target, path, { token: target.tokens.reader, query: [['match[version]', 'all,last']] }), [400]);
  });
});

describe('§3.4 a match field given twice', () => {
  it('"each <field> MUST NOT occur more than once in a request": match[type] twice is malformed, so 400', async () => {
    const path = collectionPath(target, target.collections.readable, 'objects/');
    expectFailure(await taxii(target, path, { token: target.tokens.reader, query: [['match[type]', 'indicator'], ['match[type]', 'malware']] }), [400]);
  });
});

describe('§3.4.1 match[spec_version]', () => {
  it('"MUST NOT include any specification versions that are not included in this parameter"', async () => {
    expect(await served([['match[spec_version]', '2.1']])).toEqual(keysOf(latest()));
    expect(await served([['match[spec_version]', '2.0']])).toEqual([]);
    expect(await served([['match[spec_version]', '2.0,2.1']])).toEqual(keysOf(latest()));
  });
});

describe('§5.3 the manifest filters like Get Objects', () => {
  it('"Filtering is applied against the source object": match[type] on the manifest gives the records of objects of that type', async () => {
    const answer = await taxii(target, collectionPath(target, target.collections.readable, 'manifest/'), { token: target.tokens.reader, query: [['match[type]', 'relationship']] });
    const records = expectResource(answer, 200, Manifest).objects ?? [];
    const expected = latest().filter((entry) => entry.object.type === 'relationship');
    expect(records.map((record) => `${record.id}@${String(microseconds(record.version))}`)).toEqual(keysOf(expected));
  });

  it('match[version]=all on the manifest lists every version of the versioned object', async () => {
    const id = versionedId(target);
    const answer = await taxii(target, collectionPath(target, target.collections.readable, 'manifest/'), { token: target.tokens.reader, query: [['match[id]', id], ['match[version]', 'all']] });
    const records = expectResource(answer, 200, Manifest).objects ?? [];
    expect(records.map((record) => `${record.id}@${String(microseconds(record.version))}`)).toEqual(keysOf(versionsOf(id)));
  });
});

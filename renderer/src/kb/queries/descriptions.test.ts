import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateObject } from '../../../../core/stix/validate.ts';
import { trimChanges } from '../changes.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { deleteEverything } from '../deleteEverything.ts';
import { deleteObjects } from '../deletion.ts';
import { ingest } from '../ingest.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';
import { search } from './search.ts';

let db: KbDatabase;

async function load(objects: Record<string, unknown>[]) {
  await ingest(db, objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:sample', kind: 'file', name: 'sample.json' });
}

function plugx(description: string, modified: string) {
  const malware = sampleObjects().find((object) => object['id'] === ids.malware) ?? {};
  return { ...malware, description, modified };
}

const found = async (query: string) => (await search(db, { query })).map((hit) => hit.id);

beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-descriptions-${crypto.randomUUID()}`));
  await load(sampleObjects());
});
afterEach(async () => {
  await db.delete();
});

describe('search in descriptions, kept in memory between keystrokes', () => {
  it('sees a description changed, added or deleted after the first search', async () => {
    expect(await found('actor used')).toEqual([ids.report]);
    expect(await found('sideloading')).toEqual([]);
    await load([plugx('Spread by DLL sideloading.', '2025-01-01T00:00:00.000Z')]);
    expect(await found('sideloading')).toEqual([ids.malware]);
    await load([plugx('Now spread by phishing.', '2025-02-01T00:00:00.000Z')]);
    expect(await found('sideloading')).toEqual([]);
    expect(await found('phishing')).toEqual([ids.malware]);
    await deleteObjects(db, [ids.malware]);
    expect(await found('phishing')).toEqual([]);
    expect(await found('actor used')).toEqual([ids.report]);
  });

  it('reads the store afresh when the feed was trimmed past it or the store was emptied', async () => {
    expect(await found('actor used')).toEqual([ids.report]);
    await load([plugx('Spread by DLL sideloading.', '2025-01-01T00:00:00.000Z')]);
    const trimmedThrough = await db.changes.orderBy(':id').lastKey();
    const identity = sampleObjects().find((object) => object['id'] === ids.identity) ?? {};
    await load([{ ...identity, description: 'A national CERT.', modified: '2025-01-01T00:00:00.000Z' }]);
    await trimChanges(db, Number(trimmedThrough));
    expect(await found('sideloading')).toEqual([ids.malware]);
    expect(await found('national cert')).toEqual([ids.identity]);
    await deleteEverything(db);
    expect(await found('actor used')).toEqual([]);
    expect(await found('sideloading')).toEqual([]);
  });
});

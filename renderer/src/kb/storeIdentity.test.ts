import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { renewStoreIdentity, storeIdentity } from './storeIdentity.ts';

let db: KbDatabase;
let name: string;

beforeEach(async () => {
  name = `kb-identity-${crypto.randomUUID()}`;
  db = await openKnowledgeBase(new KbDatabase(name));
});
afterEach(async () => {
  await db.delete();
});

describe('store identity', () => {
  it('is created when the store first opens and stays the same across reopening', async () => {
    const first = await storeIdentity(db);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    db.close();
    db = await openKnowledgeBase(new KbDatabase(name));
    expect(await storeIdentity(db)).toBe(first);
  });

  it('changes when renewed, and the new one is what the store reports afterwards', async () => {
    const before = await storeIdentity(db);
    const renewed = await renewStoreIdentity(db);
    expect(renewed).not.toBe(before);
    expect(await storeIdentity(db)).toBe(renewed);
  });

  it('two stores never share an identity', async () => {
    const other = await openKnowledgeBase(new KbDatabase(`kb-identity-${crypto.randomUUID()}`));
    try {
      expect(await storeIdentity(other)).not.toBe(await storeIdentity(db));
    } finally {
      await other.delete();
    }
  });
});

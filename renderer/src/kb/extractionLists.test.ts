import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { getExtractionLists, setExtractionLists } from './extractionLists.ts';
import { KbError } from './errors.ts';

let db: KbDatabase;
afterEach(async () => {
  await db.delete();
});

describe('extraction lists', () => {
  it('start empty and keep what the analyst saves, tidied', async () => {
    db = await openKnowledgeBase(new KbDatabase(`kb-lists-${crypto.randomUUID()}`));
    expect(await getExtractionLists(db)).toEqual({ allow: [], deny: [], warningLists: [] });
    await setExtractionLists(db, { allow: [' example.org ', 'example.org', 'corp.local'], deny: ['evil.example.org'], warningLists: [{ name: 'Top sites', values: ['a.com', 'a.com'] }] });
    expect(await getExtractionLists(db)).toEqual({ allow: ['example.org', 'corp.local'], deny: ['evil.example.org'], warningLists: [{ name: 'Top sites', values: ['a.com'] }] });
  });

  it('refuse malformed lists without touching the saved ones', async () => {
    db = await openKnowledgeBase(new KbDatabase(`kb-lists-${crypto.randomUUID()}`));
    await setExtractionLists(db, { allow: ['example.org'], deny: [], warningLists: [] });
    const error = await setExtractionLists(db, { allow: [42], deny: [], warningLists: [] }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(KbError);
    expect((error as Error).message).toMatch(/allow\.0/);
    expect((await getExtractionLists(db)).allow).toEqual(['example.org']);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { toRecord } from '../records.ts';
import { sampleObjects } from '../testing/sampleObjects.ts';
import { compactKey, idOfCompactKey } from './compactKeys.ts';
import { KbDatabase, openKnowledgeBase } from './KbDatabase.ts';

const now = '2026-01-01T00:00:00.000Z';

/** The keys IndexedDB itself holds for the objects store, read without Dexie. */
function rawKeys(name: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const request = open.result.transaction('objects').objectStore('objects').getAllKeys();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(new Error(String(request.error)));
    };
  });
}

describe('compact object keys', () => {
  it('gives every id its own key and reads the id back, custom types and odd ids included', () => {
    const ids = [
      'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      'x-acme-widget--00000000-0000-4000-8000-000000000001',
      'ipv4-addr--ff0e6f0c-1c6b-5c8d-9d3a-000000000000',
      // Not what the validator accepts (upper case, no UUID), but kept exactly if ever stored.
      'malware--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F',
      'identity--not-a-uuid',
      'ツール--名前',
    ];
    const keys = ids.map(compactKey);
    expect(keys.map((key) => idOfCompactKey(key))).toEqual(ids);
    expect(new Set(keys.map((key) => key.join(','))).size).toBe(ids.length);
    // 9 bytes of type, a separator, the UUID's 16 bytes and a form byte: 27, not 92 bytes of UTF-16.
    expect(keys[0]?.length).toBe(27);
  });

  it('stores the objects under compact keys while every read and write still goes by the STIX id', async () => {
    const name = `kb-compact-${crypto.randomUUID()}`;
    const db = await openKnowledgeBase(new KbDatabase(name));
    const objects = sampleObjects();
    const ids = objects.map((object) => String(object['id']));
    await db.objects.bulkPut(objects.map((object) => toRecord(object, ['file:a'], now, now)));

    const stored = await rawKeys(name);
    expect(stored).toHaveLength(ids.length);
    expect(stored.every((key) => key instanceof ArrayBuffer || ArrayBuffer.isView(key))).toBe(true);

    const [first, second] = ids as [string, string];
    expect((await db.objects.get(first))?.id).toBe(first);
    expect((await db.objects.bulkGet([second, 'malware--00000000-0000-4000-8000-000000000000', first])).map((record) => record?.id)).toEqual([second, undefined, first]);
    expect((await db.objects.toCollection().primaryKeys()).sort()).toEqual([...ids].sort());
    // Paging by key, as backups do: every id once, whatever the order.
    const paged: string[] = [];
    let last: string | undefined;
    for (;;) {
      const page = await (last === undefined ? db.objects.orderBy(':id') : db.objects.where(':id').above(last)).limit(3).toArray();
      if (page.length === 0) break;
      paged.push(...page.map((record) => record.id));
      last = page.at(-1)?.id;
    }
    expect(paged.sort()).toEqual([...ids].sort());
    // Index queries answer with ids too.
    const relationship = objects.find((object) => object['type'] === 'relationship') ?? {};
    expect(await db.objects.where('refs').equals(String(relationship['source_ref'])).primaryKeys()).toContain(String(relationship['id']));

    await db.objects.update(first, { labels: ['edited'] });
    expect((await db.objects.get(first))?.labels).toEqual(['edited']);
    await db.objects.delete(first);
    await db.objects.bulkDelete([second]);
    expect(await db.objects.count()).toBe(ids.length - 2);
    expect(await db.objects.get(first)).toBeUndefined();
    await db.objects.clear();
    expect(await db.objects.count()).toBe(0);
    await db.delete();
  });
});

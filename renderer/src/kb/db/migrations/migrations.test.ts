import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newInvestigation } from '../../../../../core/investigation/schema.ts';
import { KbError } from '../../errors.ts';
import { toRecord } from '../../records.ts';
import { sampleObjects } from '../../testing/sampleObjects.ts';
import { byType } from '../../queries/byType.ts';
import { stats } from '../../queries/stats.ts';
import { KbDatabase, openKnowledgeBase } from '../KbDatabase.ts';
import { latestVersion, migrations } from './index.ts';
import { v1 } from './v1.ts';
import { v2 } from './v2.ts';
import { v3 } from './v3.ts';
import { v4 } from './v4.ts';
import { v5 } from './v5.ts';
import { v6 } from './v6.ts';
import { v7 } from './v7.ts';
import { v8, v9 } from './v8.ts';
import { v10 } from './v10.ts';
import { v11 } from './v11.ts';
import { editObject } from '../../versions/editObject.ts';

describe('schema migrations', () => {
  it('are numbered in order, ending at the latest version', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(latestVersion).toBe(migrations.length);
  });

  it('v1 → v2: a database written by version 1 opens with its data and gains the [type+modified] index', async () => {
    const name = `kb-migrate-${crypto.randomUUID()}`;
    const old = await openKnowledgeBase(new KbDatabase(name, [v1]));
    const now = '2026-01-01T00:00:00.000Z';
    await old.objects.bulkPut(sampleObjects().map((object) => toRecord(object, ['file:old'], now, now)));
    await old.sources.put({ id: 'file:old', kind: 'file', name: 'old.json', firstImportedAt: now, lastImportedAt: now, status: 'committed', committedObjects: 9, counts: { created: 9, updated: 0, unchanged: 0, rejected: 0 } });
    old.close();

    const upgraded = await openKnowledgeBase(new KbDatabase(name, [v1, v2]));
    expect(upgraded.verno).toBe(2);
    expect(await upgraded.objects.count()).toBe(9);
    expect(await upgraded.sources.get('file:old')).toMatchObject({ committedObjects: 9 });
    const newestPatterns = await upgraded.objects.where('[type+modified]').between(['attack-pattern', ''], ['attack-pattern', '\uffff']).reverse().primaryKeys();
    expect(newestPatterns).toHaveLength(2);
    await upgraded.delete();
  });

  it('v2 → v3: the single modified index goes, the data and the dashboard months stay', async () => {
    const name = `kb-migrate-${crypto.randomUUID()}`;
    const old = await openKnowledgeBase(new KbDatabase(name, [v1, v2]));
    const now = '2026-01-01T00:00:00.000Z';
    await old.objects.bulkPut(sampleObjects().map((object) => toRecord(object, ['file:old'], now, now)));
    old.close();
    const upgraded = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3]));
    expect(upgraded.verno).toBe(3);
    expect(await upgraded.objects.count()).toBe(9);
    expect(upgraded.objects.schema.indexes.map((index) => index.name)).not.toContain('modified');
    expect((await stats(upgraded)).byMonth).toEqual([['2024-03', 8], ['2026-01', 1]]);
    await upgraded.delete();
  });

  it('v3 → v4: the objects and sources stay, and an empty investigations table appears, newest first by modified', async () => {
    const name = `kb-migrate-${crypto.randomUUID()}`;
    const old = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3]));
    const now = '2026-01-01T00:00:00.000Z';
    await old.objects.bulkPut(sampleObjects().map((object) => toRecord(object, ['file:old'], now, now)));
    await old.sources.put({ id: 'file:old', kind: 'file', name: 'old.json', firstImportedAt: now, lastImportedAt: now, status: 'committed', committedObjects: 9, counts: { created: 9, updated: 0, unchanged: 0, rejected: 0 } });
    old.close();
    const upgraded = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4]));
    expect(upgraded.verno).toBe(4);
    expect(await upgraded.objects.count()).toBe(9);
    expect(await upgraded.sources.get('file:old')).toMatchObject({ committedObjects: 9 });
    expect(await upgraded.investigations.count()).toBe(0);
    const older = newInvestigation('Older', [], '2026-01-01T00:00:00.000Z', crypto.randomUUID());
    const newer = newInvestigation('Newer', [], '2026-02-01T00:00:00.000Z', crypto.randomUUID());
    await upgraded.investigations.bulkPut([older, newer]);
    expect((await upgraded.investigations.orderBy('modified').reverse().toArray()).map((investigation) => investigation.name)).toEqual(['Newer', 'Older']);
    await upgraded.delete();
  });

  it('v4 → v5: the objects stay and the change feed starts empty, numbering from 1', async () => {
    const name = `kb-migrate-${crypto.randomUUID()}`;
    const old = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4]));
    const now = '2026-01-01T00:00:00.000Z';
    await old.objects.bulkPut(sampleObjects().map((object) => toRecord(object, ['file:old'], now, now)));
    old.close();
    const upgraded = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5]));
    expect(upgraded.verno).toBe(5);
    expect(await upgraded.objects.count()).toBe(9);
    expect(await upgraded.changes.count()).toBe(0);
    expect(await upgraded.changes.add({ op: 'create', at: now, id: 'x', type: 'x' })).toBe(1);
    await upgraded.delete();
  });

  it('v5 → v6: the single type index goes; listing by type, the dashboard counts and the feed stay', async () => {
    const name = `kb-migrate-${crypto.randomUUID()}`;
    const old = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5]));
    const now = '2026-01-01T00:00:00.000Z';
    await old.objects.bulkPut(sampleObjects().map((object) => toRecord(object, ['file:old'], now, now)));
    await old.changes.add({ op: 'create', at: now, id: 'x', type: 'x' });
    const before = await stats(old);
    old.close();
    const upgraded = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6]));
    expect(upgraded.verno).toBe(6);
    expect(upgraded.objects.schema.indexes.map((index) => index.name)).not.toContain('type');
    expect(await stats(upgraded)).toEqual(before);
    expect(await byType(upgraded, 'relationship').count()).toBe(before.byType['relationship']);
    // Code that still asks for `where('type')` is answered from [type+modified], relationships included.
    expect(await upgraded.objects.where('type').equals('relationship').count()).toBe(before.byType['relationship']);
    expect(await upgraded.changes.count()).toBe(1);
    await upgraded.delete();
  });

  it('v6 → v7: objects stay, an empty versions table appears, and an edit then keeps the replaced version by id', async () => {
    const name = `kb-migrate-${crypto.randomUUID()}`;
    const old = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6]));
    const now = '2026-01-01T00:00:00.000Z';
    await old.objects.bulkPut(sampleObjects().map((object) => toRecord(object, ['file:old'], now, now)));
    old.close();
    const upgraded = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6, v7]));
    expect(upgraded.verno).toBe(7);
    expect(await upgraded.objects.count()).toBe(9);
    expect(await upgraded.versions.count()).toBe(0);
    const malware = sampleObjects().find((object) => object['type'] === 'malware') ?? {};
    await editObject(upgraded, { id: String(malware['id']), object: { ...malware, description: 'Edited after the upgrade.' } });
    expect(await upgraded.versions.where('id').equals(String(malware['id'])).toArray()).toMatchObject([{ source: 'file:old', stix: malware }]);
    await upgraded.delete();
  });

  it('v7 → v9: every object moves to the compact key and is found by id, by type and through its references', async () => {
    const name = `kb-migrate-${crypto.randomUUID()}`;
    const old = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6, v7]));
    const now = '2026-01-01T00:00:00.000Z';
    const objects = sampleObjects();
    await old.objects.bulkPut(objects.map((object) => toRecord(object, ['file:old'], now, now)));
    const before = await stats(old);
    const records = await old.objects.orderBy(':id').toArray();
    old.close();
    const upgraded = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6, v7, v8, v9]));
    expect(upgraded.verno).toBe(9);
    expect(upgraded.tables.map((table) => table.name)).not.toContain('objectsV7');
    expect(upgraded.objects.schema.primKey.keyPath).toBeFalsy();
    expect(await stats(upgraded)).toEqual(before);
    for (const record of records) expect(await upgraded.objects.get(record.id)).toEqual(record);
    const relationship = objects.find((object) => object['type'] === 'relationship') ?? {};
    expect(await upgraded.objects.where('refs').equals(String(relationship['target_ref'])).primaryKeys()).toContain(String(relationship['id']));
    await upgraded.delete();
  });

  it('v7 → v9: a store of several copy pages moves whole', async () => {
    const name = `kb-migrate-${crypto.randomUUID()}`;
    const old = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6, v7]));
    const now = '2026-01-01T00:00:00.000Z';
    // More than two of the upgrade's pages of 2,000, in more than one type.
    const objects = Array.from({ length: 4500 }, (_, index) => ({ type: index % 2 ? 'domain-name' : 'ipv4-addr', spec_version: '2.1', id: `${index % 2 ? 'domain-name' : 'ipv4-addr'}--00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, value: index % 2 ? `host${index}.example` : `10.0.${index >> 8}.${index & 255}` }));
    await old.objects.bulkPut(objects.map((object) => toRecord(object, ['file:old'], now, now)));
    old.close();
    const upgraded = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6, v7, v8, v9]));
    expect(await upgraded.objects.count()).toBe(4500);
    expect((await upgraded.objects.toCollection().primaryKeys()).sort()).toEqual(objects.map((object) => object.id).sort());
    await upgraded.delete();
  }, 60_000);

  it('v9 → v10: objects stay, and an empty trash appears, found by when and by the ids it holds', async () => {
    const name = `kb-migrate-${crypto.randomUUID()}`;
    const old = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6, v7, v8, v9]));
    const now = '2026-01-01T00:00:00.000Z';
    const records = sampleObjects().map((object) => toRecord(object, ['file:old'], now, now));
    await old.objects.bulkPut(records);
    old.close();
    const upgraded = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10]));
    expect(upgraded.verno).toBe(10);
    expect(await upgraded.objects.count()).toBe(records.length);
    expect(await upgraded.trash.count()).toBe(0);
    expect(upgraded.trash.schema.indexes.map((index) => index.name).sort()).toEqual(['deletedAt', 'ids']);
    await upgraded.delete();
  });

  it('v10 → v11: a file kept under its name is found by every hash, and nothing else changes', async () => {
    const name = `kb-migrate-${crypto.randomUUID()}`;
    const old = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10]));
    const now = '2026-01-01T00:00:00.000Z';
    const md5 = '0f343b0931126a20f133d67c2b018a3b';
    const sha256 = '6a2b0d5ff8e8a1f3b5e7c9d1a3f5b7d9e1c3a5f7b9d1e3c5a7f9b1d3e5c7a9f1';
    const named = { type: 'file', spec_version: '2.1', id: 'file--0c1b6ad4-2f2d-5b5a-9b0c-6a2b0d5ff8e8', name: 'invoice.exe', hashes: { MD5: md5, 'SHA-256': sha256 } };
    // Written as version 10 wrote it: terms of the name only.
    const records = [...sampleObjects(), named].map((object) => toRecord(object, ['file:old'], now, now));
    const stale = records.map((record) => (record.id === named.id ? { ...record, terms: ['invoice.exe', 'invoice', 'exe'] } : record));
    await old.objects.bulkPut(stale);
    old.close();
    const upgraded = await openKnowledgeBase(new KbDatabase(name, [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11]));
    expect(upgraded.verno).toBe(11);
    expect(await upgraded.objects.count()).toBe(records.length);
    expect(await upgraded.objects.where('terms').equals(md5).primaryKeys()).toEqual([named.id]);
    expect(await upgraded.objects.where('terms').equals(sha256).primaryKeys()).toEqual([named.id]);
    expect(await upgraded.objects.where('terms').equals('invoice.exe').primaryKeys()).toEqual([named.id]);
    expect((await upgraded.objects.get(named.id))?.stix).toEqual(named);
    await upgraded.delete();
  });

  it('refuses, without changing it, a database written by a newer Magpie', async () => {
    const name = `kb-newer-${crypto.randomUUID()}`;
    const future = new KbDatabase(name, [...migrations, { version: latestVersion + 1, stores: { objects: 'id, type, [type+name], [type+modified], *labels, *refs, *terms, *sources, confidence' } }]);
    await openKnowledgeBase(future);
    future.close();
    const error = await openKnowledgeBase(new KbDatabase(name)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(KbError);
    expect(error).toMatchObject({ code: 'database-newer' });
    const again = await openKnowledgeBase(new KbDatabase(name, [...migrations, { version: latestVersion + 1, stores: {} }]));
    expect(again.verno).toBe(latestVersion + 1);
    await again.delete();
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateObject } from '../../../../core/stix/validate.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { analystEditsSource } from '../edits.ts';
import { ingest, type IngestSource } from '../ingest.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';
import { editObject, listVersions, restoreVersion } from './editObject.ts';
import { undoChange } from './undo.ts';
import { changeHead, changeRecordsAfter } from '../changes.ts';

let db: KbDatabase;
const feed: IngestSource = { id: 'connector:acme-feed', kind: 'connector', name: 'ACME feed' };
const at = (time: string) => () => time;
const created = '2024-03-01T10:00:00.000Z';

function items(objects: JsonObject[]) {
  return objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) }));
}

async function stored(id: string): Promise<JsonObject> {
  const record = await db.objects.get(id);
  if (!record) throw new Error(`${id} was not stored`);
  return record.stix;
}

async function malware(): Promise<JsonObject> {
  return stored(ids.malware);
}

beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-versions-${crypto.randomUUID()}`));
  await ingest(db, items(sampleObjects()), feed);
});
afterEach(async () => {
  await db.delete();
});

describe('editing an object makes a new version', () => {
  it('keeps id and created, moves modified strictly later, and keeps the previous version in history', async () => {
    const before = await malware();
    const { object } = await editObject(db, { id: ids.malware, object: { ...before, description: 'Loader used in 2024.' }, expectedModified: created }, at('2026-01-02T03:04:05.678Z'));
    expect(object).toMatchObject({ id: ids.malware, created, modified: '2026-01-02T03:04:05.678Z', description: 'Loader used in 2024.' });
    const { versions } = await listVersions(db, ids.malware);
    expect(versions.map((version) => [version.modified, version.source.name, version.current])).toEqual([
      ['2026-01-02T03:04:05.678Z', 'Analyst edits', true],
      [created, 'ACME feed', false],
    ]);
    expect(versions[1]?.stix).toEqual(before);
  });

  it('never gives two versions the same modified, even when the clock is behind or edits come within a millisecond', async () => {
    const clock = at('2020-01-01T00:00:00.000Z');
    for (const description of ['one', 'two', 'three']) {
      await editObject(db, { id: ids.malware, object: { ...(await malware()), description } }, clock);
    }
    const modified = (await listVersions(db, ids.malware)).versions.map((version) => version.modified);
    expect(modified).toEqual(['2024-03-01T10:00:00.003Z', '2024-03-01T10:00:00.002Z', '2024-03-01T10:00:00.001Z', created]);
    expect(new Set(modified).size).toBe(4);
  });

  it('replaces labels and markings as the analyst left them: a removed label stays removed', async () => {
    const { labels: _labels, object_marking_refs: _markings, ...rest } = await malware();
    const { object } = await editObject(db, { id: ids.malware, object: { ...rest, object_marking_refs: [ids.tlpRed] } });
    expect(object['labels']).toBeUndefined();
    expect(object['object_marking_refs']).toEqual([ids.tlpRed]);
  });

  it('goes through the change feed as an update by Analyst edits', async () => {
    const head = await changeHead(db);
    await editObject(db, { id: ids.malware, object: { ...(await malware()), description: 'x' } });
    expect(await changeRecordsAfter(db, head, 100)).toMatchObject([{ op: 'update', id: ids.malware, source: analystEditsSource.id }]);
  });

  it('refuses an edit of a version that changed since the form opened, and invalid content, changing nothing', async () => {
    const before = await malware();
    await expect(editObject(db, { id: ids.malware, object: { ...before, name: 'x' }, expectedModified: '2023-01-01T00:00:00.000Z' })).rejects.toMatchObject({ code: 'conflict' });
    const invalid = await editObject(db, { id: ids.malware, object: { ...before, confidence: 400 } }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ code: 'invalid-object' });
    expect(String(invalid)).toContain('confidence');
    await expect(editObject(db, { id: ids.malware, object: { ...before, created: '2025-01-01T00:00:00.000Z' } })).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(await malware()).toEqual(before);
    expect(await db.versions.count()).toBe(0);
  });

  it('edits an observable in place: SCOs have no versions', async () => {
    const ip = await stored(ids.ip);
    const { object } = await editObject(db, { id: ids.ip, object: { ...ip, object_marking_refs: [ids.tlpGreen] } });
    expect(object['modified']).toBeUndefined();
    expect(object['object_marking_refs']).toEqual([ids.tlpGreen]);
    expect(await db.versions.count()).toBe(0);
  });
});

describe('restoring a version', () => {
  it('makes the old content the newest version, keeping what it replaced', async () => {
    const first = await malware();
    await editObject(db, { id: ids.malware, object: { ...first, description: 'Wrong.' } }, at('2026-01-01T00:00:00.000Z'));
    const { object } = await restoreVersion(db, { id: ids.malware, modified: created }, at('2026-01-02T00:00:00.000Z'));
    expect(object).toEqual({ ...first, modified: '2026-01-02T00:00:00.000Z' });
    expect((await listVersions(db, ids.malware)).versions.map((version) => version.stix['description'] ?? null)).toEqual([null, 'Wrong.', null]);
  });
});

describe('feed versus analyst (core/stix/merge.ts rule 7)', () => {
  async function analystEdit(): Promise<JsonObject> {
    const { labels: _labels, ...rest } = await malware();
    return (await editObject(db, { id: ids.malware, object: { ...rest, description: 'Analyst view.' } }, at('2025-06-01T00:00:00.000Z'))).object;
  }

  it('keeps the analyst version, unchanged, when the feed brings the same or an older version again', async () => {
    const mine = await analystEdit();
    const feedOld = sampleObjects().find((object) => object['id'] === ids.malware) ?? {};
    const feedSame = { ...feedOld, modified: '2025-06-01T00:00:00.000Z', description: 'Feed view.', labels: ['backdoor'] };
    const result = await ingest(db, items([{ ...feedOld, labels: ['rat', 'trojan'] }, ...sampleObjects().filter((object) => object['id'] !== ids.malware)]), feed);
    expect(result.counts.updated).toBe(0);
    await ingest(db, items([feedSame]), feed);
    expect(await malware()).toEqual(mine);
    expect((await listVersions(db, ids.malware)).versions[0]?.source.name).toBe('Analyst edits');
  });

  it('lets a feed version modified after the analyst edit replace it; the analyst version goes to history', async () => {
    const mine = await analystEdit();
    const newer = { ...(sampleObjects().find((object) => object['id'] === ids.malware) ?? {}), modified: '2025-07-01T00:00:00.000Z', description: 'Feed update.' };
    await ingest(db, items([newer]), feed);
    expect(await malware()).toMatchObject({ modified: '2025-07-01T00:00:00.000Z', description: 'Feed update.' });
    const { versions } = await listVersions(db, ids.malware);
    expect(versions.map((version) => version.source.name)).toEqual(['ACME feed', 'Analyst edits', 'ACME feed']);
    expect(versions[1]?.stix).toEqual(mine);
  });
});

describe('history costs imports nothing', () => {
  it('writes no version for creates or for the same data imported again; only a replaced version is kept', async () => {
    expect(await db.versions.count()).toBe(0);
    await ingest(db, items(sampleObjects()), { id: 'file:again', kind: 'file', name: 'again.json' });
    expect(await db.versions.count()).toBe(0);
    const newer = { ...(await malware()), modified: '2025-01-01T00:00:00.000Z', name: 'PlugX v2' };
    await ingest(db, items([newer]), feed);
    expect(await db.versions.toArray()).toMatchObject([{ key: `${ids.malware}|${created}`, id: ids.malware, source: feed.id }]);
  });
});

describe('undo and failure', () => {
  it('undo puts back exactly the previous version, drops its history row, and tells the feed', async () => {
    const before = await db.objects.get(ids.malware);
    const { undoId } = await editObject(db, { id: ids.malware, object: { ...(await malware()), description: 'Oops.' } });
    const head = await changeHead(db);
    await undoChange(db, undoId);
    expect(await db.objects.get(ids.malware)).toEqual(before);
    expect(await db.versions.count()).toBe(0);
    expect(await changeRecordsAfter(db, head, 100)).toMatchObject([{ op: 'update', id: ids.malware }]);
    await expect(undoChange(db, undoId)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses to undo an edit that a later import has built on, changing nothing', async () => {
    const { undoId } = await editObject(db, { id: ids.malware, object: { ...(await malware()), description: 'Mine.' } }, at('2025-01-01T00:00:00.000Z'));
    await ingest(db, items([{ ...(await malware()), modified: '2025-02-01T00:00:00.000Z', description: 'Feed.' }]), feed);
    const now = await malware();
    await expect(undoChange(db, undoId)).rejects.toMatchObject({ code: 'conflict' });
    expect(await malware()).toEqual(now);
  });

  it('an edit whose transaction fails leaves the object, its history and the feed as they were', async () => {
    const before = await db.objects.get(ids.malware);
    const head = await db.changes.count();
    db.versions.hook('creating', () => {
      throw new Error('disk trouble');
    });
    await expect(editObject(db, { id: ids.malware, object: { ...(await malware()), description: 'Never saved.' } })).rejects.toThrow('disk trouble');
    expect(await db.objects.get(ids.malware)).toEqual(before);
    expect(await db.changes.count()).toBe(head);
    expect(await db.versions.count()).toBe(0);
  });
});

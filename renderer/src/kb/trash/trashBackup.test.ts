import 'fake-indexeddb/auto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKbApi, type KbApi } from '../api.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { backupBytes } from '../testing/backupArchives.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';

let db: KbDatabase;
let api: KbApi;
beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-trash-backup-${crypto.randomUUID()}`));
  api = createKbApi(db);
  await api.ingestStix({ objects: sampleObjects(), source: { id: 'file:abc', kind: 'file', name: 'acme.json' } }, () => undefined);
});
afterEach(async () => {
  await db.delete();
});

/** The archive as an older Magpie (schema v9) wrote it: no trash entry in it or its manifest. */
function withoutTrash(archive: Uint8Array): Uint8Array<ArrayBuffer> {
  const { 'trash.jsonl': _trash, 'manifest.json': manifestBytes, ...rest } = unzipSync(archive);
  const manifest = JSON.parse(strFromU8(manifestBytes ?? new Uint8Array())) as { schemaVersion: number; entries: { path: string }[] };
  manifest.schemaVersion = 9;
  manifest.entries = manifest.entries.filter((entry) => entry.path !== 'trash.jsonl');
  return zipSync({ ...rest, 'manifest.json': strToU8(JSON.stringify(manifest)) });
}

describe('the trash in a backup', () => {
  it('goes into the archive and comes back with a replace, still restorable', async () => {
    const { entryId } = await api.moveToTrash({ ids: [ids.malware], why: 'Wrong family' });
    const before = await db.trash.toArray();
    const archive = await backupBytes(api);
    expect(Object.keys(unzipSync(archive))).toContain('trash.jsonl');

    await api.emptyTrash({});
    await api.restoreBackup({ file: new Blob([archive]), name: 'b.zip', mode: 'replace' }, () => undefined);
    expect(await db.trash.toArray()).toEqual(before);
    expect(await api.restoreFromTrash({ entryId: entryId ?? '' })).toEqual({ restored: 3 });
    expect(await db.objects.count()).toBe(sampleObjects().length);
  });

  it('is added by a merge when the store lacks the entry', async () => {
    await api.moveToTrash({ ids: [ids.ip] });
    const archive = await backupBytes(api);
    await api.emptyTrash({});
    await api.restoreBackup({ file: new Blob([archive]), name: 'b.zip', mode: 'merge' }, () => undefined);
    expect((await api.listTrash({})).entries.map((entry) => entry.items.map((item) => item.name))).toEqual([['198.51.100.7']]);
  });

  it('restores an archive from before the trash existed, with an empty trash', async () => {
    await api.moveToTrash({ ids: [ids.ip] });
    const archive = withoutTrash(await backupBytes(api));
    const result = await api.restoreBackup({ file: new Blob([archive]), name: 'old.zip', mode: 'replace' }, () => undefined);
    expect(result.objects).toBe(sampleObjects().length - 1);
    expect(await db.trash.count()).toBe(0);
  });
});

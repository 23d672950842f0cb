import 'fake-indexeddb/auto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEWEST_SCHEMA_VERSION } from '../../../../core/backup/format.ts';
import { newInvestigation } from '../../../../core/investigation/schema.ts';
import { createKbApi, type KbApi } from '../api.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { latestVersion } from '../db/migrations/index.ts';
import { storeIdentity } from '../storeIdentity.ts';
import { backupBytes, withBadLastObjectRecord } from '../testing/backupArchives.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';

let db: KbDatabase;
let api: KbApi;
beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-backup-${crypto.randomUUID()}`));
  api = createKbApi(db);
  await api.ingestStix({ objects: sampleObjects(), source: { id: 'file:abc', kind: 'file', name: 'acme.json' } }, () => undefined);
  // A newer version of PlugX, so the old one is kept as history (schema v7).
  const malware = sampleObjects().find((object) => object['id'] === ids.malware);
  await api.ingestStix({ objects: [{ ...malware, modified: '2026-02-01T00:00:00.000Z', description: 'Updated.' }], source: { id: 'file:def', kind: 'file', name: 'update.json' } }, () => undefined);
  await db.files.put({ sha256: 'a'.repeat(64), name: 'report.pdf', size: 9, mediaType: 'application/pdf', blob: new Blob(['%PDF-1.7\n']), addedAt: '2026-01-01T00:00:00.000Z' });
  await api.saveInvestigation({ investigation: newInvestigation('PlugX', [{ id: ids.malware, x: 0, y: 0, pinned: false, hidden: false }], '2026-01-01T00:00:00.000Z', crypto.randomUUID()) });
  await api.putState({ key: 'extraction-lists', value: { allow: ['example.org'] } });
});
afterEach(async () => {
  await db.delete();
});

function backup(): Promise<Uint8Array<ArrayBuffer>> {
  return backupBytes(api);
}

/** Everything a restore must bring back, as comparable values. */
async function snapshot() {
  const files = await db.files.toArray();
  return {
    objects: await db.objects.orderBy(':id').toArray(),
    versions: await db.versions.toArray(),
    sources: await db.sources.toArray(),
    investigations: await db.investigations.toArray(),
    lists: await db.state.get('extraction-lists'),
    files: await Promise.all(files.map(async ({ blob, ...rest }) => ({ ...rest, bytes: await blob.text() }))),
  };
}

async function emptyStore(): Promise<void> {
  await db.transaction('rw', [db.objects, db.versions, db.sources, db.files, db.investigations, db.state, db.quarantine], async () => {
    await Promise.all([db.objects.clear(), db.versions.clear(), db.sources.clear(), db.files.clear(), db.investigations.clear(), db.state.clear(), db.quarantine.clear()]);
  });
}

describe('backup and restore in the knowledge base', () => {
  it('follows the newest schema version', () => {
    expect(NEWEST_SCHEMA_VERSION).toBe(latestVersion);
  });

  it('restores, replacing an emptied store, exactly what was backed up, with a new store identity', async () => {
    const before = await snapshot();
    expect(before.versions).toHaveLength(1);
    const identity = await storeIdentity(db);
    const archive = await backup();
    await emptyStore();
    const phases = new Set<string>();
    const result = await api.restoreBackup({ file: new Blob([archive]), name: 'b.zip', mode: 'replace' }, (report) => phases.add(report.phase));
    expect(result).toMatchObject({ mode: 'replace', objects: before.objects.length, investigations: 1, files: 1, connectors: { connectors: [] } });
    expect(await snapshot()).toEqual(before);
    expect(await storeIdentity(db)).not.toBe(identity);
    expect([...phases]).toEqual(['verify', 'restore']);
  });

  it("gives an older archive's objects this version's search terms: a named file is found by its hashes", async () => {
    const md5 = '0f343b0931126a20f133d67c2b018a3b';
    const named = { type: 'file', spec_version: '2.1', id: 'file--0c1b6ad4-2f2d-5b5a-9b0c-6a2b0d5ff8e8', name: 'invoice.exe', hashes: { MD5: md5 } };
    await api.ingestStix({ objects: [named], source: { id: 'file:ghi', kind: 'file', name: 'file.json' } }, () => undefined);
    // Kept as schema v10 kept it: the name's terms only.
    const key = (await db.objects.where('terms').equals(md5).primaryKeys())[0];
    const record = await db.objects.get(named.id);
    if (key === undefined || !record) throw new Error('the file was not stored');
    await db.objects.put({ ...record, terms: ['invoice.exe', 'invoice', 'exe'] }, key);
    expect(await db.objects.where('terms').equals(md5).count()).toBe(0);
    const archive = await backup();
    await emptyStore();
    await api.restoreBackup({ file: new Blob([archive]), name: 'b.zip', mode: 'replace' }, () => undefined);
    expect(await db.objects.where('terms').equals(md5).primaryKeys()).toEqual([named.id]);
  });

  it('refuses an altered archive before changing anything', async () => {
    const archive = unzipSync(await backup());
    archive['objects.jsonl'] = strToU8(strFromU8(archive['objects.jsonl'] ?? new Uint8Array()).replace('PlugX', 'PlugY'));
    await api.deleteObjects({ ids: [ids.report] });
    const before = await snapshot();
    const failure = await api.restoreBackup({ file: new Blob([zipSync(archive)]), name: 'b.zip', mode: 'replace' }, () => undefined).catch((error: unknown) => error);
    expect(String(failure)).toContain('objects.jsonl does not match its SHA-256');
    expect(await snapshot()).toEqual(before);
  });

  it('leaves the store as it was when a record fails during the replace (one transaction)', async () => {
    // A record with a matching hash (the manifest rewritten too) that is not one Magpie wrote.
    const forged = withBadLastObjectRecord(await backup());
    const before = await snapshot();
    const failure = await api.restoreBackup({ file: new Blob([forged]), name: 'b.zip', mode: 'replace' }, () => undefined).catch((error: unknown) => error);
    expect(String(failure)).toContain('is not one Magpie wrote');
    expect(await snapshot()).toEqual(before);
  });

  it('merges into the store through the normal ingest, keeping what is there', async () => {
    const archive = await backup();
    const total = await db.objects.count();
    await api.deleteObjects({ ids: [ids.report, ids.indicator] });
    const missing = total - (await db.objects.count());
    const result = await api.restoreBackup({ file: new Blob([archive]), name: 'b.zip', mode: 'merge' }, () => undefined);
    expect(result.merged).toMatchObject({ created: missing, updated: 0, unchanged: total - missing, rejected: 0 });
    expect(await db.objects.count()).toBe(total);
    expect(await db.objects.get(ids.report)).toBeDefined();
    expect((await db.sources.toArray()).map((source) => source.name)).toContain('Backup b.zip');
  });
});

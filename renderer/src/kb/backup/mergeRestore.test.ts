/**
 * Restore by merging is all-or-nothing (issue 14): a merge that fails on a late record or
 * is cancelled half-way leaves every table exactly as it was, and one that succeeds leaves
 * the store as ingesting the archive's objects would (same merge rules, kept versions,
 * change feed rows).
 */
import 'fake-indexeddb/auto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateObject } from '../../../../core/stix/validate.ts';
import { newInvestigation } from '../../../../core/investigation/schema.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { createKbApi, type KbApi } from '../api.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest } from '../ingest.ts';
import { backupBytes, withBadLastObjectRecord } from '../testing/backupArchives.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';
import { changeRecordsAfter } from '../changes.ts';

const created = '2026-01-01T00:00:00.000Z';

/** More objects than one restore batch (2,000 records), so a late failure comes after writes. */
function indicators(count: number): JsonObject[] {
  return Array.from({ length: count }, (_, index) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${crypto.randomUUID()}`,
    created,
    modified: created,
    name: `C2 address ${index}`,
    pattern: `[ipv4-addr:value = '10.0.${Math.floor(index / 256) % 256}.${index % 256}']`,
    pattern_type: 'stix',
    valid_from: created,
  }));
}

/** A SHA-256 over every table of the store, every record in key order (files by their bytes). */
async function storeDigest(db: KbDatabase): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()) as Record<string, unknown>[];
    tables[table.name] = await Promise.all(rows.map(async (row) => (row['blob'] instanceof Blob ? { ...row, blob: bytesToHex(sha256(new Uint8Array(await row['blob'].arrayBuffer()))) } : row)));
  }
  return bytesToHex(sha256(strToU8(JSON.stringify(tables))));
}

/** Random bytes: a kept original file that does not compress, so the archive spans several reads. */
function noise(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  return bytes;
}

/** What is stored before each merge: the sample graph from two sources, an investigation. */
async function seed(api: KbApi): Promise<void> {
  await api.ingestStix({ objects: sampleObjects(), source: { id: 'file:abc', kind: 'file', name: 'acme.json' } }, () => undefined);
  await api.saveInvestigation({ investigation: newInvestigation('Mine', [{ id: ids.malware, x: 0, y: 0, pinned: false, hidden: false }], created, crypto.randomUUID()) });
  await api.putState({ key: 'extraction-lists', value: { allow: ['example.org'] } });
}

let archive: Uint8Array;
let archiveObjects: JsonObject[];
beforeAll(async () => {
  // The other store: the same graph with a newer PlugX (the merge replaces a version),
  // 2,500 indicators, an investigation and a 5 MB original file.
  const other = await openKnowledgeBase(new KbDatabase(`kb-merge-source-${crypto.randomUUID()}`));
  const api = createKbApi(other);
  const objects = sampleObjects().map((object) => (object['id'] === ids.malware ? { ...object, modified: '2026-02-01T00:00:00.000Z', description: 'Updated elsewhere.' } : object));
  await api.ingestStix({ objects: [...objects, ...indicators(2500)], source: { id: 'file:other', kind: 'file', name: 'other.json' } }, () => undefined);
  await api.saveInvestigation({ investigation: newInvestigation('Theirs', [{ id: ids.malware, x: 0, y: 0, pinned: false, hidden: false }], created, crypto.randomUUID()) });
  await other.files.put({ sha256: 'b'.repeat(64), name: 'capture.bin', size: 5 * 1024 * 1024, mediaType: 'application/octet-stream', blob: new Blob([noise(5 * 1024 * 1024)]), addedAt: created });
  archive = await backupBytes(api);
  archiveObjects = strFromU8(unzipSync(archive)['objects.jsonl'] ?? new Uint8Array())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { stix: JsonObject }).stix);
  await other.delete();
}, 120_000);

let db: KbDatabase;
let api: KbApi;
beforeEach(async () => {
  // One clock for every write, so the store can be compared with an ingest into its twin.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-01T00:00:00.000Z'));
  db = await openKnowledgeBase(new KbDatabase(`kb-merge-${crypto.randomUUID()}`));
  api = createKbApi(db);
  await seed(api);
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});
afterAll(() => {
  archive = new Uint8Array();
});

describe('restore by merging', () => {
  it('leaves every table exactly as it was when a late record fails', async () => {
    const before = await storeDigest(db);
    const failure = await api.restoreBackup({ file: new Blob([withBadLastObjectRecord(archive)]), name: 'b.zip', mode: 'merge' }, () => undefined).catch((error: unknown) => error);
    expect(String(failure)).toContain(`objects.jsonl, record ${archiveObjects.length}, is not one Magpie wrote`);
    expect(await storeDigest(db)).toBe(before);
  }, 60_000);

  it('leaves every table exactly as it was when cancelled after the objects were merged', async () => {
    const before = await storeDigest(db);
    let restoring = 0;
    const failure = await api
      .restoreBackup({ file: new Blob([archive as Uint8Array<ArrayBuffer>]), name: 'b.zip', mode: 'merge' }, (report) => {
        // The first slice (4 MB) holds every object record; Cancel comes while the original file is read.
        if (report.phase === 'restore' && (restoring += 1) === 1) void api.cancelRestore({});
      })
      .catch((error: unknown) => error);
    expect(restoring).toBe(1);
    expect(String(failure)).toContain('The restore was cancelled. Nothing was changed.');
    expect(await storeDigest(db)).toBe(before);
  }, 60_000);

  it('leaves the store as ingesting the archive would, and adds what the store lacks', async () => {
    const result = await api.restoreBackup({ file: new Blob([archive as Uint8Array<ArrayBuffer>]), name: 'b.zip', mode: 'merge' }, () => undefined);
    expect(result.merged).toEqual({ created: 2500, updated: 1, unchanged: sampleObjects().length - 1, rejected: 0 });

    const twin = await openKnowledgeBase(new KbDatabase(`kb-merge-twin-${crypto.randomUUID()}`));
    try {
      await seed(createKbApi(twin));
      const manifest = JSON.parse(strFromU8(unzipSync(archive)['manifest.json'] ?? new Uint8Array())) as { createdAt: string };
      const items = archiveObjects.map((object, index) => ({ object, path: `/objects.jsonl/${index}`, issues: validateObject(object) }));
      await ingest(twin, items, { id: `backup:${manifest.createdAt}`, kind: 'file', name: 'Backup b.zip' });
      const merged = (database: KbDatabase) => Promise.all([database.objects.orderBy(':id').toArray(), database.versions.toArray(), changeRecordsAfter(database, 0, Number.MAX_SAFE_INTEGER), database.sources.get(`backup:${manifest.createdAt}`)]);
      const [objects, versions, changes, source] = await merged(db);
      expect([objects, versions, changes, source]).toEqual(await merged(twin));
      // The replaced PlugX is kept as history, and stream consumers see every merged object.
      expect(versions.map((version) => version.id)).toEqual([ids.malware]);
      expect(changes.filter((change) => change.source === source?.id).map((change) => change.op).sort()).toEqual([...Array<string>(2500).fill('create'), 'update']);
      expect(source).toMatchObject({ status: 'committed', committedObjects: archiveObjects.length });
    } finally {
      await twin.delete();
    }
    expect((await db.investigations.toArray()).map((each) => each.name).sort()).toEqual(['Mine', 'Theirs']);
    expect(await db.files.get('b'.repeat(64))).toBeDefined();
    expect(await db.state.get('extraction-lists')).toEqual({ key: 'extraction-lists', value: { allow: ['example.org'] } });
  }, 120_000);
});

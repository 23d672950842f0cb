/**
 * What a backup holds, read from the store a page at a time in primary-key order, so a
 * million objects never sit in memory together. The caller holds the KB's writer lock for
 * the whole backup (sessions.ts): paged reads then see one consistent store, as a single
 * read transaction would, without keeping a transaction open across the slow writes to disk
 * (IndexedDB commits a transaction that waits on anything else).
 */
import type { Table } from 'dexie';
import { FILES_FOLDER } from '../../../../core/backup/format.ts';
import type { BackupPart } from '../../../../core/backup/write.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';

const PAGE = 2000;

export interface BackupProgress {
  objects: number;
  objectsTotal: number;
}

/** Every record of a table, a page at a time, in primary-key order. */
async function* pages<T, K>(table: Table<T, K>, onPage?: (rows: number) => void): AsyncGenerator<T[]> {
  let last: unknown = undefined;
  for (;;) {
    const rows = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(PAGE).toArray();
    if (rows.length === 0) return;
    onPage?.(rows.length);
    yield rows;
    if (rows.length < PAGE) return;
    const lastRow = rows[rows.length - 1];
    // Every table backed up has a single-property primary key (id, key, sha256); `objects`
    // is keyed outbound by its records' `id` (db/compactKeys.ts).
    last = (lastRow as Record<string, unknown> | undefined)?.[String(table.schema.primKey.keyPath || 'id')];
  }
}

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** The archive's entries in order: files.jsonl comes before the files it describes. */
export async function* backupParts(db: KbDatabase, connectors: unknown, progress: BackupProgress): AsyncGenerator<BackupPart> {
  yield { kind: 'jsonl', path: 'objects.jsonl', batches: pages(db.objects, (rows) => (progress.objects += rows)) };
  yield { kind: 'jsonl', path: 'versions.jsonl', batches: pages(db.versions) };
  yield { kind: 'jsonl', path: 'sources.jsonl', batches: pages(db.sources) };
  yield { kind: 'jsonl', path: 'quarantine.jsonl', batches: pages(db.quarantine) };
  yield { kind: 'jsonl', path: 'investigations.jsonl', batches: pages(db.investigations) };
  yield { kind: 'jsonl', path: 'state.jsonl', batches: pages(db.state) };
  yield { kind: 'jsonl', path: 'trash.jsonl', batches: pages(db.trash) };
  const hashes = (await db.files.toCollection().primaryKeys()).sort();
  async function* fileMetadata(): AsyncGenerator<unknown[]> {
    for (let index = 0; index < hashes.length; index += 100) {
      const rows = await db.files.bulkGet(hashes.slice(index, index + 100));
      yield rows.flatMap((row) => (row ? [{ sha256: row.sha256, name: row.name, size: row.size, mediaType: row.mediaType, addedAt: row.addedAt }] : []));
    }
  }
  yield { kind: 'jsonl', path: 'files.jsonl', batches: fileMetadata() };
  for (const sha256 of hashes) {
    const file = await db.files.get(sha256);
    if (file) yield { kind: 'bytes', path: `${FILES_FOLDER}${sha256}`, chunks: blobChunks(file.blob) };
  }
  // Main's connector settings (never secrets or cursors: main leaves them out).
  yield { kind: 'json', path: 'connectors.json', value: connectors };
}

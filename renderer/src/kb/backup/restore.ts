/**
 * Restoring a backup in the KB worker (the archive is untrusted input: it is parsed here,
 * never in main). Two full passes over the file: the first proves the whole archive
 * (hashes, counts, format and schema version) and changes nothing; the second applies it.
 *
 * Replace runs the second pass inside ONE read-write transaction over every table it
 * writes: the tables are cleared and refilled as the archive streams past, and anything
 * that goes wrong — a record that is not one Magpie wrote, an entry whose hash no longer
 * matches, a full disk (QuotaExceededError), the analyst's Cancel — aborts it, and
 * IndexedDB rolls the store back to exactly what it was. The transaction is kept open
 * across the file reads with Dexie's waitFor (the only non-IndexedDB waits in it).
 *
 * Merge runs its second pass inside one transaction too, so it is all-or-nothing in the
 * same way: the archive's objects go through ingest's own per-batch merge (mergeBatch.ts:
 * core/stix/merge.ts rules, replaced versions kept, change feed rows, one source for the
 * restore); investigations, original files, sources and quarantine entries the store
 * lacks are added, and trash entries it lacks (an object in both is merged again on its
 * restore, never duplicated); state and the store's history are left as they are.
 */
import { keepImportWarnings, warningsOf, WARNINGS_KEPT, type ImportWarning } from '../importWarnings.ts';
import type { Table, Transaction } from 'dexie';
import { BackupError, FILES_FOLDER, recordCount, type Manifest } from '../../../../core/backup/format.ts';
import { blobSource, readBackup, type ArchiveConsumer } from '../../../../core/backup/read.ts';
import { searchTerms } from '../../../../core/knowledge/objectFacts.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { compareTimestamps } from '../../../../core/stix/model/timestamp.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { isQuotaError, KbError } from '../errors.ts';
import type { IngestItem, IngestSource } from '../ingest.ts';
import { reconcileAfterIngest } from '../merge/placeholders.ts';
import { emptyCounts, prepareBatch, startSource, writeBatch, mergeTablesOf, type MergeContext } from '../mergeBatch.ts';
import type { IngestCounts } from '../records.ts';
import { renewStoreIdentity } from '../storeIdentity.ts';
import { isTableEntry, parseRecords, tableEntries, type FileMetadata } from './records.ts';

export type RestoreMode = 'replace' | 'merge';

export interface RestoreRequest {
  file: Blob;
  name: string;
  mode: RestoreMode;
}

export interface RestoreProgress {
  phase: 'verify' | 'restore';
  bytes: number;
  total: number;
}

export interface RestoreResult {
  mode: RestoreMode;
  createdAt: string;
  appVersion: string;
  objects: number;
  investigations: number;
  files: number;
  /** What ingest did with the archive's objects (merge only). */
  merged: IngestCounts | null;
  /** connectors.json as found in the archive, for main to check and apply. */
  connectors: unknown;
}

function restoreFailure(error: unknown): unknown {
  if (isQuotaError(error)) return new KbError('disk-full', 'The disk is full, so the backup could not be restored. Nothing was changed; free some space and restore again.');
  return error;
}

/**
 * Waits inside the transaction without letting it commit: Dexie's Transaction.waitFor
 * (what Dexie.waitFor calls for the current transaction; missing from its typings) keeps
 * it busy with cheap reads until the promise settles.
 */
function keepOpen<T>(transaction: Transaction, promise: Promise<T>): Promise<T> {
  return (transaction as unknown as { waitFor: (promise: Promise<T>) => Promise<T> }).waitFor(promise);
}

export class RestoreCancelled extends Error {
  constructor() {
    super('The restore was cancelled. Nothing was changed.');
    this.name = 'RestoreCancelled';
  }
}

export async function restoreBackup(db: KbDatabase, request: RestoreRequest, options: { newestSchemaVersion: number; onProgress?: (progress: RestoreProgress) => void; cancelled?: () => boolean }): Promise<RestoreResult> {
  const total = request.file.size;
  const progress = (phase: RestoreProgress['phase']) => (bytes: number) => {
    if (options.cancelled?.()) throw new RestoreCancelled();
    options.onProgress?.({ phase, bytes, total });
  };
  // Pass 1: nothing is written until the whole archive has been proven.
  const manifest = await readBackup(blobSource(request.file), {}, { newestSchemaVersion: options.newestSchemaVersion, onProgress: progress('verify') });
  try {
    return request.mode === 'replace' ? await replace(db, request, manifest, options.newestSchemaVersion, progress('restore')) : await merge(db, request, manifest, options.newestSchemaVersion, progress('restore'));
  } catch (error) {
    throw restoreFailure(error);
  }
}

function summary(mode: RestoreMode, manifest: Manifest, connectors: unknown, merged: IngestCounts | null): RestoreResult {
  return {
    mode,
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    objects: recordCount(manifest, 'objects.jsonl'),
    investigations: recordCount(manifest, 'investigations.jsonl'),
    files: recordCount(manifest, 'files.jsonl'),
    merged,
    connectors,
  };
}

function parseConnectors(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    throw new BackupError('damaged', 'connectors.json is not JSON; the archive was changed or damaged.');
  }
}

/** Reads the archive again, handing records and files to `write`; shared by both modes. */
function consumer(write: { records: (table: string, rows: unknown[]) => Promise<void>; file: (metadata: FileMetadata, blob: Blob) => Promise<void> }, found: { connectors: unknown }): ArchiveConsumer {
  const lines = new Map<string, number>();
  const fileMetadata = new Map<string, FileMetadata>();
  return {
    records: async (path, records) => {
      if (!isTableEntry(path)) return;
      const entry = tableEntries[path];
      const rows = parseRecords<unknown>(path, records, entry.parse, lines.get(path) ?? 0);
      lines.set(path, (lines.get(path) ?? 0) + records.length);
      if (entry.table === null) {
        for (const row of rows as FileMetadata[]) fileMetadata.set(row.sha256, row);
        return;
      }
      await write.records(entry.table, rows);
    },
    file: async (path, bytes) => {
      if (path === 'connectors.json') {
        found.connectors = parseConnectors(bytes);
        return;
      }
      if (!path.startsWith(FILES_FOLDER)) return;
      const metadata = fileMetadata.get(path.slice(FILES_FOLDER.length));
      if (!metadata) throw new BackupError('damaged', `${path} has no entry in files.jsonl; the archive was changed or damaged.`);
      await write.file(metadata, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: metadata.mediaType }));
    },
  };
}

/**
 * Search terms are derived from the STIX object, so each object gets this version's: an
 * archive written before schema v11 lacks a file's other hashes (the records passed their
 * check, so `stix` is an object).
 */
function withCurrentTerms(row: unknown): unknown {
  const record = row as { stix: JsonObject };
  return { ...record, terms: searchTerms(record.stix) };
}

async function replace(db: KbDatabase, request: RestoreRequest, manifest: Manifest, newestSchemaVersion: number, onProgress: (bytes: number) => void): Promise<RestoreResult> {
  const tables = [db.objects, db.versions, db.sources, db.files, db.quarantine, db.state, db.investigations, db.trash];
  const found = { connectors: null as unknown };
  await db.transaction('rw', tables, async (transaction: Transaction) => {
    // Tables taken from the transaction itself, so every write is part of it whatever
    // the async context (the reads in between are waits the transaction outlives).
    const table = (name: string): Table => transaction.table(name);
    await Promise.all(tables.map((each) => table(each.name).clear()));
    const again = await readBackup(
      blobSource(request.file, (promise) => keepOpen(transaction, promise)),
      consumer(
        {
          records: async (name, rows) => {
            await table(name).bulkPut(name === 'objects' ? rows.map(withCurrentTerms) : rows);
          },
          file: async (metadata, blob) => {
            await table('files').put({ ...metadata, blob });
          },
        },
        found,
      ),
      { newestSchemaVersion, onProgress },
    );
    // The file changed on disk between the passes: the second pass is what was written.
    if (again.createdAt !== manifest.createdAt) throw new BackupError('damaged', 'The backup file changed while it was restored; nothing was changed. Restore it again.');
    // A new identity tells main that every connector's cursor is stale (storeIdentity.ts).
    await renewStoreIdentity(db);
  });
  return summary('replace', manifest, found.connectors, null);
}

async function merge(db: KbDatabase, request: RestoreRequest, manifest: Manifest, newestSchemaVersion: number, onProgress: (bytes: number) => void): Promise<RestoreResult> {
  const found = { connectors: null as unknown };
  const source: IngestSource = { id: `backup:${manifest.createdAt}`, kind: 'file', name: `Backup ${request.name}` };
  const at = new Date().toISOString();
  const counts = emptyCounts();
  // Warnings are kept as an import keeps them (importWarnings.ts), so the history can open them.
  const warnings: { total: number; kept: ImportWarning[] } = { total: 0, kept: [] };
  const tables = [db.objects, db.versions, db.changes, db.sources, db.quarantine, db.investigations, db.files, db.trash];
  await db.transaction('rw', tables, async (transaction: Transaction) => {
    // As in replace: tables bound to this transaction, whatever the async context.
    const table = (name: string): Table => transaction.table(name);
    const merging = mergeTablesOf(transaction);
    const context: MergeContext = { startedEmpty: (await merging.objects.limit(1).primaryKeys()).length === 0, written: new Set<string>(), trashHolds: (await table('trash').limit(1).primaryKeys()).length > 0 };
    await startSource(merging.sources, source, at);
    const others: { table: string; rows: unknown[] }[] = [];
    const files: { metadata: FileMetadata; blob: Blob }[] = [];
    let index = 0;
    const again = await readBackup(
      blobSource(request.file, (promise) => keepOpen(transaction, promise)),
      consumer(
        {
          records: async (name, rows) => {
            if (name === 'objects') {
              // The same merge rules, versions and change feed rows as an import (mergeBatch.ts).
              const items: IngestItem[] = rows.map((row) => {
                const object = (row as { stix: unknown }).stix;
                return { object, path: `/objects.jsonl/${index++}`, issues: validateObject(object) };
              });
              const prepared = prepareBatch(items, source.id, at);
              warnings.total += prepared.warnings;
              for (const item of items) if (warnings.kept.length < WARNINGS_KEPT) warnings.kept.push(...warningsOf(item).slice(0, WARNINGS_KEPT - warnings.kept.length));
              const batch = await writeBatch(merging, prepared, source.id, at, context);
              for (const key of Object.keys(batch) as (keyof IngestCounts)[]) counts[key] += batch[key];
            }
            // Merge keeps this store's own history and state; the archive's are not mixed in.
            else if (name !== 'state' && name !== 'versions') others.push({ table: name, rows });
          },
          file: (metadata, blob) => Promise.resolve(void files.push({ metadata, blob })),
        },
        found,
      ),
      { newestSchemaVersion, onProgress },
    );
    if (again.createdAt !== manifest.createdAt) throw new BackupError('damaged', 'The backup file changed while it was restored; nothing was changed. Restore it again.');
    await addMissing(table, others, files);
    await merging.sources.update(source.id, { status: 'committed' });
  });
  await keepImportWarnings(db, source.id, warnings.total, warnings.kept);
  // As after an import: ATT&CK placeholders become the real objects (its own transaction, best effort).
  await reconcileAfterIngest(db);
  return summary('merge', manifest, found.connectors, counts);
}

/** What the store lacks is added; what it has is kept (a newer investigation wins). */
async function addMissing(table: (name: string) => Table, others: { table: string; rows: unknown[] }[], files: { metadata: FileMetadata; blob: Blob }[]): Promise<void> {
  for (const { table: name, rows } of others) {
    const target = table(name);
    const keys = rows.map((row) => target.schema.primKey.keyPath && (row as Record<string, unknown>)[String(target.schema.primKey.keyPath)]);
    const present = (await target.bulkGet(keys as string[])) as unknown[];
    const missing = rows.filter((row, index) => {
      const existing = present[index] as { modified?: string } | undefined;
      if (!existing) return true;
      const incoming = (row as { modified?: string }).modified;
      return name === 'investigations' && incoming !== undefined && existing.modified !== undefined && compareTimestamps(incoming, existing.modified) > 0;
    });
    if (missing.length > 0) await target.bulkPut(missing);
  }
  const stored = table('files');
  for (const { metadata, blob } of files) if (!(await stored.get(metadata.sha256))) await stored.put({ ...metadata, blob });
}

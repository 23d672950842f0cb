/**
 * Ingest: validated STIX objects in, merged into the store in batches, each batch one
 * transaction. Invalid objects go to quarantine with their reasons; nothing is dropped
 * silently and nothing is half-written. A batch that fails (a full disk) leaves the store
 * as it was before that batch, and what committed before it stays, counted on the source.
 * Ingesting the same data again changes nothing: ids deduplicate and the merge rules of
 * core/stix/merge.ts keep the stored version when nothing is newer.
 */
import type { Issue } from '../../../core/stix/issues.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import { isQuotaError, KbError } from './errors.ts';
import { currentDecaySettings } from './lifecycle/decaySettings.ts';
import { lifecycleSource } from './lifecycle/lifecycleSource.ts';
import { collectRestarts, fillFeedObjects, reliabilities, restartVersions } from './lifecycle/restartLifetimes.ts';
import { keepImportWarnings, warningsOf, WARNINGS_KEPT, type ImportWarning } from './importWarnings.ts';
import { reconcileAfterIngest } from './merge/placeholders.ts';
import { emptyCounts, prepareBatch, startSource, writeBatch, type MergeContext } from './mergeBatch.ts';
import type { IngestCounts, SourceKind, SourceRecord } from './records.ts';
import { hasTrash } from './trash/trashRecords.ts';

export interface IngestItem {
  object: unknown;
  /** JSON pointer of the object in what was imported. */
  path: string;
  /** Issues found when it was read (validation, upgrade, duplicates). */
  issues: readonly Issue[];
}

export interface IngestSource {
  id: string;
  kind: SourceKind;
  name: string;
  sha256?: string;
}

export interface IngestProgress {
  processed: number;
  committed: number;
  rejected: number;
}

export interface Rejection {
  objectId: string;
  path: string;
  reasons: { path: string; rule: string; message: string }[];
}

export interface IngestResult {
  sourceId: string;
  counts: IngestCounts;
  /** The first rejections with their reasons; all of them are in quarantine. */
  rejections: Rejection[];
  warnings: number;
}

export interface IngestOptions {
  /** Objects per transaction; the first batch is at most 1,000, so progress shows early. */
  batchSize?: number;
  now?: () => string;
  onProgress?: (progress: IngestProgress) => void;
  signal?: AbortSignal;
  /**
   * More writes (to `files`) committed in the same transaction as the first batch, so
   * what they record and the objects stand or fall together.
   */
  alsoWrite?: () => Promise<unknown>;
}

const REJECTIONS_REPORTED = 200;
const FIRST_BATCH = 1000;

export async function ingest(db: KbDatabase, items: AsyncIterable<IngestItem> | Iterable<IngestItem>, source: IngestSource, options: IngestOptions = {}): Promise<IngestResult> {
  const batchSize = options.batchSize ?? 1000;
  const now = options.now ?? (() => new Date().toISOString());
  const counts = emptyCounts();
  const rejections: Rejection[] = [];
  let processed = 0;
  let committed = 0;
  let warnings = 0;
  const keptWarnings: ImportWarning[] = [];

  unrecordedFailures.delete(source.id);
  // Not count(): Chromium counts a store by walking it, which at a million objects took longer
  // than the batch it guards (bench:kb-scale); one key says as much.
  const startedEmpty = (await db.objects.limit(1).primaryKeys()).length === 0;
  const trash = hasTrash(db);
  const context: MergeContext = { startedEmpty, written: new Set<string>(), trashHolds: trash && (await db.trash.limit(1).primaryKeys()).length > 0 };
  const startedAt = now();
  await db.transaction('rw', db.sources, () => startSource(db.sources, source, startedAt));

  let pendingAlsoWrite = options.alsoWrite;
  // Issue 21: indicators age (lifecycle/): feeds' gaps are filled from the decay model, and
  // what this write brings again or sights restarts its lifetime once the write is in.
  const decay = source.id === lifecycleSource.id ? undefined : await currentDecaySettings(db);
  const restarts = new Set<string>();

  async function commit(items: IngestItem[]): Promise<void> {
    const at = now();
    let batch = items;
    if (decay && source.kind === 'connector') {
      const objects = batch.map((item) => item.object);
      const filled = fillFeedObjects(objects, new Date(at), decay, await reliabilities(db, objects));
      batch = batch.map((item, index) => ({ ...item, object: filled[index] }));
    }
    if (decay) await collectRestarts(db, batch.map((item) => item.object), source, restarts);
    const prepared = prepareBatch(batch, source.id, at);
    warnings += prepared.warnings;
    for (const item of batch) {
      if (keptWarnings.length >= WARNINGS_KEPT) break;
      if (item.issues.length > 0) keptWarnings.push(...warningsOf(item).slice(0, WARNINGS_KEPT - keptWarnings.length));
    }
    for (const rejection of prepared.rejections) {
      if (rejections.length >= REJECTIONS_REPORTED) break;
      rejections.push(rejection);
    }
    const alsoWrite = pendingAlsoWrite;
    pendingAlsoWrite = undefined;
    const batchCounts = await db.transaction('rw', [db.objects, db.quarantine, db.sources, db.files, db.changes, db.versions, ...(trash ? [db.trash] : [])], async () => {
      const written = await writeBatch(db, prepared, source.id, at, context);
      if (alsoWrite) await alsoWrite();
      return written;
    });
    for (const key of Object.keys(batchCounts) as (keyof IngestCounts)[]) counts[key] += batchCounts[key];
    committed += prepared.incoming.size;
  }

  // One transaction in flight at a time, in order; while it commits, the next batch is read
  // (parsed, validated) so the worker's CPU work overlaps IndexedDB's writes.
  let inFlight: { done: Promise<void>; processed: number } | undefined;
  async function settle(): Promise<void> {
    if (!inFlight) return;
    const { done, processed: through } = inFlight;
    inFlight = undefined;
    await done;
    options.onProgress?.({ processed: through, committed, rejected: counts.rejected });
  }
  function start(batch: IngestItem[]): void {
    const done = commit(batch);
    // Its failure is rethrown by settle(); this only keeps it from being reported as unhandled meanwhile.
    done.catch(() => undefined);
    inFlight = { done, processed };
  }

  try {
    let batch: IngestItem[] = [];
    let limit = Math.min(batchSize, FIRST_BATCH);
    for await (const item of items) {
      options.signal?.throwIfAborted();
      batch.push(item);
      processed += 1;
      if (batch.length >= limit) {
        limit = batchSize;
        await settle();
        start(batch);
        batch = [];
      }
    }
    await settle();
    if (batch.length > 0) start(batch);
    await settle();
    if (processed === 0) options.onProgress?.({ processed, committed, rejected: counts.rejected });
  } catch (error) {
    // A batch still committing finishes (or fails) before the source is marked, so its count is right.
    if (inFlight) await inFlight.done.catch(() => undefined);
    const failure = isQuotaError(error)
      ? new KbError('disk-full', `The disk is full. ${committed} objects were stored before it filled up and are kept; free some space and import again to add the rest.`)
      : error;
    await markFailed(db, source.id, failure instanceof Error ? failure.message : String(failure));
    throw failure;
  }
  await markSource(db, source.id, 'committed');
  if (decay && restarts.size > 0) {
    const versions = await restartVersions(db, restarts, new Date(now()), decay);
    if (versions.length > 0) await ingest(db, versions.map((object, index) => ({ object, path: `/${index}`, issues: [] })), lifecycleSource, { now });
  }
  // Issue 15: the warnings can be opened from the result and the history (importWarnings.ts).
  await keepImportWarnings(db, source.id, warnings, keptWarnings);
  // ATT&CK ids written before ATT&CK was imported become the real objects now (merge/placeholders.ts).
  await reconcileAfterIngest(db);
  return { sourceId: source.id, counts, rejections, warnings };
}

/**
 * Records the failure on the source. Right after a full-disk abort the browser may still
 * count the rolled-back batch against the quota, so the small write is tried a few times.
 */
async function markFailed(db: KbDatabase, id: string, error: string): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    try {
      await markSource(db, id, 'failed', error);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
    }
  }
  // Still refused: remembered here so the history tells the truth now; the next start
  // records it for good (markInterruptedImports).
  unrecordedFailures.set(id, error);
}

const unrecordedFailures = new Map<string, string>();

/** Sources as stored, corrected by failures this worker could not write (a full disk). */
export function withUnrecordedFailures(sources: SourceRecord[]): SourceRecord[] {
  return sources.map((source) => {
    const error = source.status === 'running' ? unrecordedFailures.get(source.id) : undefined;
    return error === undefined ? source : { ...source, status: 'failed', error };
  });
}

async function markSource(db: KbDatabase, id: string, status: SourceRecord['status'], error?: string): Promise<void> {
  await db.sources.update(id, error === undefined ? { status } : { status, error });
}

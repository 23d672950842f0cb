/**
 * Ingest: validated STIX objects in, merged into the store in batches, each batch one
 * transaction. Invalid objects go to quarantine with their reasons; nothing is dropped
 * silently and nothing is half-written. A batch that fails (a full disk) leaves the store
 * as it was before that batch, and what committed before it stays, counted on the source.
 * Ingesting the same data again changes nothing: ids deduplicate and the merge rules of
 * core/stix/merge.ts keep the stored version when nothing is newer.
 */
import type { Issue } from '../../../core/stix/issues.ts';
import { mergeVersions } from '../../../core/stix/merge.ts';
import { isObject, type JsonObject } from '../../../core/stix/model/properties.ts';
import { recordChanges } from './changes.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import { isQuotaError, KbError } from './errors.ts';
import { reconcileAfterIngest } from './merge/placeholders.ts';
import { keepVersions, nextVersion, writtenBy, type VersionRecord } from './versions/history.ts';
import { toRecord, type ChangeRecord, type IngestCounts, type QuarantineEntry, type SourceKind, type SourceRecord, type StoredObject } from './records.ts';

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

function emptyCounts(): IngestCounts {
  return { created: 0, updated: 0, unchanged: 0, rejected: 0 };
}

function reasonsOf(issues: readonly Issue[]) {
  return issues.filter((issue) => issue.severity === 'error').map(({ path, rule, message }) => ({ path, rule, message }));
}

/** Several versions of one object in a batch become one, by the same merge rules. */
function collapseVersions(objects: JsonObject[]): Map<string, JsonObject> {
  const byId = new Map<string, JsonObject>();
  for (const object of objects) {
    const id = String(object['id']);
    const earlier = byId.get(id);
    byId.set(id, earlier ? mergeVersions(earlier, object).object : object);
  }
  return byId;
}

export async function ingest(db: KbDatabase, items: AsyncIterable<IngestItem> | Iterable<IngestItem>, source: IngestSource, options: IngestOptions = {}): Promise<IngestResult> {
  const batchSize = options.batchSize ?? 1000;
  const now = options.now ?? (() => new Date().toISOString());
  const counts = emptyCounts();
  const rejections: Rejection[] = [];
  let processed = 0;
  let committed = 0;
  let warnings = 0;

  unrecordedFailures.delete(source.id);
  // Not count(): Chromium counts a store by walking it, which at a million objects took longer
  // than the batch it guards (bench:kb-scale); one key says as much.
  const startedEmpty = (await db.objects.limit(1).primaryKeys()).length === 0;
  const written = new Set<string>();
  const startedAt = now();
  await db.transaction('rw', db.sources, async () => {
    const previous = await db.sources.get(source.id);
    const record: SourceRecord = previous
      ? // A file imported again counts afresh; a connector's runs and the analyst's edits arrive in many batches, so their counts add up.
        { ...previous, name: source.name, lastImportedAt: startedAt, status: 'running', counts: source.kind !== 'file' ? previous.counts : emptyCounts() }
      : { ...source, firstImportedAt: startedAt, lastImportedAt: startedAt, status: 'running', committedObjects: 0, counts: emptyCounts() };
    delete record.error;
    await db.sources.put(record);
  });

  let pendingAlsoWrite = options.alsoWrite;

  async function commit(batch: IngestItem[]): Promise<void> {
    const at = now();
    const valid: JsonObject[] = [];
    const quarantined: QuarantineEntry[] = [];
    for (const item of batch) {
      const reasons = reasonsOf(item.issues);
      warnings += item.issues.length - reasons.length;
      if (reasons.length === 0 && isObject(item.object)) {
        valid.push(item.object);
        continue;
      }
      const objectId = isObject(item.object) && typeof item.object['id'] === 'string' ? item.object['id'] : '';
      const entry = { key: `${source.id}|${item.path}|${objectId}`, sourceId: source.id, objectId, path: item.path, object: item.object, reasons, at };
      quarantined.push(entry);
      if (rejections.length < REJECTIONS_REPORTED) rejections.push({ objectId, path: item.path, reasons });
    }
    const incoming = collapseVersions(valid);
    const batchCounts = emptyCounts();
    batchCounts.rejected = quarantined.length;

    const alsoWrite = pendingAlsoWrite;
    pendingAlsoWrite = undefined;
    await db.transaction('rw', [db.objects, db.quarantine, db.sources, db.files, db.changes, db.versions], async () => {
      const ids = [...incoming.keys()];
      // Into a store that was empty when this ingest began, only ids this ingest wrote can
      // exist, so only those are read back (ingests run one at a time: api.ts). Otherwise
      // bulkGet — not where(':id').anyOf(ids), which on 100k objects walks a cursor for
      // seconds per batch where bulkGet takes tens of milliseconds.
      const toRead = startedEmpty ? ids.filter((id) => written.has(id)) : ids;
      const found = toRead.length === 0 ? [] : await db.objects.bulkGet(toRead);
      const byId = new Map(found.flatMap((record) => (record ? [[record.id, record] as const] : [])));
      const stored = ids.map((id) => byId.get(id));
      const writes: StoredObject[] = [];
      const changes: ChangeRecord[] = [];
      const replaced: VersionRecord[] = [];
      ids.forEach((id, index) => {
        const object = incoming.get(id);
        if (!object) return;
        const existing = stored[index];
        if (!existing) {
          writes.push(toRecord(object, [source.id], at, at));
          changes.push({ op: 'create', at, id, type: String(object['type']), source: source.id });
          batchCounts.created += 1;
          return;
        }
        // Who wrote each version matters (versions/history.ts): history, and the feed-versus-analyst rule.
        const merged = nextVersion(existing, object, source.id);
        const newSource = !existing.sources.includes(source.id);
        const sources = newSource ? [...existing.sources, source.id] : existing.sources;
        if (merged.changed) {
          writes.push({ ...toRecord(merged.object, sources, existing.firstSeen, at), ...writtenBy(sources, source.id) });
          if (merged.replaced) replaced.push(merged.replaced);
          changes.push({ op: 'update', at, id, type: existing.type, source: source.id });
          batchCounts.updated += 1;
        } else {
          // Same content from one more source: only the provenance grows.
          if (newSource) writes.push({ ...existing, sources });
          batchCounts.unchanged += 1;
        }
      });
      if (writes.length > 0) await db.objects.bulkPut(writes);
      await keepVersions(db, replaced);
      await recordChanges(db, changes);
      for (const id of ids) written.add(id);
      if (quarantined.length > 0) await db.quarantine.bulkPut(quarantined);
      if (alsoWrite) await alsoWrite();
      const sourceRecord = await db.sources.get(source.id);
      if (sourceRecord) {
        sourceRecord.committedObjects += incoming.size;
        for (const key of Object.keys(batchCounts) as (keyof IngestCounts)[]) sourceRecord.counts[key] += batchCounts[key];
        await db.sources.put(sourceRecord);
      }
    });
    for (const key of Object.keys(batchCounts) as (keyof IngestCounts)[]) counts[key] += batchCounts[key];
    committed += incoming.size;
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

/**
 * One batch of an ingest merged into the store: the merge rules of core/stix/merge.ts per
 * object (through versions/history.ts, so replaced SDO/SRO versions are kept), the
 * change feed rows, quarantine for invalid objects and the source's counts. It runs
 * inside the caller's transaction, on the tables the caller hands it: `ingest` opens one
 * transaction per batch, a merge restore one transaction for the whole archive
 * (backup/restore.ts), and both apply exactly the same rules.
 */
import type { Transaction } from 'dexie';
import type { Issue } from '../../../core/stix/issues.ts';
import { mergeVersions } from '../../../core/stix/merge.ts';
import { isObject, type JsonObject } from '../../../core/stix/model/properties.ts';
import { recordChanges } from './changes.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import type { IngestItem, IngestSource, Rejection } from './ingest.ts';
import { takeFromTrash, type TakenFromTrash } from './trash/restoreFromTrash.ts';
import type { TrashEntry } from './trash/trashRecords.ts';
import { keepVersions, nextVersion, writtenBy, type VersionRecord } from './versions/history.ts';
import { toRecord, type ChangeRecord, type ChangeRow, type IngestCounts, type QuarantineEntry, type SourceRecord, type StoredObject } from './records.ts';

/** The tables a batch writes: the database's own, or those bound to an outer transaction. */
export type MergeTables = Pick<KbDatabase, 'objects' | 'versions' | 'changes' | 'quarantine' | 'sources'> & Partial<Pick<KbDatabase, 'trash'>>;

/** The tables bound to `transaction`: every write is part of it, whatever the async context. */
export function mergeTablesOf(transaction: Transaction): MergeTables {
  return {
    objects: transaction.table<StoredObject, string>('objects'),
    versions: transaction.table<VersionRecord, string>('versions'),
    changes: transaction.table<ChangeRow, number>('changes'),
    quarantine: transaction.table<QuarantineEntry, number>('quarantine'),
    sources: transaction.table<SourceRecord, string>('sources'),
    ...(transaction.storeNames.includes('trash') ? { trash: transaction.table<TrashEntry, string>('trash') } : {}),
  };
}

export interface PreparedBatch {
  /** Valid objects by id, several versions of one id already merged into one. */
  incoming: Map<string, JsonObject>;
  quarantined: QuarantineEntry[];
  /** Every rejection of the batch (the caller keeps as many as it reports). */
  rejections: Rejection[];
  warnings: number;
}

/** What the store held before this ingest: lets a batch skip reads that cannot find anything. */
export interface MergeContext {
  startedEmpty: boolean;
  /** Ids this ingest has written so far. */
  written: Set<string>;
  /**
   * Whether the trash held anything when this ingest began: only then can an incoming
   * object be one in the trash (issue 21, point 5), so an empty trash costs no read.
   */
  trashHolds?: boolean;
}

export function emptyCounts(): IngestCounts {
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

/** The CPU part of a batch (no store access), so ingest can run it while the previous batch commits. */
export function prepareBatch(batch: readonly IngestItem[], sourceId: string, at: string): PreparedBatch {
  const valid: JsonObject[] = [];
  const quarantined: QuarantineEntry[] = [];
  const rejections: Rejection[] = [];
  let warnings = 0;
  for (const item of batch) {
    const reasons = reasonsOf(item.issues);
    warnings += item.issues.length - reasons.length;
    if (reasons.length === 0 && isObject(item.object)) {
      valid.push(item.object);
      continue;
    }
    const objectId = isObject(item.object) && typeof item.object['id'] === 'string' ? item.object['id'] : '';
    quarantined.push({ key: `${sourceId}|${item.path}|${objectId}`, sourceId, objectId, path: item.path, object: item.object, reasons, at });
    rejections.push({ objectId, path: item.path, reasons });
  }
  return { incoming: collapseVersions(valid), quarantined, rejections, warnings };
}

/**
 * The source as it starts an ingest ('running'); written in the caller's transaction. A
 * file imported again counts afresh; a connector's runs and the analyst's edits arrive in
 * many batches, so their counts add up.
 */
export async function startSource(sources: MergeTables['sources'], source: IngestSource, startedAt: string): Promise<void> {
  const previous = await sources.get(source.id);
  const record: SourceRecord = previous
    ? { ...previous, name: source.name, lastImportedAt: startedAt, status: 'running', counts: source.kind !== 'file' ? previous.counts : emptyCounts() }
    : { ...source, firstImportedAt: startedAt, lastImportedAt: startedAt, status: 'running', committedObjects: 0, counts: emptyCounts() };
  delete record.error;
  await sources.put(record);
}

/** Writes one prepared batch; the caller's transaction must cover every table in `tables`. */
export async function writeBatch(tables: MergeTables, prepared: PreparedBatch, sourceId: string, at: string, context: MergeContext): Promise<IngestCounts> {
  const { incoming, quarantined } = prepared;
  const batchCounts = emptyCounts();
  batchCounts.rejected = quarantined.length;
  const ids = [...incoming.keys()];
  // Into a store that was empty when this ingest began, only ids this ingest wrote can
  // exist, so only those are read back (ingests run one at a time: api.ts). Otherwise
  // bulkGet — not where(':id').anyOf(ids), which on 100k objects walks a cursor for
  // seconds per batch where bulkGet takes tens of milliseconds.
  const toRead = context.startedEmpty ? ids.filter((id) => context.written.has(id)) : ids;
  const found = toRead.length === 0 ? [] : await tables.objects.bulkGet(toRead);
  const byId = new Map(found.flatMap((record) => (record ? [[record.id, record] as const] : [])));
  const stored = ids.map((id) => byId.get(id));
  // An object re-imported while in the trash comes back as if it had never left: merged with
  // its trashed record and history, and taken out of its entry so a restore cannot bring it twice.
  const fromTrash = context.trashHolds && tables.trash ? await takeFromTrash(tables.trash, ids.filter((_, index) => !stored[index])) : new Map<string, TakenFromTrash>();
  const writes: StoredObject[] = [];
  const changes: ChangeRecord[] = [];
  const replaced: VersionRecord[] = [];
  ids.forEach((id, index) => {
    const object = incoming.get(id);
    if (!object) return;
    const existing = stored[index];
    const trashed = fromTrash.get(id);
    if (!existing && trashed) {
      const merged = nextVersion(trashed.record, object, sourceId);
      const sources = trashed.record.sources.includes(sourceId) ? trashed.record.sources : [...trashed.record.sources, sourceId];
      writes.push(merged.changed ? { ...toRecord(merged.object, sources, trashed.record.firstSeen, at), ...writtenBy(sources, sourceId) } : { ...trashed.record, sources });
      replaced.push(...trashed.versions, ...(merged.replaced ? [merged.replaced] : []));
      changes.push({ op: 'create', at, id, type: trashed.record.type, source: sourceId });
      batchCounts.created += 1;
      return;
    }
    if (!existing) {
      writes.push(toRecord(object, [sourceId], at, at));
      changes.push({ op: 'create', at, id, type: String(object['type']), source: sourceId });
      batchCounts.created += 1;
      return;
    }
    // Who wrote each version matters (versions/history.ts): history, and the feed-versus-analyst rule.
    const merged = nextVersion(existing, object, sourceId);
    const newSource = !existing.sources.includes(sourceId);
    const sources = newSource ? [...existing.sources, sourceId] : existing.sources;
    if (merged.changed) {
      writes.push({ ...toRecord(merged.object, sources, existing.firstSeen, at), ...writtenBy(sources, sourceId) });
      if (merged.replaced) replaced.push(merged.replaced);
      changes.push({ op: 'update', at, id, type: existing.type, source: sourceId });
      batchCounts.updated += 1;
    } else {
      // Same content from one more source: only the provenance grows.
      if (newSource) writes.push({ ...existing, sources });
      batchCounts.unchanged += 1;
    }
  });
  if (writes.length > 0) await tables.objects.bulkPut(writes);
  await keepVersions(tables, replaced);
  await recordChanges(tables, changes);
  for (const id of ids) context.written.add(id);
  if (quarantined.length > 0) await tables.quarantine.bulkPut(quarantined);
  const sourceRecord = await tables.sources.get(sourceId);
  if (sourceRecord) {
    sourceRecord.committedObjects += incoming.size;
    for (const key of Object.keys(batchCounts) as (keyof IngestCounts)[]) sourceRecord.counts[key] += batchCounts[key];
    await tables.sources.put(sourceRecord);
  }
  return batchCounts;
}

/**
 * Applies merges in one transaction (issue 17, point 4): each removed duplicate's
 * references — relationship ends, sightings, report and grouping contents, notes, any
 * `*_ref`/`*_refs` — are pointed at the object kept, each changed SDO/SRO as a new version
 * (previous one kept in `versions`, history.ts), the duplicates removed, and every change
 * in the change feed under "Analyst edits". Nothing is written unless all of it is.
 *
 * Written directly rather than through `ingest` so that the new versions are exactly what
 * the merge means (no accumulation with the stored one) and so the placeholder
 * reconciliation that `ingest` calls cannot call itself.
 */
import { repointReferences } from '../../../../core/curation/combineDuplicates.ts';
import { referencedIds } from '../../../../core/knowledge/objectFacts.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { recordChanges } from '../changes.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { analystEditsSource } from '../edits.ts';
import { toRecord, type ChangeRecord, type SourceRecord, type StoredObject, type VersionReason } from '../records.ts';
import { nextContent } from '../versions/editObject.ts';
import { asVersion, keepVersions, writtenBy, type VersionRecord } from '../versions/history.ts';

export interface MergePlan {
  keepId: string;
  otherIds: readonly string[];
  /** The kept object's new content; undefined leaves it as it is (an ATT&CK object replacing a placeholder). */
  content?: JsonObject;
  /** Recorded on the kept object's new version, so its history says it was a merge. */
  reason?: VersionReason;
}

export interface MergeOutcome {
  /** Objects whose references now point at the kept objects. */
  repointed: number;
  /** Duplicates removed, and relationships that only joined two merged duplicates. */
  removed: number;
}

/** Types whose references a creator or marking may hold: those need a scan, not the `refs` index. */
const PROVENANCE_TYPES = new Set(['identity']);

/** The ids of every object that refers to one of `ids`, besides those ids themselves. */
export async function referringIds(db: KbDatabase, ids: readonly string[], types: ReadonlySet<string>): Promise<string[]> {
  const wanted = new Set(ids);
  const found = new Set(await db.objects.where('refs').anyOf([...ids]).primaryKeys());
  // Creators are left out of the edge index (objectFacts.ts), so merging identities reads everything once.
  if ([...types].some((type) => PROVENANCE_TYPES.has(type))) {
    await db.objects.each((record) => {
      if (referencedIds(record.stix).some((id) => wanted.has(id))) found.add(record.id);
    });
  }
  return [...found].filter((id) => !wanted.has(id));
}

function withSource(record: StoredObject): string[] {
  return record.sources.includes(analystEditsSource.id) ? record.sources : [...record.sources, analystEditsSource.id];
}

/** Writes the merges; must run inside a transaction over objects, versions, changes and sources. */
export async function applyMerges(db: KbDatabase, plans: readonly MergePlan[], referring: readonly string[], at: string): Promise<MergeOutcome> {
  const replacements = new Map(plans.flatMap((plan) => plan.otherIds.map((id) => [id, plan.keepId] as const)));
  const removedIds = new Set(replacements.keys());
  const keptIds = new Set(plans.map((plan) => plan.keepId));
  const writes: StoredObject[] = [];
  const replaced: VersionRecord[] = [];
  const changes: ChangeRecord[] = [];
  const deletes: StoredObject[] = [];

  const write = (record: StoredObject, content: JsonObject, reason?: VersionReason): void => {
    const stix = nextContent(record, content, at);
    const sources = withSource(record);
    writes.push({ ...toRecord(stix, sources, record.firstSeen, at), ...writtenBy(sources, analystEditsSource.id), ...(reason ? { reason } : {}) });
    const previous = stix['modified'] !== record.stix['modified'] ? asVersion(record) : undefined;
    if (previous) replaced.push(previous);
    changes.push({ op: 'update', at, id: record.id, type: record.type, source: analystEditsSource.id });
  };

  for (const plan of plans) {
    const kept = await db.objects.get(plan.keepId);
    if (!kept) continue;
    // The kept object may itself have referred to a duplicate (a report merged with one it contained).
    const content = plan.content ?? kept.stix;
    const next = repointReferences(content, replacements) ?? (plan.content ? content : undefined);
    if (next) write(kept, next, plan.reason);
  }
  const referringRecords = (await db.objects.bulkGet([...referring])).filter((record): record is StoredObject => record !== undefined && !removedIds.has(record.id) && !keptIds.has(record.id));
  let repointed = 0;
  for (const record of referringRecords) {
    const content = repointReferences(record.stix, replacements);
    if (!content) continue;
    // A relationship between two of the merged duplicates would now join the kept object to itself: it goes.
    const ends = [record.stix['source_ref'], record.stix['target_ref']];
    const joinedDuplicates = record.type === 'relationship' && ends.every((id) => typeof id === 'string' && (removedIds.has(id) || keptIds.has(id))) && content['source_ref'] === content['target_ref'];
    if (joinedDuplicates) {
      deletes.push(record);
      continue;
    }
    write(record, content);
    repointed += 1;
  }
  const removed = (await db.objects.bulkGet([...removedIds])).filter((record): record is StoredObject => record !== undefined);
  deletes.push(...removed);

  await db.objects.bulkPut(writes);
  await db.objects.bulkDelete(deletes.map((record) => record.id));
  await keepVersions(db, replaced);
  for (const record of deletes) changes.push({ op: 'delete', at, id: record.id, type: record.type, object: record.stix });
  await recordChanges(db, changes);
  await countOnSource(db, writes.length, at);
  return { repointed, removed: deletes.length };
}

/** The analyst-edits source says how many objects merges rewrote, like any other write of it. */
async function countOnSource(db: KbDatabase, updated: number, at: string): Promise<void> {
  const source = await db.sources.get(analystEditsSource.id);
  const record: SourceRecord = source
    ? { ...source, lastImportedAt: at }
    : { ...analystEditsSource, firstImportedAt: at, lastImportedAt: at, status: 'committed', committedObjects: 0, counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 } };
  record.counts = { ...record.counts, updated: record.counts.updated + updated };
  record.committedObjects += updated;
  await db.sources.put(record);
}

/**
 * Delete, as the analyst means it (issue 21, point 5): the objects leave every view — with
 * the relationships and sightings that hang on them and their kept versions — into one
 * trash entry, in one transaction. The change feed records a delete for each, as before,
 * so stream consumers withdraw them; a restore brings them back as creates.
 */
import { displayName } from '../../../../core/knowledge/objectFacts.ts';
import { recordChanges } from '../changes.ts';
import { getAnalystProfile } from '../curation/analystProfile.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { ChangeRecord, StoredObject } from '../records.ts';
import { EDGE_TYPES, type TrashedContainer, type TrashEntry } from './trashRecords.ts';

export interface TrashRequest {
  ids: string[];
  /** Why, in the analyst's words (optional). */
  why?: string;
}

export interface TrashResult {
  /** Objects moved, relationships and sightings included. */
  deleted: number;
  /** The entry they are in; null when none of the ids was stored. */
  entryId: string | null;
}

const MAX_WHY = 1000;

/** Feed rows for objects leaving the store: a delete keeps the last version, since nothing else will. */
export function deletions(records: readonly StoredObject[], at: string): ChangeRecord[] {
  return records.map((record) => ({ op: 'delete', at, id: record.id, type: record.type, object: record.stix }));
}

function present<T>(rows: readonly (T | undefined)[]): T[] {
  return rows.filter((row): row is T => row !== undefined);
}

export async function moveToTrash(db: KbDatabase, request: TrashRequest, options: { now?: () => string } = {}): Promise<TrashResult> {
  const at = (options.now ?? (() => new Date().toISOString()))();
  const by = (await getAnalystProfile(db))?.name ?? '';
  const why = (request.why ?? '').trim().slice(0, MAX_WHY);
  const roots = [...new Set(request.ids)];
  return db.transaction('rw', [db.objects, db.versions, db.changes, db.trash], async () => {
    const attached = await db.objects.where('refs').anyOf(roots).filter((record) => EDGE_TYPES.has(record.type)).primaryKeys();
    const records = present(await db.objects.bulkGet([...new Set([...roots, ...attached])]));
    if (records.length === 0) return { deleted: 0, entryId: null };
    const ids = records.map((record) => record.id);
    const leaving = new Set(ids);
    // Containers that keep pointing at what leaves: named in the entry, never rewritten.
    const containers: TrashedContainer[] = [];
    await db.objects.where('refs').anyOf(ids).distinct().each((record) => {
      if (leaving.has(record.id) || EDGE_TYPES.has(record.type)) return;
      containers.push({ id: record.id, type: record.type, name: displayName(record.stix), refs: record.refs.filter((ref) => leaving.has(ref)) });
    });
    const versions = await db.versions.where('id').anyOf(ids).toArray();
    const entry: TrashEntry = {
      id: crypto.randomUUID(),
      deletedAt: at,
      by,
      why,
      roots: roots.filter((id) => leaving.has(id)),
      ids,
      objects: records,
      versions,
      containers,
    };
    await db.trash.add(entry);
    await db.objects.bulkDelete(ids);
    await db.versions.bulkDelete(versions.map((version) => version.key));
    await recordChanges(db, deletions(records, at));
    return { deleted: records.length, entryId: entry.id };
  });
}

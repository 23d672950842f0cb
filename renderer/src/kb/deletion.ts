/**
 * Removing knowledge: delete objects with the relationships and sightings that hang on
 * them, or undo a whole import by its provenance. Each is one transaction.
 */
import { recordChanges } from './changes.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import type { ChangeRecord, StoredObject } from './records.ts';

export interface DeleteResult {
  deleted: number;
}

const EDGE_TYPES = new Set(['relationship', 'sighting']);

export async function deleteObjects(db: KbDatabase, ids: string[]): Promise<DeleteResult> {
  return db.transaction('rw', [db.objects, db.changes], async () => {
    const attached = await db.objects.where('refs').anyOf(ids).filter((record) => EDGE_TYPES.has(record.type)).primaryKeys();
    const all = [...new Set([...ids, ...attached])];
    const existing = (await db.objects.bulkGet(all)).filter((record) => record !== undefined);
    await db.objects.bulkDelete(all);
    await recordChanges(db, deletions(existing, new Date().toISOString()));
    return { deleted: existing.length };
  });
}

export interface UndoResult {
  deleted: number;
  /** Objects other sources also brought: they stay, without this source in their provenance. */
  kept: number;
}

/** Takes an import back out: what only it brought is deleted, what others brought too is kept. */
export async function undoSource(db: KbDatabase, sourceId: string): Promise<UndoResult> {
  return db.transaction('rw', [db.objects, db.sources, db.quarantine, db.files, db.changes], async () => {
    const records = await db.objects.where('sources').equals(sourceId).toArray();
    const onlyRecords = records.filter((record) => record.sources.length === 1);
    const only = onlyRecords.map((record) => record.id);
    // Only provenance changes on shared objects: no STIX content changes, so no feed rows.
    const shared = records.filter((record) => record.sources.length > 1).map((record) => ({ ...record, sources: record.sources.filter((id) => id !== sourceId) }));
    await db.objects.bulkDelete(only);
    await recordChanges(db, deletions(onlyRecords, new Date().toISOString()));
    await db.objects.bulkPut(shared);
    const source = await db.sources.get(sourceId);
    await db.sources.delete(sourceId);
    await db.quarantine.where('sourceId').equals(sourceId).delete();
    if (source?.sha256) await db.files.delete(source.sha256);
    return { deleted: only.length, kept: shared.length };
  });
}

function deletions(records: readonly StoredObject[], at: string): ChangeRecord[] {
  return records.map((record) => ({ op: 'delete', at, id: record.id, type: record.type, object: record.stix }));
}

/**
 * Removing knowledge: delete objects with the relationships and sightings that hang on
 * them (into the trash, restorable: trash/moveToTrash.ts), or undo a whole import by its
 * provenance — that one is final, and its confirmation says so. Each is one transaction.
 */
import { recordChanges } from './changes.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import { deletions, moveToTrash } from './trash/moveToTrash.ts';

export interface DeleteResult {
  deleted: number;
}

/** Issue 21, point 5: a delete goes to the trash, with what hangs on the objects. */
export async function deleteObjects(db: KbDatabase, ids: string[]): Promise<DeleteResult> {
  const { deleted } = await moveToTrash(db, { ids });
  return { deleted };
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

/**
 * Removing knowledge: delete objects with the relationships and sightings that hang on
 * them, or undo a whole import by its provenance. Each is one transaction.
 */
import type { KbDatabase } from './db/KbDatabase.ts';

export interface DeleteResult {
  deleted: number;
}

const EDGE_TYPES = new Set(['relationship', 'sighting']);

export async function deleteObjects(db: KbDatabase, ids: string[]): Promise<DeleteResult> {
  return db.transaction('rw', db.objects, async () => {
    const attached = await db.objects.where('refs').anyOf(ids).filter((record) => EDGE_TYPES.has(record.type)).primaryKeys();
    const all = [...new Set([...ids, ...attached])];
    const existing = (await db.objects.bulkGet(all)).filter((record) => record !== undefined).length;
    await db.objects.bulkDelete(all);
    return { deleted: existing };
  });
}

export interface UndoResult {
  deleted: number;
  /** Objects other sources also brought: they stay, without this source in their provenance. */
  kept: number;
}

/** Takes an import back out: what only it brought is deleted, what others brought too is kept. */
export async function undoSource(db: KbDatabase, sourceId: string): Promise<UndoResult> {
  return db.transaction('rw', [db.objects, db.sources, db.quarantine, db.files], async () => {
    const records = await db.objects.where('sources').equals(sourceId).toArray();
    const only = records.filter((record) => record.sources.length === 1).map((record) => record.id);
    const shared = records.filter((record) => record.sources.length > 1).map((record) => ({ ...record, sources: record.sources.filter((id) => id !== sourceId) }));
    await db.objects.bulkDelete(only);
    await db.objects.bulkPut(shared);
    const source = await db.sources.get(sourceId);
    await db.sources.delete(sourceId);
    await db.quarantine.where('sourceId').equals(sourceId).delete();
    if (source?.sha256) await db.files.delete(source.sha256);
    return { deleted: only.length, kept: shared.length };
  });
}

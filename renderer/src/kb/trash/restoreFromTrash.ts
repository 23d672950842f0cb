/**
 * Restore from the trash (issue 21, point 5): an entry comes back whole — the same ids, the
 * same stored records and every kept version — in one transaction, and the change feed
 * records a create for each so stream consumers get them again. An object that is in the
 * store again meanwhile (a backup merged in) is merged by the normal rules (newest
 * `modified` wins, an analyst's version is kept from a feed's), never stored twice.
 *
 * A re-import of a trashed object takes it out of its entry first (`takeFromTrash`, called
 * by mergeBatch.ts), so a later restore neither duplicates it nor overwrites the newer one.
 */
import { recordChanges } from '../changes.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { KbError } from '../errors.ts';
import { toRecord, type ChangeRecord, type StoredObject } from '../records.ts';
import { keepVersions, nextVersion, writerOf, writtenBy, type VersionRecord } from '../versions/history.ts';
import type { TrashEntry } from './trashRecords.ts';

export interface RestoreTrashResult {
  /** Objects back in the store, relationships and sightings included. */
  restored: number;
}

/** The stored version a trashed record becomes next to what the store holds now (if anything). */
function merged(trashed: StoredObject, existing: StoredObject | undefined, at: string): { record?: StoredObject; replaced?: VersionRecord } {
  if (!existing) return { record: trashed };
  const writer = writerOf(trashed) ?? '';
  const next = nextVersion(existing, trashed.stix, writer);
  const sources = [...new Set([...existing.sources, ...trashed.sources])];
  if (!next.changed) return sources.length === existing.sources.length ? {} : { record: { ...existing, sources } };
  return { record: { ...toRecord(next.object, sources, existing.firstSeen, at), ...writtenBy(sources, writer) }, ...(next.replaced ? { replaced: next.replaced } : {}) };
}

export async function restoreFromTrash(db: KbDatabase, entryId: string, options: { now?: () => string } = {}): Promise<RestoreTrashResult> {
  const at = (options.now ?? (() => new Date().toISOString()))();
  return db.transaction('rw', [db.objects, db.versions, db.changes, db.trash], async () => {
    const entry = await db.trash.get(entryId);
    if (!entry) throw new KbError('not-found', 'That trash entry is gone (restored, emptied or past its retention). Nothing was changed.');
    const stored = await db.objects.bulkGet(entry.objects.map((record) => record.id));
    const puts: StoredObject[] = [];
    const replaced: VersionRecord[] = [];
    const changes: ChangeRecord[] = [];
    entry.objects.forEach((trashed, index) => {
      const existing = stored[index];
      const next = merged(trashed, existing, at);
      if (next.replaced) replaced.push(next.replaced);
      if (!next.record) return;
      puts.push(next.record);
      if (!existing) changes.push({ op: 'create', at, id: trashed.id, type: trashed.type, ...sourceOf(trashed) });
      else if (next.record.stix !== existing.stix) changes.push({ op: 'update', at, id: trashed.id, type: trashed.type, ...sourceOf(next.record) });
    });
    await db.objects.bulkPut(puts);
    // A kept version that is the current one again is not history.
    const current = new Map([...stored.flatMap((record) => (record ? [[record.id, record.modified] as const] : [])), ...puts.map((record) => [record.id, record.modified] as const)]);
    await keepVersions(db, [...entry.versions.filter((version) => current.get(version.id) !== version.modified), ...replaced]);
    await recordChanges(db, changes);
    await db.trash.delete(entry.id);
    return { restored: puts.length };
  });
}

function sourceOf(record: StoredObject): Pick<ChangeRecord, 'source'> {
  const writer = writerOf(record);
  return writer === undefined ? {} : { source: writer };
}

export interface TakenFromTrash {
  record: StoredObject;
  versions: VersionRecord[];
}

/**
 * Takes `ids` out of the trash entries that hold them (the caller's transaction must
 * include `trash`): what comes back is merged as if it had never left, and an entry left
 * with nothing is gone.
 */
export async function takeFromTrash(trash: KbDatabase['trash'], ids: readonly string[]): Promise<Map<string, TakenFromTrash>> {
  const taken = new Map<string, TakenFromTrash>();
  if (ids.length === 0) return taken;
  const wanted = new Set(ids);
  const entries: TrashEntry[] = await trash.where('ids').anyOf([...wanted]).distinct().toArray();
  for (const entry of entries) {
    for (const record of entry.objects) {
      if (wanted.has(record.id)) taken.set(record.id, { record, versions: entry.versions.filter((version) => version.id === record.id) });
    }
    const objects = entry.objects.filter((record) => !wanted.has(record.id));
    if (objects.length === 0) {
      await trash.delete(entry.id);
      continue;
    }
    await trash.put({
      ...entry,
      objects,
      ids: entry.ids.filter((id) => !wanted.has(id)),
      roots: entry.roots.filter((id) => !wanted.has(id)),
      versions: entry.versions.filter((version) => !wanted.has(version.id)),
    });
  }
  return taken;
}

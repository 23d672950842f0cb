/**
 * Undo for the analyst's hand changes (issue 17, point 5): an edit, a restore, a revoke, a
 * bulk action, a delete. Each records what the objects it touched were before, and undoing
 * puts exactly that back in one transaction — records, history rows the change added, and
 * change-feed rows so stream consumers see the undo too.
 *
 * Entries live in the worker's memory for the session, like an editor's undo: the last
 * `KEPT` changes. An undo is refused (nothing changes) when something else has written one
 * of those objects since, since putting the old state back would silently drop that write.
 */
import { recordChanges } from '../changes.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { analystEditsSource } from '../edits.ts';
import { KbError } from '../errors.ts';
import type { ChangeRecord, StoredObject } from '../records.ts';
import { asVersion } from './history.ts';

const KEPT = 20;

export interface UndoEntry {
  id: string;
  /** What the change was, in the analyst's words ("Edit PlugX", "Revoke 12 objects"). */
  label: string;
  before: Map<string, StoredObject | undefined>;
  after: Map<string, StoredObject | undefined>;
  /** History rows this change added, removed again by its undo. */
  versionKeys: string[];
  /** A change undone by its own means (a delete: restored from the trash); returns the objects back. */
  undo?: () => Promise<number>;
}

const logs = new WeakMap<KbDatabase, UndoEntry[]>();

function logOf(db: KbDatabase): UndoEntry[] {
  let log = logs.get(db);
  if (!log) logs.set(db, (log = []));
  return log;
}

async function snapshot(db: KbDatabase, ids: readonly string[]): Promise<Map<string, StoredObject | undefined>> {
  const records = await db.objects.bulkGet([...ids]);
  return new Map(ids.map((id, index) => [id, records[index]]));
}

/**
 * Runs `change` (which must hold the writer lock with its caller, api.ts) and remembers how
 * to undo it. `ids`: every object it may write or delete.
 */
export async function undoable<T>(db: KbDatabase, ids: readonly string[], label: string, change: () => Promise<T>): Promise<T & { undoId: string }> {
  const unique = [...new Set(ids)];
  const before = await snapshot(db, unique);
  const candidates = [...before.values()].flatMap((record) => (record ? [asVersion(record)?.key ?? ''] : [])).filter((key) => key !== '');
  const existingKeys = new Set((await db.versions.bulkGet(candidates)).flatMap((row) => (row ? [row.key] : [])));
  const result = await change();
  const after = await snapshot(db, unique);
  const versionKeys = [...before.values()].flatMap((record) => {
    const key = record ? asVersion(record)?.key : undefined;
    const now = record ? after.get(record.id) : undefined;
    return key && !existingKeys.has(key) && now && now.stix['modified'] !== record?.stix['modified'] ? [key] : [];
  });
  const entry: UndoEntry = { id: crypto.randomUUID(), label, before, after, versionKeys };
  const log = logOf(db);
  log.push(entry);
  if (log.length > KEPT) log.splice(0, log.length - KEPT);
  return { ...result, undoId: entry.id };
}

function same(a: StoredObject | undefined, b: StoredObject | undefined): boolean {
  if (!a || !b) return a === b;
  return a.updatedAt === b.updatedAt && a.stix['modified'] === b.stix['modified'];
}

export interface UndoResult {
  undone: string;
  objects: number;
}

/** Remembers a change that knows how to undo itself (a move to the trash). */
export function rememberUndo(db: KbDatabase, label: string, undo: () => Promise<number>): string {
  const entry: UndoEntry = { id: crypto.randomUUID(), label, before: new Map(), after: new Map(), versionKeys: [], undo };
  const log = logOf(db);
  log.push(entry);
  if (log.length > KEPT) log.splice(0, log.length - KEPT);
  return entry.id;
}

/** Undoes the change `undoId`, or the latest one when none is named. */
export async function undoChange(db: KbDatabase, undoId?: string): Promise<UndoResult> {
  const log = logOf(db);
  const index = undoId === undefined ? log.length - 1 : log.findIndex((entry) => entry.id === undoId);
  const entry = log[index];
  if (!entry) throw new KbError('not-found', 'There is no change to undo (undo lasts until Magpie is closed).');
  if (entry.undo) {
    const objects = await entry.undo();
    log.splice(index, 1);
    return { undone: entry.label, objects };
  }
  const ids = [...entry.before.keys()];
  await db.transaction('rw', [db.objects, db.versions, db.changes], async () => {
    const current = await snapshot(db, ids);
    const moved = ids.filter((id) => !same(current.get(id), entry.after.get(id)));
    if (moved.length > 0) {
      throw new KbError('conflict', `"${entry.label}" cannot be undone: ${moved.length} of its objects changed since (an import or another edit). Nothing was undone; edit them by hand instead.`);
    }
    const at = new Date().toISOString();
    const puts: StoredObject[] = [];
    const deletes: string[] = [];
    const changes: ChangeRecord[] = [];
    for (const id of ids) {
      const was = entry.before.get(id);
      const is = entry.after.get(id);
      if (was === undefined && is === undefined) continue;
      if (was) puts.push(was);
      else deletes.push(id);
      const type = (was ?? is)?.type ?? '';
      if (!was && is) changes.push({ op: 'delete', at, id, type, object: is.stix });
      else if (!same(was, is)) changes.push({ op: is ? 'update' : 'create', at, id, type, source: analystEditsSource.id });
    }
    await db.objects.bulkPut(puts);
    await db.objects.bulkDelete(deletes);
    await db.versions.bulkDelete(entry.versionKeys);
    await recordChanges(db, changes);
  });
  log.splice(index, 1);
  return { undone: entry.label, objects: ids.length };
}

/** The changes that can be undone, newest first, for the UI's undo menu. */
export function undoList(db: KbDatabase): { id: string; label: string }[] {
  return logOf(db).map(({ id, label }) => ({ id, label })).reverse();
}

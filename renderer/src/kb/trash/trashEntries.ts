/**
 * The trash as the Trash page reads and empties it (issue 21, point 5): entries newest
 * first with what they hold by name, who deleted them, when, why and the days left; the
 * retention setting (1–365 days, 30 by default, kept in the KB's `state` so a backup
 * carries it); the purge of entries past it (run at start-up and daily by
 * renderer/src/lifecycle/trashPurge.ts); and the explicit empty.
 */
import { z } from 'zod';
import { displayName } from '../../../../core/knowledge/objectFacts.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { KbError } from '../errors.ts';
import { EDGE_TYPES, hasTrash, type TrashEntry } from './trashRecords.ts';

const RETENTION_KEY = 'trash-retention-days';
export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;
/** Objects named per entry; the rest are counted. */
const NAMED = 20;
const MAX_PAGE = 200;

const RetentionDays = z.number().int().min(1).max(365);

export async function getTrashRetention(db: KbDatabase): Promise<{ days: number }> {
  const parsed = RetentionDays.safeParse((await db.state.get(RETENTION_KEY))?.value);
  return { days: parsed.success ? parsed.data : DEFAULT_RETENTION_DAYS };
}

export async function setTrashRetention(db: KbDatabase, days: unknown): Promise<{ days: number }> {
  const parsed = RetentionDays.safeParse(days);
  if (!parsed.success) throw new KbError('invalid-argument', 'The trash keeps deleted objects for a whole number of days from 1 to 365; the setting was not changed.');
  await db.state.put({ key: RETENTION_KEY, value: parsed.data });
  return { days: parsed.data };
}

export interface TrashItem {
  id: string;
  type: string;
  name: string;
}

export interface TrashSummary {
  id: string;
  deletedAt: string;
  by: string;
  why: string;
  /** When the purge takes it, and the days until then, a part day counted whole (0: due now). */
  expiresAt: string;
  daysLeft: number;
  /** What the analyst deleted, by name (the first NAMED). */
  items: TrashItem[];
  itemCount: number;
  relationships: number;
  sightings: number;
  /** Older versions kept with them. */
  versions: number;
  /** Reports, groupings, notes, opinions that still refer to them. */
  containers: TrashItem[];
}

export interface TrashPage {
  entries: TrashSummary[];
  total: number;
  retentionDays: number;
}

function summarise(entry: TrashEntry, retentionDays: number, now: number): TrashSummary {
  const roots = new Set(entry.roots);
  // Roots that were themselves relationships are named as what they are.
  const chosen = entry.objects.filter((record) => roots.has(record.id) || !EDGE_TYPES.has(record.type));
  const expires = Date.parse(entry.deletedAt) + retentionDays * DAY_MS;
  const count = (type: string) => entry.objects.filter((record) => record.type === type && !roots.has(record.id)).length;
  return {
    id: entry.id,
    deletedAt: entry.deletedAt,
    by: entry.by,
    why: entry.why,
    expiresAt: new Date(expires).toISOString(),
    daysLeft: Math.max(0, Math.ceil((expires - now) / DAY_MS)),
    items: chosen.slice(0, NAMED).map((record) => ({ id: record.id, type: record.type, name: displayName(record.stix) })),
    itemCount: chosen.length,
    relationships: count('relationship'),
    sightings: count('sighting'),
    versions: entry.versions.length,
    containers: entry.containers.map(({ id, type, name }) => ({ id, type, name })),
  };
}

export async function listTrash(db: KbDatabase, request: { offset?: number; limit?: number } = {}, now: () => number = Date.now): Promise<TrashPage> {
  const { days } = await getTrashRetention(db);
  const limit = Math.min(Math.max(1, request.limit ?? 50), MAX_PAGE);
  const collection = db.trash.orderBy('deletedAt').reverse();
  const total = await db.trash.count();
  const entries = await collection.offset(Math.max(0, request.offset ?? 0)).limit(limit).toArray();
  return { entries: entries.map((entry) => summarise(entry, days, now())), total, retentionDays: days };
}

/** Deletes for good the entries older than the retention; returns how many went. */
export async function purgeTrash(db: KbDatabase, now: () => number = Date.now): Promise<{ purged: number }> {
  const { days } = await getTrashRetention(db);
  const before = new Date(now() - days * DAY_MS).toISOString();
  const purged = await db.transaction('rw', db.trash, () => db.trash.where('deletedAt').below(before).delete());
  return { purged };
}

export async function emptyTrash(db: KbDatabase): Promise<{ emptied: number }> {
  return db.transaction('rw', db.trash, async () => {
    const emptied = await db.trash.count();
    await db.trash.clear();
    return { emptied };
  });
}

export async function deleteFromTrash(db: KbDatabase, entryId: string): Promise<{ deleted: number }> {
  return db.transaction('rw', db.trash, async () => {
    const entry = await db.trash.get(entryId);
    if (!entry) throw new KbError('not-found', 'That trash entry is gone already (restored, emptied or past its retention).');
    await db.trash.delete(entryId);
    return { deleted: entry.objects.length };
  });
}

/** Names of trashed objects, for views that meet a reference to one (queries/names.ts, containerContents.ts). */
export async function trashedNames(db: KbDatabase, ids: readonly string[]): Promise<Map<string, TrashItem>> {
  const names = new Map<string, TrashItem>();
  if (ids.length === 0 || !hasTrash(db)) return names;
  const wanted = new Set(ids);
  await db.trash.where('ids').anyOf([...wanted]).distinct().each((entry) => {
    for (const record of entry.objects) if (wanted.has(record.id)) names.set(record.id, { id: record.id, type: record.type, name: displayName(record.stix) });
  });
  return names;
}

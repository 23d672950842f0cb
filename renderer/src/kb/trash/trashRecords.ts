/**
 * What the trash keeps (issue 21, point 5: "Delete goes to a trash the analyst can restore
 * from"). One entry per delete: the objects the analyst deleted, the relationships and
 * sightings that went with them, every kept version of each (so the history page is the
 * same after a restore), and the containers — reports, groupings, notes, opinions — that
 * referenced them. Containers are not rewritten: a new version of someone else's report
 * would be bad CTI practice, so their `object_refs` keep the id and the views skip or name
 * what is in the trash (queries/containerContents.ts, queries/names.ts).
 */
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';
import type { VersionRecord } from '../versions/history.ts';

export interface TrashedContainer {
  id: string;
  type: string;
  name: string;
  /** The deleted ids it referenced. */
  refs: string[];
}

export interface TrashEntry {
  /** A UUID: the entry's own key. */
  id: string;
  deletedAt: string;
  /** The analyst's name from their profile; empty when they have none ("you"). */
  by: string;
  why: string;
  /** The ids the analyst chose to delete (the rest went with them). */
  roots: string[];
  /** Every object id the entry holds (a multi-entry index: a re-import finds its entry). */
  ids: string[];
  objects: StoredObject[];
  versions: VersionRecord[];
  containers: TrashedContainer[];
}

export const EDGE_TYPES: ReadonlySet<string> = new Set(['relationship', 'sighting']);

/**
 * Whether this database has the trash table (schema v10). The migration tests drive
 * older schemas through ingest and edits, which must then work as they did.
 */
export function hasTrash(db: Pick<KbDatabase, 'tables'>): boolean {
  return db.tables.some((table) => table.name === 'trash');
}

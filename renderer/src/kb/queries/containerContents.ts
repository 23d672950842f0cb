/**
 * A report's or grouping's contents (issue 15, point 3): its object_refs grouped by type
 * with counts, searchable by name, read a page at a time. A report of 1,593 objects is
 * paged, never cut; ids not in the store are counted and listed as missing. Objects in the
 * trash are not contents any more (issue 21, point 5: a delete leaves every view): they are
 * left out and named apart, since the report itself is not rewritten.
 */
import { displayName } from '../../../../core/knowledge/objectFacts.ts';
import type { Grouping, Report } from '../../../../core/stix/model/types.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { trashedNames, type TrashItem } from '../trash/trashEntries.ts';
import { typeOfId } from './names.ts';

export interface ContentsRequest {
  id: string;
  type?: string;
  /** Words every listed object's name must contain (case-insensitive). */
  query?: string;
  offset?: number;
  limit?: number;
}

export interface ContentsPage {
  /** Counts per type over all contents (not narrowed by the search). */
  groups: { type: string; count: number }[];
  /** All contents, before type and search narrow them. */
  all: number;
  /** Contents matching the type and search. */
  total: number;
  ids: string[];
  /** Referenced objects now in the trash, by name (left out of everything above). */
  trashed: TrashItem[];
}

const MAX_PAGE = 500;

function refsOf(stix: Report | Grouping): string[] {
  return Array.isArray(stix.object_refs) ? stix.object_refs.filter((ref): ref is string => typeof ref === 'string') : [];
}

export async function containerContents(db: KbDatabase, request: ContentsRequest): Promise<ContentsPage | null> {
  const record = await db.objects.get(request.id);
  if (!record) return null;
  const referenced = [...new Set(refsOf(record.stix as Report | Grouping))];
  const inTrash = await trashedNames(db, referenced);
  const refs = inTrash.size === 0 ? referenced : referenced.filter((ref) => !inTrash.has(ref));
  const counts = new Map<string, number>();
  for (const ref of refs) counts.set(typeOfId(ref), (counts.get(typeOfId(ref)) ?? 0) + 1);
  const groups = [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));

  let chosen = request.type ? refs.filter((ref) => typeOfId(ref) === request.type) : refs;
  const words = (request.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    // Names come from the stored objects; a missing object matches nothing but its type's name.
    const stored = await db.objects.bulkGet(chosen);
    chosen = chosen.filter((_, index) => {
      const object = stored[index];
      const name = object ? displayName(object.stix).toLowerCase() : '';
      return words.every((word) => name.includes(word));
    });
  }
  const offset = Math.max(0, request.offset ?? 0);
  const limit = Math.min(Math.max(1, request.limit ?? 50), MAX_PAGE);
  return { groups, all: refs.length, total: chosen.length, ids: chosen.slice(offset, offset + limit), trashed: [...inTrash.values()] };
}

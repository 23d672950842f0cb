/**
 * What a delete leaves behind (issue 17, point 2): objects that keep pointing at what is
 * deleted — a report's or grouping's contents, a note or opinion about it. Relationships and
 * sightings on the deleted objects go with them (deletion.ts), so they are counted apart.
 */
import { displayName } from '../../../../core/knowledge/objectFacts.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';

const EDGE_TYPES = new Set(['relationship', 'sighting']);
const EXAMPLES = 5;

export interface DanglingReferences {
  /** Objects that would keep a reference to a deleted one. */
  count: number;
  examples: { id: string; type: string; name: string }[];
  /** Relationships and sightings deleted along with them. */
  alsoDeleted: number;
}

export async function danglingReferences(db: KbDatabase, ids: readonly string[]): Promise<DanglingReferences> {
  const deleting = new Set(ids);
  let count = 0;
  let alsoDeleted = 0;
  const examples: DanglingReferences['examples'] = [];
  await db.objects.where('refs').anyOf([...deleting]).distinct().each((record) => {
    if (deleting.has(record.id)) return;
    if (EDGE_TYPES.has(record.type)) {
      alsoDeleted += 1;
      return;
    }
    count += 1;
    if (examples.length < EXAMPLES) examples.push({ id: record.id, type: record.type, name: displayName(record.stix) });
  });
  return { count, examples, alsoDeleted };
}

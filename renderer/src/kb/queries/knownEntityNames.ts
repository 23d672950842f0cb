/**
 * The names and aliases of every object a document can name (issue 16, point 2): groups,
 * actors, software, campaigns, countries and sectors, compact ({id, type, names}) for the
 * extraction review's name matching. ATT&CK's ~1,000 such objects come to ~100 KB.
 */
import { knownEntityOf } from '../../../../core/extract/entityNames/fromStix.ts';
import { ENTITY_TYPES, type KnownEntity } from '../../../../core/extract/entityNames/types.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { byType } from './byType.ts';

export async function knownEntityNames(db: KbDatabase): Promise<{ entities: KnownEntity[] }> {
  const entities: KnownEntity[] = [];
  for (const type of ENTITY_TYPES) {
    await byType(db, type).each((record) => {
      const entity = knownEntityOf(record.stix);
      if (entity) entities.push(entity);
    });
  }
  return { entities };
}

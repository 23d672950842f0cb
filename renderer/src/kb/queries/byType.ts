/**
 * Objects of one type, read through the [type+modified] index (schema v6 has no single
 * `type` index): every object has an entry there, relationships included, oldest first.
 */
import Dexie, { type Collection } from 'dexie';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';

export function byType(db: KbDatabase, type: string): Collection<StoredObject, string> {
  return db.objects.where('[type+modified]').between([type, Dexie.minKey], [type, Dexie.maxKey], true, true);
}

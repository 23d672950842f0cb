/**
 * Where else a value appears in the knowledge base (issue 8's offline enrichment): the
 * reports and notes that contain it, the indicators built on it, the sources that brought
 * it, and, for a file, the other file objects that share one of its hashes (the same file
 * seen by name in one report and by SHA-256 in another).
 */
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';
import { byType } from './byType.ts';
import { summarize, type ObjectSummary } from './summary.ts';

export interface Occurrences {
  containers: ObjectSummary[];
  indicators: ObjectSummary[];
  sources: { id: string; name: string }[];
  sameFile: ObjectSummary[];
}

const CONTAINERS = new Set(['report', 'grouping', 'note', 'opinion', 'observed-data', 'case-incident']);
const LISTED = 50;

function hashValues(record: StoredObject): Set<string> {
  const hashes = record.stix['hashes'];
  if (hashes === null || typeof hashes !== 'object' || Array.isArray(hashes)) return new Set();
  return new Set(Object.values(hashes).flatMap((value) => (typeof value === 'string' ? [value.toLowerCase()] : [])));
}

export async function occurrences(db: KbDatabase, id: string): Promise<Occurrences | null> {
  const record = await db.objects.get(id);
  if (!record) return null;
  const pointing = await db.objects.where('refs').equals(id).toArray();
  const containers = pointing.filter((other) => CONTAINERS.has(other.type)).slice(0, LISTED);
  const indicatorIds = pointing
    .filter((other) => other.type === 'relationship' && other.stix['relationship_type'] === 'based-on' && other.stix['target_ref'] === id)
    .map((relationship) => String(relationship.stix['source_ref']));
  const indicators = (await db.objects.bulkGet(indicatorIds.slice(0, LISTED))).filter((other) => other !== undefined);
  const sources = (await db.sources.bulkGet(record.sources)).flatMap((source) => (source ? [{ id: source.id, name: source.name }] : []));
  let sameFile: StoredObject[] = [];
  const hashes = record.type === 'file' ? hashValues(record) : new Set<string>();
  if (hashes.size > 0) {
    sameFile = await byType(db, 'file')
      .filter((other) => other.id !== id && [...hashValues(other)].some((hash) => hashes.has(hash)))
      .limit(LISTED)
      .toArray();
  }
  return { containers: containers.map(summarize), indicators: indicators.map(summarize), sources, sameFile: sameFile.map(summarize) };
}

/**
 * Search as you type over names, values, aliases and external ids (the `terms` index),
 * ranked so an exact id or name comes first, then descriptions. Every query is bounded:
 * index range reads with a cap, never a scan of the whole store; descriptions are matched
 * in the worker's memory (descriptions.ts).
 */
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';
import { descriptionMatches } from './descriptions.ts';
import { summarize, type ObjectSummary } from './summary.ts';

export interface SearchRequest {
  query: string;
  types?: string[];
  limit?: number;
}

export interface SearchHit extends ObjectSummary {
  score: number;
}

/**
 * How many candidates one term prefix may bring. The index returns terms in order, so the
 * exact term and the shortest completions come first; a few hundred are enough to rank.
 */
const CANDIDATES = 250;

function typeWeight(type: string): number {
  if (type === 'relationship' || type === 'sighting') return 0;
  if (type === 'marking-definition' || type === 'identity') return 1;
  return 2;
}

function hasExternalId(record: StoredObject, query: string): boolean {
  const references = record.stix['external_references'];
  return Array.isArray(references) && references.some((reference: unknown) => typeof reference === 'object' && reference !== null && String((reference as Record<string, unknown>)['external_id']).toLowerCase() === query);
}

function score(record: StoredObject, query: string, words: string[]): number {
  if (!words.every((word) => record.terms.some((term) => term.startsWith(word)))) return -1;
  let value: number;
  if (record.name === query || hasExternalId(record, query)) value = 100;
  else if (record.terms.includes(query)) value = 90;
  else if ((record.name ?? '').startsWith(query)) value = 70;
  else if (record.terms.some((term) => term.startsWith(query))) value = 50;
  else value = 30;
  if (record.stix['revoked'] === true || record.stix['x_mitre_deprecated'] === true) value -= 25;
  return value + typeWeight(record.type);
}

export async function search(db: KbDatabase, request: SearchRequest): Promise<SearchHit[]> {
  const query = request.query.trim().toLowerCase();
  if (query === '') return [];
  const words = query.split(/\s+/).filter((word) => word.length > 0);
  // The longest word narrows the index range the most.
  const anchor = [...words].sort((a, b) => b.length - a.length)[0] ?? query;
  const limit = Math.min(request.limit ?? 50, 500);
  // Keys first, then the records: a plain key range is one getAllKeys, where Dexie's
  // distinct() on a multi-entry index walks a cursor, one request per entry (bench:kb-scale).
  const keys = await db.objects.where('terms').startsWith(anchor).limit(CANDIDATES).primaryKeys();
  const candidates = (await db.objects.bulkGet([...new Set(keys)])).filter((record) => record !== undefined);
  const types = request.types?.length ? new Set(request.types) : null;
  const hits: SearchHit[] = [];
  for (const record of candidates) {
    if (types && !types.has(record.type)) continue;
    const value = score(record, query, words);
    if (value >= 0) hits.push({ ...summarize(record), score: value });
  }
  if (hits.length < limit && query.length >= 3) {
    const found = new Set(hits.map((hit) => hit.id));
    for (const record of await descriptionMatches(db, words, types, DESCRIPTION_MATCHES)) {
      if (!found.has(record.id)) hits.push({ ...summarize(record), score: DESCRIPTION_SCORE + typeWeight(record.type) });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return hits.slice(0, limit);
}

const DESCRIPTION_SCORE = 10;
/** A bound on the description tier's matches read per keystroke (a common word matches thousands). */
const DESCRIPTION_MATCHES = 2_000;

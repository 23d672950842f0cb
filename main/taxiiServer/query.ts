/**
 * The TAXII 2.1 read side over a collection's entries (OASIS TAXII 2.1, §3.4–3.5, §5.3–5.8):
 * the `match[…]` filters, `added_after`, and paging with `limit`/`next`. Pure: the server
 * gives it a snapshot and the request's parameters.
 *
 * Paging is by key, not by offset: `next` names the last (date_added, id, version) served,
 * so a page that follows a change in the collection neither repeats nor skips an entry
 * that was there before.
 */
import type { CollectionEntry } from './source.ts';

export class QueryError extends Error {
  override name = 'QueryError';
}

export interface Query {
  addedAfter?: string;
  limit: number;
  next?: string;
  ids: string[];
  types: string[];
  /** `last` (the default), `first`, `all`, or version timestamps. */
  versions: string[];
  specVersions: string[];
}

export interface Page {
  entries: CollectionEntry[];
  more: boolean;
  next?: string;
}

/** The most a page holds, whatever `limit` asks (§3.4: a server may return fewer). */
export const MAX_PAGE = 1000;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** An object's version is its `modified`; SCOs have none, and their version is when they were added. */
const versionOf = (entry: CollectionEntry): string => text(entry.object['modified']) ?? text(entry.object['created']) ?? entry.dateAdded;
const idOf = (entry: CollectionEntry): string => text(entry.object['id']) ?? '';
const specVersionOf = (entry: CollectionEntry): string => text(entry.object['spec_version']) ?? '2.0';

/** §3.4: a parameter given twice is malformed (lists are comma-separated in one). */
function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new QueryError(`${name} is given ${values.length} times; give it once (several values are separated by commas).`);
  return values[0];
}

function listParameter(params: URLSearchParams, name: string): string[] {
  single(params, name);
  return params.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function parseQuery(params: URLSearchParams, options: { allowIds: boolean }): Query {
  const addedAfter = single(params, 'added_after');
  if (addedAfter !== undefined && (!TIMESTAMP.test(addedAfter) || Number.isNaN(Date.parse(addedAfter)))) throw new QueryError(`added_after must be a timestamp such as 2026-01-10T09:00:00.000Z, not "${addedAfter}".`);
  const limitText = single(params, 'limit') ?? null;
  const limit = limitText === null ? MAX_PAGE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) throw new QueryError(`limit must be a positive whole number, not "${limitText ?? ''}".`);
  const versions = listParameter(params, 'match[version]');
  for (const version of versions) if (!['first', 'last', 'all'].includes(version) && !TIMESTAMP.test(version)) throw new QueryError(`match[version] takes first, last, all or timestamps, not "${version}".`);
  if (versions.includes('all') && versions.length > 1) throw new QueryError('match[version]=all cannot be combined with other versions (§3.4.1).');
  const ids = listParameter(params, 'match[id]');
  if (ids.length > 0 && !options.allowIds) throw new QueryError('match[id] is not taken here.');
  const next = single(params, 'next');
  if (next !== undefined) decodeNext(next);
  return { ...(addedAfter === undefined ? {} : { addedAfter }), limit: Math.min(limit, MAX_PAGE), ...(next === undefined ? {} : { next }), ids, types: listParameter(params, 'match[type]'), versions, specVersions: listParameter(params, 'match[spec_version]') };
}

interface Position {
  d: string;
  i: string;
  v: string;
}

function encodeNext(entry: CollectionEntry): string {
  return Buffer.from(JSON.stringify({ d: entry.dateAdded, i: idOf(entry), v: versionOf(entry) } satisfies Position)).toString('base64url');
}

function decodeNext(next: string): Position {
  try {
    const value = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as Partial<Position>;
    if (typeof value.d === 'string' && typeof value.i === 'string' && typeof value.v === 'string') return { d: value.d, i: value.i, v: value.v };
  } catch {
    // Falls through to the error below.
  }
  throw new QueryError('next is not a value this server gave; start again without it.');
}

/** §2: TAXII timestamps carry microseconds (YYYY-MM-DDTHH:MM:SS.ssssssZ); Magpie keeps milliseconds. */
export function taxiiTimestamp(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(iso);
  if (!match) return iso;
  return `${match[1] ?? ''}.${(match[2] ?? '').padEnd(6, '0').slice(0, 6)}Z`;
}

const compareEntries = (a: CollectionEntry, b: CollectionEntry): number =>
  a.dateAdded.localeCompare(b.dateAdded) || idOf(a).localeCompare(idOf(b)) || versionOf(a).localeCompare(versionOf(b));

function afterPosition(entry: CollectionEntry, position: Position): boolean {
  return entry.dateAdded.localeCompare(position.d) > 0 || (entry.dateAdded === position.d && (idOf(entry).localeCompare(position.i) > 0 || (idOf(entry) === position.i && versionOf(entry).localeCompare(position.v) > 0)));
}

/** §3.5.1: the versions each object keeps under `match[version]` (default `last`) and `match[spec_version]` (default: the newest spec version it has). */
function selectVersions(entries: readonly CollectionEntry[], query: Query): CollectionEntry[] {
  const byId = new Map<string, CollectionEntry[]>();
  for (const entry of entries) {
    const id = idOf(entry);
    const list = byId.get(id);
    if (list) list.push(entry);
    else byId.set(id, [entry]);
  }
  const wanted = query.versions.length === 0 ? ['last'] : query.versions;
  const kept: CollectionEntry[] = [];
  for (const list of byId.values()) {
    const newestSpec = list.map(specVersionOf).sort().at(-1);
    const specMatched = list.filter((entry) => (query.specVersions.length === 0 ? specVersionOf(entry) === newestSpec : query.specVersions.includes(specVersionOf(entry))));
    if (specMatched.length === 0) continue;
    const ordered = [...specMatched].sort((a, b) => versionOf(a).localeCompare(versionOf(b)));
    const chosen = new Set<CollectionEntry>();
    for (const version of wanted) {
      if (version === 'all') ordered.forEach((entry) => chosen.add(entry));
      else if (version === 'first' && ordered[0]) chosen.add(ordered[0]);
      else if (version === 'last' && ordered.at(-1)) chosen.add(ordered.at(-1) as CollectionEntry);
      else for (const entry of ordered) if (Date.parse(versionOf(entry)) === Date.parse(version)) chosen.add(entry);
    }
    kept.push(...chosen);
  }
  return kept;
}

/** One page of what the query selects, oldest date_added first. */
export function selectPage(entries: readonly CollectionEntry[], query: Query): Page {
  const filtered = entries.filter((entry) => (query.ids.length === 0 || query.ids.includes(idOf(entry))) && (query.types.length === 0 || query.types.includes(String(entry.object['type']))));
  const addedAfter = query.addedAfter === undefined ? undefined : Date.parse(query.addedAfter);
  const position = query.next === undefined ? undefined : decodeNext(query.next);
  const selected = selectVersions(filtered, query)
    .filter((entry) => addedAfter === undefined || Date.parse(entry.dateAdded) > addedAfter)
    .sort(compareEntries)
    .filter((entry) => position === undefined || afterPosition(entry, position));
  const page = selected.slice(0, query.limit);
  const more = selected.length > page.length;
  const last = page.at(-1);
  return { entries: page, more, ...(more && last ? { next: encodeNext(last) } : {}) };
}

export { versionOf, idOf };

/**
 * What the knowledge base derives from a STIX object to index it: a display name, the
 * search terms, and every id it points at. Pure functions, shared by the store, the UI and
 * the exports.
 */
import type { JsonObject } from '../stix/model/properties.ts';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const HASH_PREFERENCE = ['SHA-256', 'SHA-1', 'MD5', 'SHA-512', 'SSDEEP', 'TLSH'];
/** The types known by their hashes: named by one (when nameless) and found by each. */
export const HASHED_TYPES: ReadonlySet<string> = new Set(['file', 'artifact', 'x509-certificate']);

/** Every hash of a file, artifact or certificate, trimmed and lowercased; none for other types. */
export function hashValues(object: Readonly<JsonObject>): string[] {
  const hashes = HASHED_TYPES.has(String(object['type'])) ? object['hashes'] : undefined;
  if (hashes === null || typeof hashes !== 'object' || Array.isArray(hashes)) return [];
  return Object.values(hashes).flatMap((hash) => (typeof hash === 'string' && hash.trim() !== '' ? [hash.trim().toLowerCase()] : []));
}

function preferredHash(hashes: unknown): string | undefined {
  if (typeof hashes !== 'object' || hashes === null) return undefined;
  const record = hashes as Record<string, unknown>;
  for (const key of HASH_PREFERENCE) {
    const value = text(record[key]);
    if (value) return value;
  }
  return Object.values(record).map(text).find((value) => value !== undefined);
}

/** The name an analyst knows the object by: name, value, hash, subject, key… */
export function displayName(object: Readonly<JsonObject>): string {
  const type = String(object['type']);
  const direct =
    text(object['name']) ??
    text(object['value']) ??
    (type === 'autonomous-system' && typeof object['number'] === 'number' ? `AS${object['number']}` : undefined) ??
    (HASHED_TYPES.has(type) ? preferredHash(object['hashes']) : undefined) ??
    text(object['subject']) ??
    text(object['key']) ??
    text(object['path']) ??
    text(object['account_login']) ??
    text(object['user_id']) ??
    text(object['command_line']) ??
    text(object['abstract']) ??
    text(object['opinion']) ??
    text(object['relationship_type']) ??
    text(object['content']) ??
    text(object['pattern']);
  return (direct ?? String(object['id'])).slice(0, 500);
}

/** External ids such as T1059.001, CVE-2021-44228, G0016, and MITRE/NVD URL tails. */
function externalIds(object: Readonly<JsonObject>): string[] {
  const references = object['external_references'];
  if (!Array.isArray(references)) return [];
  return references.flatMap((reference: unknown) => {
    const id = typeof reference === 'object' && reference !== null ? text((reference as JsonObject)['external_id']) : undefined;
    return id ? [id] : [];
  });
}

const MAX_TERM = 64;
const WORD = /[\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+)*/gu;
/** A URL's scheme ("https://…"): on every URL, so as a term it finds them all and tells nothing. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//;
/**
 * A part of at most three digits (an address's octets, "001" of "T1059.001"): it would
 * find every address with that octet, and each such entry is one more write per object
 * on a store of a million (issue 14: index entries are what ingest at scale pays for).
 * Whole words keep their numbers, so "APT 28" is still found by "28".
 */
const SHORT_NUMBER = /^\d{1,3}$/;

/**
 * Lowercased terms for search-as-you-type: the whole name, each word of it (and of each
 * alias), the external ids, and each dotted or hyphenated part, so "T1059" finds
 * "T1059.001" and "powershell" finds "Invoke-PowerShell". Relationships get none: they
 * are found through their ends. A file's, artifact's or certificate's every hash is a term
 * too. Left out: a URL's scheme word and parts of at most three
 * digits, which match too much to narrow a search.
 */
export function searchTerms(object: Readonly<JsonObject>): string[] {
  const type = String(object['type']);
  if (type === 'relationship' || type === 'sighting') return [];
  const terms = new Set<string>();
  const add = (value: string | undefined): void => {
    if (!value) return;
    const lower = value.toLowerCase();
    terms.add(lower.slice(0, MAX_TERM));
    const scheme = SCHEME.exec(lower)?.[0];
    for (const match of (scheme ? lower.slice(scheme.length) : lower).matchAll(WORD)) {
      const word = match[0];
      terms.add(word.slice(0, MAX_TERM));
      if (/[._-]/.test(word)) for (const part of word.split(/[._-]/)) if (part.length > 1 && !SHORT_NUMBER.test(part)) terms.add(part.slice(0, MAX_TERM));
    }
  };
  add(displayName(object));
  // Every hash of a file, artifact or certificate, whole: a file is often named by its file
  // name, and a lookup, the review's "known" and search must still find it by any of its
  // hashes (a MISP file object carries MD5, SHA-1 and SHA-256 beside the name).
  for (const hash of hashValues(object)) terms.add(hash.slice(0, MAX_TERM));
  for (const key of ['aliases', 'x_mitre_aliases']) {
    const aliases = object[key];
    if (Array.isArray(aliases)) for (const alias of aliases) add(text(alias));
  }
  for (const id of externalIds(object)) add(id);
  return [...terms].filter((term) => term.length > 0);
}

/**
 * References that say who made or may share an object rather than what it is about. Nearly
 * every object carries them, pointing at a handful of ids (the author, TLP markings), so as
 * graph edges they are noise and as index entries they are half of all entries (ATT&CK).
 */
const PROVENANCE_KEYS = new Set(['created_by_ref', 'object_marking_refs', 'marking_ref', 'x_mitre_modified_by_ref']);

/**
 * The ids the object is about: `*_ref` and `*_refs` properties at any depth (so extension
 * refs count), including a relationship's two ends and a report's contents, but not its
 * creator or markings. This is the knowledge base's edge index.
 */
export function edgeIds(object: Readonly<JsonObject>): string[] {
  return collectReferences(object, true);
}

/** Every id the object refers to, creator and markings included (what an export must carry). */
export function referencedIds(object: Readonly<JsonObject>): string[] {
  return collectReferences(object, false);
}

function collectReferences(object: Readonly<JsonObject>, skipProvenance: boolean): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key: string | undefined, depth: number): void => {
    if (depth > 8) return;
    if (typeof value === 'string') {
      if (key !== undefined && (key.endsWith('_ref') || key.endsWith('_refs')) && value.includes('--')) found.add(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key, depth + 1);
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [childKey, child] of Object.entries(value)) {
        if (!(skipProvenance && PROVENANCE_KEYS.has(childKey))) visit(child, childKey, depth + 1);
      }
    }
  };
  for (const [key, value] of Object.entries(object)) {
    if (key !== 'id' && !(skipProvenance && PROVENANCE_KEYS.has(key))) visit(value, key, 0);
  }
  found.delete(String(object['id']));
  return [...found];
}

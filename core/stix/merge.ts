/**
 * Versioning and merge rules of the knowledge base — the one place they are written down.
 * (STIX 2.1 §3.6 "Versioning": an object's versions share its id; `modified` orders them;
 * a revoked object is never un-revoked.)
 *
 * When an incoming object has the id of a stored one:
 * 1. The newer `modified` wins: its properties replace the stored version's.
 * 2. Equal `modified` (or none, as for SCOs, which are not versioned): the stored object
 *    is kept. Re-importing the same bundle therefore changes nothing.
 * 3. Revoked stays revoked: if either version has `revoked: true`, the result does.
 * 4. Whichever version wins, these are merged without duplicates, stored entries first
 *    then new ones in their order: `labels` (exact strings), `external_references` (same
 *    source_name + external_id + url is one reference), `object_marking_refs` (ids) and
 *    `granular_markings` (same marking and selectors is one marking). Markings only ever
 *    accumulate, so a merge never loosens how an object may be shared.
 * 5. Objects with different ids are never merged; SCOs with equal deterministic ids are
 *    the same observable by construction (ids.ts).
 * 6. Neither version has a `modified` (SCOs): what the stored object lacks is filled in
 *    from the incoming one — a property it does not have, a hash algorithm it does not
 *    list — and nothing it has is replaced. Its creator is never filled in. An enrichment that completes a file's hashes,
 *    size or names therefore adds them, and a second source never overwrites the first.
 * 7. Feed versus analyst (issue 17; `mergeAuthored`). Who wrote the stored version counts:
 *    - an analyst's version (an edit, a restore, a bulk action) is the whole object the
 *      analyst meant: it replaces the stored one as it is, with no accumulation, so a label
 *      or marking the analyst removed stays removed (revoked still stays revoked);
 *    - a stored version written by the analyst is kept, untouched, when a feed brings the
 *      same or an older `modified` — not even the labels, references or markings of that
 *      older feed version are added;
 *    - a feed version with a later `modified` than the analyst's replaces it by rules 1–4
 *      (the analyst's version goes to the object's history, kept by the knowledge base).
 */
import canonicalize from 'canonicalize';
import { isObject, type JsonObject } from './model/properties.ts';
import { compareTimestamps, isTimestamp } from './model/timestamp.ts';

export type MergeOutcome = 'kept-stored' | 'took-incoming';

export interface MergeResult<T extends JsonObject> {
  readonly object: T;
  readonly outcome: MergeOutcome;
  /** True when the result differs from the stored object and must be written back. */
  readonly changed: boolean;
}

function isNewer(incoming: Readonly<JsonObject>, stored: Readonly<JsonObject>): boolean {
  const a = incoming['modified'];
  const b = stored['modified'];
  if (!isTimestamp(a)) return false;
  if (!isTimestamp(b)) return true;
  return compareTimestamps(a, b) > 0;
}

/**
 * The stored list as it is (even a repeat inside it stays: merging must not rewrite what
 * is stored), then each incoming entry it does not have yet.
 */
function unionBy(stored: unknown, incoming: unknown, keyOf: (value: unknown) => string): unknown[] | undefined {
  const result: unknown[] = Array.isArray(stored) ? [...(stored as unknown[])] : [];
  const seen = new Set(result.map(keyOf));
  if (Array.isArray(incoming)) {
    for (const value of incoming) {
      const key = keyOf(value);
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(value);
    }
  }
  return result.length > 0 ? result : undefined;
}

const byValue = (value: unknown): string => canonicalize(value) ?? '';

function externalReferenceKey(value: unknown): string {
  if (!isObject(value)) return byValue(value);
  return byValue([value['source_name'], value['external_id'] ?? null, value['url'] ?? null]);
}

const MERGED: Readonly<Record<string, (value: unknown) => string>> = {
  labels: byValue,
  external_references: externalReferenceKey,
  object_marking_refs: byValue,
  granular_markings: byValue,
};

export function mergeVersions<T extends JsonObject>(stored: T, incoming: T): MergeResult<T> {
  if (stored['id'] !== incoming['id']) throw new Error('Only versions of the same object (same id) can be merged.');
  const outcome: MergeOutcome = isNewer(incoming, stored) ? 'took-incoming' : 'kept-stored';
  const merged: JsonObject = { ...(outcome === 'took-incoming' ? incoming : stored) };
  for (const [key, keyOf] of Object.entries(MERGED)) {
    const union = unionBy(stored[key], incoming[key], keyOf);
    if (union === undefined) Reflect.deleteProperty(merged, key);
    else merged[key] = union;
  }
  if (stored['revoked'] === true || incoming['revoked'] === true) merged['revoked'] = true;
  if (!isTimestamp(stored['modified']) && !isTimestamp(incoming['modified'])) fillIn(merged, incoming);
  const changed = byValue(merged) !== byValue(stored);
  return { object: merged as T, outcome, changed };
}

/**
 * Who made an object is not a fact about it: an enrichment's answer must not make the
 * analyst's own observable "created by" the enricher.
 */
const NOT_FILLED = new Set(['created_by_ref']);

/** Rule 6: adds what `target` lacks from `source`, one level into `hashes`. */
function fillIn(target: JsonObject, source: Readonly<JsonObject>): void {
  for (const [key, value] of Object.entries(source)) {
    if (key in MERGED || NOT_FILLED.has(key)) continue;
    const current = target[key];
    if (current === undefined) target[key] = value;
    else if (key === 'hashes' && isObject(current) && isObject(value)) target[key] = { ...current, ...Object.fromEntries(Object.entries(value).filter(([name]) => !(name in current))) };
  }
}

export interface Authorship {
  /** The stored version was written by the analyst (not by a feed or file). */
  readonly storedByAnalyst: boolean;
  /** The incoming version is the analyst's own. */
  readonly incomingByAnalyst: boolean;
}

/** Rule 7: `mergeVersions`, with the analyst's versions treated as whole objects. */
export function mergeAuthored<T extends JsonObject>(stored: T, incoming: T, authorship: Authorship): MergeResult<T> {
  if (stored['id'] !== incoming['id']) throw new Error('Only versions of the same object (same id) can be merged.');
  const versioned = isTimestamp(stored['modified']) || isTimestamp(incoming['modified']);
  if (authorship.incomingByAnalyst && (isNewer(incoming, stored) || !versioned)) {
    const object: JsonObject = { ...incoming };
    if (stored['revoked'] === true) object['revoked'] = true;
    return { object: object as T, outcome: 'took-incoming', changed: byValue(object) !== byValue(stored) };
  }
  if (authorship.storedByAnalyst && !authorship.incomingByAnalyst && versioned && !isNewer(incoming, stored)) {
    return { object: stored, outcome: 'kept-stored', changed: false };
  }
  return mergeVersions(stored, incoming);
}

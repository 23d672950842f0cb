/**
 * Merging duplicates (issue 17, point 4), the pure part: what the kept object becomes, how
 * a reference to a removed duplicate is pointed at the kept one, and which objects look
 * like duplicates. The knowledge base applies it in one transaction
 * (renderer/src/kb/merge/mergeObjects.ts).
 *
 * Combining follows what an analyst means by "these are the same thing": the kept
 * object's name stays and the others' names become aliases (for types that have aliases);
 * labels, external references, kill-chain phases and markings are united, except that of
 * the TLP markings only the strictest is kept (sharing the merged object must honour the
 * strictest source); descriptions are put side by side for the analyst to edit.
 */
import { compareTlp, tlpLevelOf } from '../stix/markings.ts';
import { isScoType } from '../stix/model/categories.ts';
import { isObject, type JsonObject } from '../stix/model/properties.ts';
import canonicalize from 'canonicalize';

/** SDO types whose STIX 2.1 definition has `aliases`. */
const WITH_ALIASES = new Set(['attack-pattern', 'campaign', 'infrastructure', 'intrusion-set', 'malware', 'threat-actor', 'tool']);

/** Types that cannot be merged: edges are re-pointed, not merged; markings and SCOs are defined by their content. */
export function mergeableType(type: string): boolean {
  return !['relationship', 'sighting', 'marking-definition', 'language-content', 'extension-definition'].includes(type) && !isScoType(type) && type !== 'cryptocurrency-wallet';
}

/** Case- and width-insensitive form of a name: full-width "ＰｌｕｇＸ" and "plugx" are the same. */
export function foldName(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function nameOf(object: Readonly<JsonObject>): string | undefined {
  return typeof object['name'] === 'string' ? object['name'] : undefined;
}

/** Unique by `key`, first one kept, in order. */
function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The markings of the merged object: every non-TLP marking, and only the strictest TLP one. */
export function combinedMarkings(objects: readonly Readonly<JsonObject>[]): string[] {
  const all = uniqueBy(objects.flatMap((object) => strings(object['object_marking_refs'])), (id) => id);
  const tlp = all.filter((id) => tlpLevelOf(id) !== undefined);
  const strictest = tlp.reduce<string | undefined>((best, id) => (best === undefined || compareTlp(tlpLevelOf(id) ?? 'clear', tlpLevelOf(best) ?? 'clear') > 0 ? id : best), undefined);
  return all.filter((id) => tlpLevelOf(id) === undefined || id === strictest);
}

/** The descriptions side by side, each under the name it came from, for the analyst to edit. */
export function combinedDescription(keep: Readonly<JsonObject>, others: readonly Readonly<JsonObject>[]): string {
  const described = [keep, ...others].filter((object) => typeof object['description'] === 'string' && object['description'].trim() !== '');
  const texts = uniqueBy(described, (object) => String(object['description']).trim());
  if (texts.length <= 1) return texts[0] ? String(texts[0]['description']) : '';
  return texts.map((object) => `${nameOf(object) ?? String(object['id'])}:\n${String(object['description']).trim()}`).join('\n\n');
}

export interface MergeResolution {
  /** The kept object's name (one of the merged names, or typed). */
  name?: string;
  /** The description as the analyst edited it; empty removes it. */
  description?: string;
}

/** The kept object's content after merging `others` into it (id, type, created of `keep`; `modified` is the caller's). */
export function combineDuplicates(keep: Readonly<JsonObject>, others: readonly Readonly<JsonObject>[], resolved: MergeResolution = {}): JsonObject {
  const all = [keep, ...others];
  const combined: JsonObject = { ...keep };
  const name = resolved.name?.trim() || nameOf(keep);
  if (name !== undefined) combined['name'] = name;
  if (WITH_ALIASES.has(String(keep['type']))) {
    const names = all.flatMap((object) => [...(nameOf(object) ? [nameOf(object) ?? ''] : []), ...strings(object['aliases'])]);
    const aliases = uniqueBy(names, foldName).filter((alias) => name === undefined || foldName(alias) !== foldName(name));
    if (aliases.length > 0) combined['aliases'] = aliases;
  }
  const labels = uniqueBy(all.flatMap((object) => strings(object['labels'])), (label) => label);
  if (labels.length > 0) combined['labels'] = labels;
  for (const key of ['external_references', 'kill_chain_phases']) {
    const items = uniqueBy(all.flatMap((object) => (Array.isArray(object[key]) ? (object[key] as unknown[]) : [])), (item) => canonicalize(item) ?? '');
    if (items.length > 0) combined[key] = items;
  }
  const markings = combinedMarkings(all);
  if (markings.length > 0) combined['object_marking_refs'] = markings;
  const description = resolved.description ?? combinedDescription(keep, others);
  if (description.trim() === '') delete combined['description'];
  else combined['description'] = description;
  // The merged object was seen over the span all of them were.
  const firsts = all.map((object) => object['first_seen']).filter((value): value is string => typeof value === 'string').sort();
  const lasts = all.map((object) => object['last_seen']).filter((value): value is string => typeof value === 'string').sort();
  if (firsts[0] !== undefined) combined['first_seen'] = firsts[0];
  if (lasts.length > 0) combined['last_seen'] = lasts[lasts.length - 1] ?? '';
  return combined;
}

/**
 * `object` with every `*_ref`/`*_refs` to a key of `replacements` pointed at its value
 * (lists without the duplicates that makes), or undefined when it refers to none of them.
 */
export function repointReferences(object: Readonly<JsonObject>, replacements: ReadonlyMap<string, string>): JsonObject | undefined {
  // An object, not a `let`: the closure below sets it, which narrowing cannot see.
  const seen = { change: false };
  const visit = (value: unknown, key: string | undefined, depth: number): unknown => {
    if (depth > 8) return value;
    const isRef = key !== undefined && (key.endsWith('_ref') || key.endsWith('_refs'));
    if (typeof value === 'string') {
      const to = isRef ? replacements.get(value) : undefined;
      if (to === undefined) return value;
      seen.change = true;
      return to;
    }
    if (Array.isArray(value)) {
      const items = value.map((item) => visit(item, key, depth + 1));
      return isRef ? uniqueBy(items, (item) => (typeof item === 'string' ? item : canonicalize(item) ?? '')) : items;
    }
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([childKey, child]) => [childKey, visit(child, childKey, depth + 1)]));
    return value;
  };
  const result: JsonObject = Object.fromEntries(Object.entries(object).map(([key, value]) => [key, key === 'id' ? value : visit(value, key, 0)]));
  return seen.change ? result : undefined;
}

/** What makes objects look like duplicates: a shared name, alias or external id (case and width folded). */
export function duplicateKeys(object: Readonly<JsonObject>): string[] {
  const keys = [nameOf(object), ...strings(object['aliases']), ...strings(object['x_mitre_aliases'])]
    .filter((value): value is string => value !== undefined && value.trim() !== '')
    .map((value) => `name:${foldName(value)}`);
  const references = Array.isArray(object['external_references']) ? object['external_references'] : [];
  for (const reference of references) {
    if (isObject(reference) && typeof reference['external_id'] === 'string' && typeof reference['source_name'] === 'string') {
      keys.push(`ext:${foldName(reference['source_name'])}:${foldName(reference['external_id'])}`);
    }
  }
  return [...new Set(keys)];
}

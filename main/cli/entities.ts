/**
 * `magpie extract --entities BUNDLE.json`: the names and aliases of a bundle's groups,
 * actors, software, campaigns, countries and sectors (ATT&CK's bundle is the usual one),
 * matched in each document by the app's own rules (core/extract/entityNames).
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { buildNameIndex, findEntityNames, knownEntitiesOf, type EntityMatch, type NameIndex } from '../../core/extract/entityNames/index.ts';
import type { TextPage } from '../../core/extract/types.ts';
import type { JsonObject } from '../../core/stix/index.ts';

export interface EntityNames {
  index: NameIndex;
  /** The bundle's objects that can be named, by id, to copy into a STIX output. */
  objects: Map<string, JsonObject>;
}

/** The JSON item of one match: `{type, value, id, occurrences}` plus how it was judged. */
export interface EntityItem {
  type: EntityMatch['type'];
  value: string;
  id: string;
  name: string;
  matched_names: string[];
  ticked: boolean;
  reason: EntityMatch['reason'];
  occurrences: EntityMatch['occurrences'];
  occurrenceCount: number;
}

export class EntitiesFileError extends Error {}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function loadEntityNames(path: string): Promise<EntityNames> {
  let parsed: unknown;
  try {
    const bytes = await readFile(path);
    // ATT&CK's bundles are often kept gzipped.
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'no such file' : error instanceof SyntaxError ? 'not JSON' : error instanceof Error ? error.message : String(error);
    throw new EntitiesFileError(`--entities ${path}: ${why}; give a STIX bundle such as ATT&CK's enterprise-attack.json.`);
  }
  const list = isObject(parsed) && Array.isArray(parsed['objects']) ? parsed['objects'] : undefined;
  if (!list) throw new EntitiesFileError(`--entities ${path}: not a STIX bundle (no "objects" list); give a bundle such as ATT&CK's enterprise-attack.json.`);
  const objects = list.filter(isObject);
  const known = knownEntitiesOf(objects);
  const ids = new Set(known.map((entity) => entity.id));
  return { index: buildNameIndex(known), objects: new Map(objects.filter((object) => ids.has(String(object['id']))).map((object) => [String(object['id']), object])) };
}

export function entityItems(pages: readonly TextPage[], names: EntityNames): EntityItem[] {
  return findEntityNames(pages, names.index).map((match) => ({
    type: match.type,
    value: match.value,
    id: match.id,
    name: match.name,
    matched_names: match.matchedNames,
    ticked: match.ticked,
    reason: match.reason,
    occurrences: match.occurrences,
    occurrenceCount: match.occurrenceCount,
  }));
}

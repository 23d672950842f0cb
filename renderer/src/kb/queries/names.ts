/**
 * Names for many ids in one read (issue 15: names, never bare ids). A list of 1,500
 * references resolves in one call rather than one per chip; ids not in the store come
 * back `found: false` with the type their id names, so the UI can say what is missing.
 */
import { entityKind, type EntityKind } from '../../../../core/knowledge/entityKind.ts';
import { displayName } from '../../../../core/knowledge/objectFacts.ts';
import { tlpLevelOf, tlpLevelOfDefinition, type TlpLevel } from '../../../../core/stix/markings.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import type { Relationship } from '../../../../core/stix/model/types.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';
import { trashedNames } from '../trash/trashEntries.ts';

export interface ObjectName {
  id: string;
  /** From the stored object, or from the id's prefix when it is not stored. */
  type: string;
  /** For identities and locations: sector, organization, country… */
  kind?: EntityKind;
  /** What the analyst knows it by; null when the object has nothing but its id to show. */
  name: string | null;
  found: boolean;
  /** The ATT&CK id (G0016, T1059.001) or CVE name, shown beside the name. */
  externalId: string | null;
  /** For TLP marking definitions: the level, so a marking reads "TLP:AMBER" even when not stored. */
  tlp: TlpLevel | null;
  revoked: boolean;
  /** Not stored because it is in the trash (issue 21, point 5): `name` is its name there. */
  trashed?: boolean;
}

/** More than this per call is refused: the client splits its batches below it. */
export const MAX_NAMES_PER_CALL = 5000;

export function typeOfId(id: string): string {
  const at = id.indexOf('--');
  return at > 0 ? id.slice(0, at) : '';
}

const ATTACK_SOURCES = new Set(['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack', 'cve']);

/** The mitre-attack external_id (G0016, T1059.001) or the CVE id an object is known by. */
export function knownExternalId(stix: Readonly<JsonObject>): string | null {
  const references = stix['external_references'];
  if (Array.isArray(references)) {
    for (const reference of references) {
      if (typeof reference !== 'object' || reference === null || Array.isArray(reference)) continue;
      const source = (reference as JsonObject)['source_name'];
      const externalId = (reference as JsonObject)['external_id'];
      if (typeof source === 'string' && ATTACK_SOURCES.has(source) && typeof externalId === 'string') return externalId;
    }
  }
  if (stix['type'] === 'vulnerability' && typeof stix['name'] === 'string' && /^CVE-\d{4}-\d+$/i.test(stix['name'])) return stix['name'];
  return null;
}

export function nameOf(stix: Readonly<JsonObject>, id: string): ObjectName {
  const name = displayName(stix);
  const tlp = stix['type'] === 'marking-definition' ? (tlpLevelOfDefinition(stix) ?? null) : null;
  const kind = entityKind(stix);
  return {
    ...(kind ? { kind } : {}),
    id,
    type: typeof stix['type'] === 'string' ? stix['type'] : typeOfId(id),
    name: name === id ? (tlp ? `TLP:${tlp.toUpperCase()}` : null) : name,
    found: true,
    externalId: knownExternalId(stix),
    tlp,
    revoked: stix['revoked'] === true,
  };
}

/** A relationship reads as its sentence, "PlugX C2 → indicates → PlugX", not as its bare verb. */
async function relationshipSentences(db: KbDatabase, records: readonly (StoredObject | undefined)[]): Promise<Map<string, string>> {
  const relationships = records.filter((record): record is StoredObject => record?.type === 'relationship').map((record) => record.stix as Relationship);
  const ends = [...new Set(relationships.flatMap((relationship) => [relationship.source_ref, relationship.target_ref]))];
  const endRecords = await db.objects.bulkGet(ends);
  const endNames = new Map(ends.map((id, index) => [id, endRecords[index] ? displayName(endRecords[index].stix) : null]));
  const sentences = new Map<string, string>();
  for (const relationship of relationships) {
    const source = endNames.get(relationship.source_ref);
    const target = endNames.get(relationship.target_ref);
    if (source && target && source !== relationship.source_ref && target !== relationship.target_ref) {
      sentences.set(relationship.id, `${source} → ${relationship.relationship_type} → ${target}`);
    }
  }
  return sentences;
}

export async function objectNames(db: KbDatabase, ids: readonly string[]): Promise<ObjectName[]> {
  if (ids.length > MAX_NAMES_PER_CALL) throw new Error(`At most ${MAX_NAMES_PER_CALL} names per call; ask for them in batches.`);
  const unique = [...new Set(ids.filter((id) => typeof id === 'string'))];
  const records = await db.objects.bulkGet(unique);
  const sentences = await relationshipSentences(db, records);
  const trashed = await trashedNames(db, unique.filter((_, index) => records[index] === undefined));
  return unique.map((id, index) => {
    const record = records[index];
    if (record) {
      const name = nameOf(record.stix, id);
      return { ...name, name: sentences.get(id) ?? name.name };
    }
    const inTrash = trashed.get(id);
    if (inTrash) return { id, type: inTrash.type, name: inTrash.name, found: false, externalId: null, tlp: null, revoked: false, trashed: true };
    // The TLP definitions are predefined by the spec: they have names even when no bundle carried them.
    const tlp = tlpLevelOf(id) ?? null;
    return { id, type: typeOfId(id), name: tlp ? `TLP:${tlp.toUpperCase()}` : null, found: tlp !== null, externalId: null, tlp, revoked: false };
  });
}

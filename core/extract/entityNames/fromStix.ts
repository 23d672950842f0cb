/**
 * The objects of a STIX bundle (or of the knowledge base) that a document can name, with
 * their names and aliases: `aliases` of groups, actors and campaigns, `x_mitre_aliases`
 * of ATT&CK software (which repeat the name first), and sectors, which STIX writes as
 * identities of class `class`. Revoked and deprecated objects are left out: the live
 * object that replaced them carries the name.
 */
import type { EntityType, KnownEntity } from './types.ts';

const TYPES: ReadonlySet<string> = new Set(['intrusion-set', 'threat-actor', 'malware', 'tool', 'campaign', 'location', 'identity']);

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '') : [];
}

/** The entity an object is known by, or undefined when it is not one a document names. */
export function knownEntityOf(object: Readonly<Record<string, unknown>>): KnownEntity | undefined {
  const type = object['type'];
  const id = object['id'];
  const name = object['name'];
  if (typeof type !== 'string' || !TYPES.has(type) || typeof id !== 'string' || typeof name !== 'string' || name.trim() === '') return undefined;
  if (object['revoked'] === true || object['x_mitre_deprecated'] === true) return undefined;
  // An identity is a sector only when its class says so; people and organisations are not threats.
  if (type === 'identity' && object['identity_class'] !== 'class') return undefined;
  // Locations: countries (and regions) by name; a location with only coordinates has nothing to match.
  const names = [name, ...strings(object['aliases']), ...strings(object['x_mitre_aliases']), ...strings(object['x_opencti_aliases'])];
  return { id, type: type as EntityType, names: [...new Set(names)] };
}

export function knownEntitiesOf(objects: Iterable<Readonly<Record<string, unknown>>>): KnownEntity[] {
  const entities: KnownEntity[] = [];
  for (const object of objects) {
    const entity = knownEntityOf(object);
    if (entity) entities.push(entity);
  }
  return entities;
}

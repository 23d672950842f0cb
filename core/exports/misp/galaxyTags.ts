/**
 * Intrusion sets, malware, tools, campaigns and ATT&CK techniques as the MISP galaxy cluster
 * tags MISP itself writes: `misp-galaxy:<galaxy>="<value>"`, where an ATT&CK object's value is
 * "<name> - <ATT&CK id>" (`misp-galaxy:mitre-attack-pattern="Command and Scripting Interpreter
 * - T1059"`). Which galaxy: the first candidate that Magpie's MISP import (core/misp/galaxies.ts)
 * reads back as the same STIX type, so MISP → Magpie → MISP keeps each cluster what it was.
 */
import { kindOf } from '../../misp/galaxies.ts';
import { isObject, type JsonObject } from '../../stix/model/properties.ts';
import type { MispTag } from './types.ts';

/** Per STIX type: the ATT&CK galaxy (for an object with an ATT&CK id), then the one for any other. */
const CANDIDATES: Readonly<Record<string, readonly [attack: string, other: string]>> = {
  'attack-pattern': ['mitre-attack-pattern', 'mitre-attack-pattern'],
  'intrusion-set': ['mitre-intrusion-set', 'threat-actor'],
  malware: ['mitre-malware', 'tool'],
  tool: ['mitre-tool', 'mitre-tool'],
};

/** MISP has no ATT&CK campaign galaxy; Tidal's `campaigns` is the one its galaxies hold. */
const CAMPAIGN_GALAXY = 'campaigns';

export const GALAXY_TYPES: readonly string[] = [...Object.keys(CANDIDATES), 'campaign'];

function attackId(object: JsonObject): string | undefined {
  const refs = Array.isArray(object['external_references']) ? object['external_references'] : [];
  for (const ref of refs) {
    if (isObject(ref) && ref['source_name'] === 'mitre-attack' && typeof ref['external_id'] === 'string' && /^[TGSC]\d{4}(\.\d{3})?$/.test(ref['external_id'])) return ref['external_id'];
  }
  return undefined;
}

/** The galaxy cluster tag of an SDO, or `undefined` when its type has no galaxy here. */
export function galaxyTag(object: JsonObject): MispTag | undefined {
  const type = String(object['type']);
  const name = typeof object['name'] === 'string' ? object['name'].trim().replaceAll('"', "'") : '';
  if (name === '') return undefined;
  if (type === 'campaign') return { name: `misp-galaxy:${CAMPAIGN_GALAXY}="${name}"` };
  const candidates = CANDIDATES[type];
  if (candidates === undefined) return undefined;
  const id = attackId(object);
  const galaxy = (id === undefined ? [candidates[1]] : candidates).find((candidate) => kindOf(candidate) === type);
  if (galaxy === undefined) return undefined;
  return { name: `misp-galaxy:${galaxy}="${id === undefined ? name : `${name} - ${id}`}"` };
}

/**
 * The galaxy tags of the intrusion sets, malware, tools, campaigns and techniques related to
 * what the event is about: those the reports list, and those a relationship ties to a report,
 * an indicator or an observable. A bundle of bare ATT&CK gives none (it is no event's context).
 */
export function relatedGalaxyTags(objects: readonly JsonObject[], isSubject: (object: JsonObject) => boolean): MispTag[] {
  const byId = new Map(objects.flatMap((object) => (typeof object['id'] === 'string' ? [[object['id'], object] as const] : [])));
  const related = new Set<string>();
  for (const object of objects) {
    if (object['type'] === 'report' && Array.isArray(object['object_refs'])) for (const ref of object['object_refs']) related.add(String(ref));
    if (object['type'] !== 'relationship') continue;
    const source = byId.get(String(object['source_ref']));
    const target = byId.get(String(object['target_ref']));
    if (target !== undefined && isSubject(target)) related.add(String(object['source_ref']));
    if (source !== undefined && isSubject(source)) related.add(String(object['target_ref']));
  }
  const tags = [...related].flatMap((id) => {
    const object = byId.get(id);
    const tag = object === undefined ? undefined : galaxyTag(object);
    return tag === undefined ? [] : [tag.name];
  });
  return [...new Set(tags)].sort().map((name) => ({ name }));
}

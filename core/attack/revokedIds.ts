/**
 * The ATT&CK ids that extraction flags as revoked or deprecated (issue 16), computed from
 * MITRE's bundles by object type: an id counts as retired only when no live object of the
 * type it names holds it. Deprecated mitigations reuse technique numbers (a course-of-action
 * `T1078`), so reading ids whatever their type flagged 95 active techniques.
 */
import type { StixObject } from '../stix/model/types.ts';

/** The STIX types an ATT&CK id prefix names. */
const TYPES_BY_PREFIX: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^TA\d{4}$/, ['x-mitre-tactic']],
  [/^T\d{4}(?:\.\d{3})?$/, ['attack-pattern']],
  [/^G\d{4}$/, ['intrusion-set']],
  [/^S\d{4}$/, ['malware', 'tool']],
  [/^M\d{4}$/, ['course-of-action']],
  [/^C\d{4}$/, ['campaign']],
  [/^DS\d{4}$/, ['x-mitre-data-source']],
  [/^DC\d{4}$/, ['x-mitre-data-component']],
];

export function typesOfAttackId(id: string): readonly string[] {
  return TYPES_BY_PREFIX.find(([pattern]) => pattern.test(id))?.[1] ?? [];
}

function attackIdOf(object: StixObject): string | undefined {
  const references = object['external_references'];
  if (!Array.isArray(references)) return undefined;
  for (const reference of references as { source_name?: unknown; external_id?: unknown }[]) {
    if (typeof reference.external_id === 'string' && /^mitre-(?:attack|mobile-attack|ics-attack)$/.test(String(reference.source_name))) return reference.external_id;
  }
  return undefined;
}

/** The ids that a live (neither revoked nor deprecated) object of their own type holds. */
export function liveAttackIds(objects: readonly StixObject[]): Set<string> {
  const live = new Set<string>();
  for (const object of objects) {
    const id = attackIdOf(object);
    if (id !== undefined && typesOfAttackId(id).includes(object.type) && object['revoked'] !== true && object['x_mitre_deprecated'] !== true) live.add(id);
  }
  return live;
}

/** id → the sentence the review shows ("Revoked by MITRE (ATT&CK v18.1); use G0040."). */
export function retiredAttackIds(objects: readonly StixObject[], version: string): Record<string, string> {
  const byStixId = new Map(objects.map((object) => [object.id, object]));
  const replacedBy = new Map<string, string>();
  for (const object of objects) {
    if (object.type === 'relationship' && object['relationship_type'] === 'revoked-by') replacedBy.set(String(object['source_ref']), String(object['target_ref']));
  }
  const live = new Set<string>();
  const retired = new Map<string, string>();
  for (const object of objects) {
    const id = attackIdOf(object);
    if (id === undefined || !typesOfAttackId(id).includes(object.type)) continue;
    if (object['revoked'] !== true && object['x_mitre_deprecated'] !== true) {
      live.add(id);
      continue;
    }
    const replacement = object['revoked'] === true ? byStixId.get(replacedBy.get(object.id) ?? '') : undefined;
    const replacementId = replacement === undefined ? undefined : attackIdOf(replacement);
    const sentence = object['revoked'] === true
      ? `Revoked by MITRE (ATT&CK v${version})${replacementId === undefined ? '' : `; use ${replacementId}`}.`
      : `Deprecated by MITRE (ATT&CK v${version}).`;
    if (!retired.has(id) || replacementId !== undefined) retired.set(id, sentence);
  }
  const result: Record<string, string> = {};
  for (const id of [...retired.keys()].sort()) if (!live.has(id)) result[id] = retired.get(id) ?? '';
  return result;
}

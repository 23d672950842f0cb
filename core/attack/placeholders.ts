/**
 * ATT&CK placeholders (issue 17, point 4). An ATT&CK id written before ATT&CK is in the
 * knowledge base — by an extraction, a feed or by hand — becomes a small object of the
 * type the id names, marked `x_magpie_placeholder: true`, with the `mitre-attack` external
 * reference. Importing ATT&CK later merges each placeholder into the real object by that
 * external id (renderer/src/kb/merge/placeholders.ts), so nothing waits on import order and
 * no id is dropped.
 *
 * Placeholder ids are derived from the ATT&CK id (core/stix/ids.ts), as the stubs Magpie
 * wrote before this existed were: those stubs are recognised as placeholders too, so the
 * stores that already hold them are reconciled on their next ATT&CK import.
 */
import type { AttackIdKind } from '../extract/types.ts';
import { attackObjectId, attackPatternId } from '../stix/ids.ts';
import { ATTACK_KIND_LABELS } from './kindLabels.ts';
import { isObject, type JsonObject } from '../stix/model/properties.ts';

export const PLACEHOLDER_PROPERTY = 'x_magpie_placeholder';

/** The STIX type a placeholder for each kind of ATT&CK id is written as (what ATT&CK itself uses). */
export const PLACEHOLDER_TYPES: Readonly<Record<AttackIdKind, string>> = {
  technique: 'attack-pattern',
  'sub-technique': 'attack-pattern',
  tactic: 'x-mitre-tactic',
  group: 'intrusion-set',
  software: 'malware',
  mitigation: 'course-of-action',
  campaign: 'campaign',
  'data-source': 'x-mitre-data-source',
};

/** The types of the real object a placeholder may stand for: ATT&CK software is a malware or a tool. */
export const REAL_TYPES: Readonly<Record<string, readonly string[]>> = {
  malware: ['malware', 'tool'],
};

const PATHS: Readonly<Record<AttackIdKind, string>> = {
  technique: 'techniques',
  'sub-technique': 'techniques',
  group: 'groups',
  software: 'software',
  mitigation: 'mitigations',
  campaign: 'campaigns',
  tactic: 'tactics',
  'data-source': 'datasources',
};

/** The kind of an ATT&CK id by its prefix (T, TA, G, S, M, C, DS), or undefined when it is none. */
export function attackKindOf(attackId: string): AttackIdKind | undefined {
  const id = attackId.trim().toUpperCase();
  if (/^T\d{4}\.\d{3}$/.test(id)) return 'sub-technique';
  if (/^T\d{4}$/.test(id)) return 'technique';
  if (/^TA\d{4}$/.test(id)) return 'tactic';
  if (/^DS\d{4}$/.test(id)) return 'data-source';
  const kinds: Record<string, AttackIdKind> = { G: 'group', S: 'software', M: 'mitigation', C: 'campaign' };
  return /^[GSMC]\d{4}$/.test(id) ? kinds[id[0] ?? ''] : undefined;
}

/** The id a placeholder for `attackId` has; the same as the stubs Magpie wrote before. */
export function placeholderId(type: string, attackId: string): string {
  return type === 'attack-pattern' ? attackPatternId(attackId) : attackObjectId(type, attackId);
}

/** The `mitre-attack` external ids an object carries. */
export function attackIdsOf(object: Readonly<JsonObject>): string[] {
  const references = object['external_references'];
  if (!Array.isArray(references)) return [];
  return references.flatMap((reference) => (isObject(reference) && reference['source_name'] === 'mitre-attack' && typeof reference['external_id'] === 'string' ? [reference['external_id']] : []));
}

/**
 * The ATT&CK id an object is a placeholder for, or undefined when it is a real object:
 * marked as a placeholder, or one of the stubs written before the mark existed (their id
 * is derived from the ATT&CK id, which ATT&CK's own objects never are).
 */
export function placeholderAttackId(object: Readonly<JsonObject>): string | undefined {
  const [attackId] = attackIdsOf(object);
  if (attackId === undefined) return undefined;
  if (object[PLACEHOLDER_PROPERTY] === true) return attackId;
  return object['id'] === placeholderId(String(object['type']), attackId) ? attackId : undefined;
}

export interface PlaceholderOptions {
  /** STIX timestamp for created and modified. */
  now: string;
  createdByRef?: string;
  markingRefs?: readonly string[];
  /** Why it was made, in the description ("named in report.pdf"). */
  reason?: string;
}

/** A placeholder for an ATT&CK id, or undefined when the id is not one. */
export function attackPlaceholder(attackId: string, options: PlaceholderOptions, kind: AttackIdKind | undefined = attackKindOf(attackId)): JsonObject | undefined {
  if (kind === undefined) return undefined;
  const id = attackId.trim().toUpperCase();
  const type = PLACEHOLDER_TYPES[kind];
  const path = kind === 'sub-technique' ? id.replace('.', '/') : id;
  return {
    type,
    spec_version: '2.1',
    id: placeholderId(type, id),
    created: options.now,
    modified: options.now,
    ...(options.createdByRef ? { created_by_ref: options.createdByRef } : {}),
    name: id,
    description: `Placeholder for ATT&CK ${ATTACK_KIND_LABELS[kind]} ${id}${options.reason ? `, ${options.reason}` : ''}. Importing MITRE ATT&CK replaces it with the real object.`,
    ...(type === 'malware' ? { is_family: true } : {}),
    external_references: [{ source_name: 'mitre-attack', external_id: id, url: `https://attack.mitre.org/${PATHS[kind]}/${path}/` }],
    ...(options.markingRefs && options.markingRefs.length > 0 ? { object_marking_refs: [...options.markingRefs] } : {}),
    [PLACEHOLDER_PROPERTY]: true,
  };
}

/** The real ATT&CK object among `candidates` that a placeholder stands for: same id, a fitting type, current first. */
export function realAttackObject<T extends { stix: JsonObject }>(placeholder: Readonly<JsonObject>, attackId: string, candidates: readonly T[]): T | undefined {
  const type = String(placeholder['type']);
  const types = REAL_TYPES[type] ?? [type];
  const matches = candidates.filter(({ stix }) => types.includes(String(stix['type'])) && placeholderAttackId(stix) === undefined && attackIdsOf(stix).includes(attackId));
  // A revoked or deprecated copy is taken only when nothing current names the id.
  return matches.find(({ stix }) => stix['revoked'] !== true && stix['x_mitre_deprecated'] !== true) ?? matches[0];
}

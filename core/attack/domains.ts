/**
 * ATT&CK's three technology domains and how their objects name them: the matrix's
 * `mitre-attack` external id, the kill chain its techniques' phases belong to, and the
 * name the Navigator's layer files use (its layer format 4.5, `domain`).
 * https://github.com/mitre-attack/attack-stix-data/blob/master/USAGE.md
 */
import type { AttackPattern, StixObject } from '../stix/model/types.ts';

export const ATTACK_DOMAINS = ['enterprise-attack', 'mobile-attack', 'ics-attack'] as const;
export type AttackDomain = (typeof ATTACK_DOMAINS)[number];

export const KILL_CHAINS: Readonly<Record<AttackDomain, string>> = {
  'enterprise-attack': 'mitre-attack',
  'mobile-attack': 'mitre-mobile-attack',
  'ics-attack': 'mitre-ics-attack',
};

export function isAttackDomain(value: unknown): value is AttackDomain {
  return typeof value === 'string' && (ATTACK_DOMAINS as readonly string[]).includes(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The `mitre-attack` external id: T1059.001, TA0001, G0016, enterprise-attack… */
export function attackId(object: Readonly<StixObject>): string | undefined {
  const references = object['external_references'];
  if (!Array.isArray(references)) return undefined;
  for (const reference of references as unknown[]) {
    if (typeof reference !== 'object' || reference === null) continue;
    const { source_name: source, external_id: id } = reference as Record<string, unknown>;
    if (typeof source === 'string' && source.startsWith('mitre') && text(id) !== undefined) return id as string;
  }
  return undefined;
}

/** Revoked and deprecated ATT&CK objects are history, not part of the current matrix. */
export function isRetired(object: Readonly<StixObject>): boolean {
  return object['revoked'] === true || object['x_mitre_deprecated'] === true;
}

export function objectName(object: Readonly<StixObject>): string {
  return text(object['name']) ?? object.id;
}

/** The (kill chain, phase) pairs of a technique. */
export function phasesOf(technique: Readonly<AttackPattern>): { chain: string; phase: string }[] {
  const phases = technique.kill_chain_phases;
  if (!Array.isArray(phases)) return [];
  return phases.flatMap((entry) => {
    const chain = text(entry.kill_chain_name);
    const phase = text(entry.phase_name);
    return chain && phase ? [{ chain, phase }] : [];
  });
}

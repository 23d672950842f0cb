/**
 * The ATT&CK matrices as the Navigator and attack.mitre.org draw them (issue 15, point 4):
 * one per domain, its tactics as columns in the order of the `x-mitre-matrix`'s
 * `tactic_refs`, each tactic's techniques those whose kill-chain phase names its
 * `x_mitre_shortname` in the domain's kill chain, sorted by name; sub-techniques
 * (`x_mitre_is_subtechnique`) under the parent their `subtechnique-of` relationship names.
 * Revoked and deprecated matrices, tactics and techniques are left out.
 * https://github.com/mitre-attack/attack-stix-data/blob/master/USAGE.md#the-attck-data-model
 */
import type { AttackPattern, Relationship, StixObject } from '../stix/model/types.ts';
import { ATTACK_DOMAINS, attackId, isAttackDomain, isRetired, KILL_CHAINS, objectName, phasesOf, type AttackDomain } from './domains.ts';

export interface MatrixTechnique {
  /** The STIX id of the attack-pattern. */
  id: string;
  /** T1059, T1059.001 */
  attackId: string;
  name: string;
  /** Sub-techniques sitting under this technique in this tactic (none for a sub-technique). */
  subtechniques: MatrixTechnique[];
}

export interface MatrixTactic {
  id: string;
  attackId: string;
  /** `x_mitre_shortname`: the phase name techniques and layer files use ("initial-access"). */
  shortname: string;
  name: string;
  techniques: MatrixTechnique[];
}

export interface DomainMatrix {
  domain: AttackDomain;
  name: string;
  tactics: MatrixTactic[];
}

/** What a matrix is built from: the ATT&CK objects of a store or a bundle. */
export interface AttackObjects {
  matrices: readonly StixObject[];
  tactics: readonly StixObject[];
  techniques: readonly AttackPattern[];
  /** `subtechnique-of` relationships (sub-technique → parent). */
  subtechniqueOf: readonly Relationship[];
}

function domainOf(matrix: Readonly<StixObject>): AttackDomain | undefined {
  const id = attackId(matrix);
  if (isAttackDomain(id)) return id;
  const domains = matrix['x_mitre_domains'];
  return Array.isArray(domains) ? domains.find(isAttackDomain) : undefined;
}

const byName = (a: MatrixTechnique, b: MatrixTechnique) => a.name.localeCompare(b.name, 'en') || a.attackId.localeCompare(b.attackId, 'en');

function toTechnique(pattern: Readonly<AttackPattern>): MatrixTechnique | undefined {
  const id = attackId(pattern);
  return id === undefined ? undefined : { id: pattern.id, attackId: id, name: objectName(pattern), subtechniques: [] };
}

/** The parent of each sub-technique: its `subtechnique-of` relationship, else the id before the dot (T1059.001 → T1059). */
function parentsOf(objects: AttackObjects, live: ReadonlyMap<string, AttackPattern>): Map<string, string> {
  const parents = new Map<string, string>();
  for (const link of objects.subtechniqueOf) {
    if (isRetired(link) || link.relationship_type !== 'subtechnique-of') continue;
    if (live.has(link.source_ref) && live.has(link.target_ref)) parents.set(link.source_ref, link.target_ref);
  }
  const byAttackId = new Map<string, string>();
  for (const pattern of live.values()) {
    const id = attackId(pattern);
    if (id !== undefined && pattern['x_mitre_is_subtechnique'] !== true) byAttackId.set(id, pattern.id);
  }
  for (const pattern of live.values()) {
    if (pattern['x_mitre_is_subtechnique'] !== true || parents.has(pattern.id)) continue;
    const parent = byAttackId.get((attackId(pattern) ?? '').split('.')[0] ?? '');
    if (parent !== undefined) parents.set(pattern.id, parent);
  }
  return parents;
}

function tacticColumn(tactic: Readonly<StixObject>, domain: AttackDomain, live: ReadonlyMap<string, AttackPattern>, parents: ReadonlyMap<string, string>): MatrixTactic | undefined {
  const shortname = tactic['x_mitre_shortname'];
  if (typeof shortname !== 'string') return undefined;
  const chain = KILL_CHAINS[domain];
  const here = [...live.values()].filter((pattern) => phasesOf(pattern).some((phase) => phase.chain === chain && phase.phase === shortname));
  const columns = new Map<string, MatrixTechnique>();
  const subs: { parent: string; technique: MatrixTechnique }[] = [];
  for (const pattern of here) {
    const technique = toTechnique(pattern);
    if (technique === undefined) continue;
    const parent = parents.get(pattern.id);
    if (pattern['x_mitre_is_subtechnique'] === true) {
      if (parent !== undefined) subs.push({ parent, technique });
    } else columns.set(pattern.id, technique);
  }
  for (const { parent, technique } of subs) {
    const under = columns.get(parent);
    // A sub-technique whose parent sits elsewhere would float alone; ATT&CK keeps them together.
    if (under) under.subtechniques.push(technique);
  }
  const techniques = [...columns.values()].sort(byName);
  for (const technique of techniques) technique.subtechniques.sort(byName);
  return { id: tactic.id, attackId: attackId(tactic) ?? '', shortname, name: objectName(tactic), techniques };
}

/** One matrix per domain present in the objects, in the order Enterprise, Mobile, ICS. */
export function buildMatrices(objects: AttackObjects): DomainMatrix[] {
  const tactics = new Map(objects.tactics.filter((tactic) => !isRetired(tactic)).map((tactic) => [tactic.id, tactic]));
  const live = new Map(objects.techniques.filter((pattern) => !isRetired(pattern)).map((pattern) => [pattern.id, pattern]));
  const parents = parentsOf(objects, live);
  const matrices: DomainMatrix[] = [];
  for (const domain of ATTACK_DOMAINS) {
    const matrix = objects.matrices.find((candidate) => !isRetired(candidate) && domainOf(candidate) === domain);
    if (!matrix) continue;
    const refs = Array.isArray(matrix['tactic_refs']) ? (matrix['tactic_refs'] as unknown[]) : [];
    const columns = refs.flatMap((ref) => {
      const tactic = typeof ref === 'string' ? tactics.get(ref) : undefined;
      const column = tactic ? tacticColumn(tactic, domain, live, parents) : undefined;
      return column ? [column] : [];
    });
    matrices.push({ domain, name: objectName(matrix), tactics: columns });
  }
  return matrices;
}

/** Every technique of a matrix by STIX id, with the tactics it sits under (a technique may sit in several). */
export function techniqueIndex(matrix: DomainMatrix): Map<string, { technique: MatrixTechnique; tactics: string[] }> {
  const index = new Map<string, { technique: MatrixTechnique; tactics: string[] }>();
  const add = (technique: MatrixTechnique, tactic: string) => {
    const entry = index.get(technique.id);
    if (entry) entry.tactics.push(tactic);
    else index.set(technique.id, { technique, tactics: [tactic] });
  };
  for (const tactic of matrix.tactics) {
    for (const technique of tactic.techniques) {
      add(technique, tactic.shortname);
      for (const sub of technique.subtechniques) add(sub, tactic.shortname);
    }
  }
  return index;
}

/**
 * What the matrix code reads, as three questions that both a knowledge base (through its
 * indexes, renderer/src/kb/queries/attackMatrix.ts) and a bundle in memory (below, for
 * `magpie convert`) answer — so the app and the CLI run the same code on the same answers.
 */
import { edgeIds } from '../knowledge/objectFacts.ts';
import type { AttackPattern, Relationship, StixObject } from '../stix/model/types.ts';
import type { AttackObjects } from './matrix.ts';

export interface AttackGraph {
  get(id: string): Promise<StixObject | undefined>;
  /** The objects that point at this one: relationships either way, reports and groupings containing it. */
  pointingTo(id: string): Promise<StixObject[]>;
  /** The ATT&CK objects the matrices are built from. */
  attackObjects(): Promise<AttackObjects>;
}

export function isRelationship(object: Readonly<StixObject>): object is Relationship {
  return object.type === 'relationship';
}

export function isAttackPattern(object: Readonly<StixObject>): object is AttackPattern {
  return object.type === 'attack-pattern';
}

/** Picks the ATT&CK objects out of a list (a bundle's, or one type's worth read from a store). */
export function attackObjectsOf(objects: Iterable<StixObject>): AttackObjects {
  const matrices: StixObject[] = [];
  const tactics: StixObject[] = [];
  const techniques: AttackPattern[] = [];
  const subtechniqueOf: Relationship[] = [];
  for (const object of objects) {
    if (object.type === 'x-mitre-matrix') matrices.push(object);
    else if (object.type === 'x-mitre-tactic') tactics.push(object);
    else if (isAttackPattern(object)) techniques.push(object);
    else if (isRelationship(object) && object.relationship_type === 'subtechnique-of') subtechniqueOf.push(object);
  }
  return { matrices, tactics, techniques, subtechniqueOf };
}

/** A bundle's objects as an AttackGraph, indexed once as the knowledge base indexes them (edgeIds). */
export function graphOfObjects(objects: readonly StixObject[]): AttackGraph {
  const byId = new Map<string, StixObject>();
  const pointing = new Map<string, StixObject[]>();
  for (const object of objects) {
    byId.set(object.id, object);
    for (const ref of edgeIds(object)) {
      const list = pointing.get(ref);
      if (list) list.push(object);
      else pointing.set(ref, [object]);
    }
  }
  const attack = attackObjectsOf(objects);
  return {
    get: (id) => Promise.resolve(byId.get(id)),
    pointingTo: (id) => Promise.resolve([...(pointing.get(id) ?? [])]),
    attackObjects: () => Promise.resolve(attack),
  };
}

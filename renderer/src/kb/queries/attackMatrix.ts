/**
 * The ATT&CK matrix of an object (issue 15, point 4): the knowledge base answering
 * core/attack's three questions through its indexes, then core/attack building the view —
 * the same code `magpie convert --to navigator-layer` runs on a bundle.
 *
 * - `pointingTo` is the `refs` index (relationships either way, containers);
 * - a saved investigation is read as the grouping it exports as (its nodes are its contents);
 * - the ATT&CK objects are read by type once per change of the store. Sub-techniques find
 *   their parent by ATT&CK id (T1059.001 → T1059): the store has no index by relationship
 *   type, and reading all relationships for `subtechnique-of` would cost seconds each time.
 *   On ATT&CK's bundles both give the same parents (main/cli/navigatorLayer.test.ts).
 */
import type { AttackGraph } from '../../../../core/attack/attackGraph.ts';
import { attackObjectsOf } from '../../../../core/attack/attackGraph.ts';
import type { AttackObjects } from '../../../../core/attack/matrix.ts';
import { objectMatrixView, type ObjectMatrixView } from '../../../../core/attack/objectMatrix.ts';
import type { StixObject } from '../../../../core/stix/model/types.ts';
import { changeHead } from '../changes.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { byType } from './byType.ts';

export interface AttackMatrixRequest {
  id: string;
  /** A second object to compare with. */
  compareId?: string | null;
}

const ATTACK_TYPES = ['x-mitre-matrix', 'x-mitre-tactic', 'attack-pattern'] as const;

const cached = new WeakMap<KbDatabase, { head: number; objects: AttackObjects }>();

async function attackObjects(db: KbDatabase): Promise<AttackObjects> {
  const head = await changeHead(db);
  const hit = cached.get(db);
  if (hit?.head === head) return hit.objects;
  const records = (await Promise.all(ATTACK_TYPES.map((type) => byType(db, type).toArray()))).flat();
  const objects = attackObjectsOf(records.map((record) => record.stix as StixObject));
  cached.set(db, { head, objects });
  return objects;
}

export function kbAttackGraph(db: KbDatabase): AttackGraph {
  return {
    async get(id) {
      const investigation = id.startsWith('grouping--') ? await db.investigations.get(id) : undefined;
      if (investigation) {
        return { type: 'grouping', id, name: investigation.name, object_refs: investigation.nodes.map((node) => node.id) };
      }
      return (await db.objects.get(id))?.stix as StixObject | undefined;
    },
    async pointingTo(id) {
      return (await db.objects.where('refs').equals(id).toArray()).map((record) => record.stix as StixObject);
    },
    attackObjects: () => attackObjects(db),
  };
}

export function attackMatrix(db: KbDatabase, request: AttackMatrixRequest): Promise<ObjectMatrixView> {
  return objectMatrixView(kbAttackGraph(db), request.id, request.compareId);
}

/**
 * Which ATT&CK techniques an object relates to, and by which path (issue 15, point 4), the
 * way an analyst reads ATT&CK and OpenCTI's matrix shows it:
 *
 * - directly: the object `uses` the attack-pattern;
 * - through software: it `uses` a malware or tool that `uses` the attack-pattern;
 * - through a report: a report or grouping contains both the object and the attack-pattern;
 * - for a report, grouping or saved investigation: the attack-patterns it contains, the
 *   `uses` relationships it contains, and what the actors and software it contains use.
 *
 * Revoked and deprecated relationships and objects are not followed. Each path is kept so
 * the matrix can say on hover why a technique is highlighted, and a layer's comment too.
 */
import type { StixObject } from '../stix/model/types.ts';
import { isRelationship } from './attackGraph.ts';
import type { AttackGraph } from './attackGraph.ts';
import { isRetired, objectName } from './domains.ts';

export type PathKind = 'direct' | 'software' | 'report' | 'contents';
export const PATH_KINDS: readonly PathKind[] = ['direct', 'software', 'report', 'contents'];

export interface PathStep {
  id: string;
  type: string;
  name: string;
}

/** From the object to a technique: what lies between them (nothing when it is direct). */
export interface TechniquePath {
  kind: PathKind;
  via: PathStep[];
}

export interface RelatedTechniques {
  object: PathStep;
  /** Paths by the technique's STIX id. */
  techniques: Record<string, TechniquePath[]>;
}

const CONTAINERS = new Set(['report', 'grouping']);
const SOFTWARE = new Set(['malware', 'tool']);
const USERS = new Set(['intrusion-set', 'threat-actor', 'campaign', 'malware', 'tool']);

function isTechniqueId(id: string): boolean {
  return id.startsWith('attack-pattern--');
}

function step(object: Readonly<StixObject>): PathStep {
  return { id: object.id, type: object.type, name: objectName(object) };
}

function refsOf(object: Readonly<StixObject>): string[] {
  const refs = object['object_refs'];
  return Array.isArray(refs) ? refs.filter((ref): ref is string => typeof ref === 'string') : [];
}

/** The ids of what an object `uses`, by live relationships among those pointing at it. */
function usedBy(id: string, pointing: readonly StixObject[]): string[] {
  return pointing.flatMap((object) =>
    isRelationship(object) && !isRetired(object) && object.relationship_type === 'uses' && object.source_ref === id ? [object.target_ref] : [],
  );
}

class Collector {
  readonly techniques: Record<string, TechniquePath[]> = {};

  add(technique: string, kind: PathKind, via: PathStep[]): void {
    const paths = (this.techniques[technique] ??= []);
    const key = JSON.stringify([kind, via.map((entry) => entry.id)]);
    if (!paths.some((path) => JSON.stringify([path.kind, path.via.map((entry) => entry.id)]) === key)) paths.push({ kind, via });
  }
}

async function live(graph: AttackGraph, id: string): Promise<StixObject | undefined> {
  const object = await graph.get(id);
  return object && !isRetired(object) ? object : undefined;
}

async function throughUses(graph: AttackGraph, object: Readonly<StixObject>, into: Collector, kind: PathKind, via: PathStep[], followSoftware: boolean): Promise<void> {
  const targets = usedBy(object.id, await graph.pointingTo(object.id));
  for (const target of targets) if (isTechniqueId(target)) into.add(target, kind, via);
  if (!followSoftware) return;
  const software = targets.filter((target) => SOFTWARE.has(target.split('--')[0] ?? '') && target !== object.id);
  // Read side by side (a group uses dozens of tools), added in the order the store listed them.
  const used = await Promise.all(software.map(async (id) => {
    const found = await live(graph, id);
    return found ? { found, techniques: usedBy(found.id, await graph.pointingTo(found.id)) } : undefined;
  }));
  for (const entry of used) {
    if (!entry) continue;
    const through = [...via, step(entry.found)];
    for (const technique of entry.techniques) if (isTechniqueId(technique)) into.add(technique, kind === 'direct' ? 'software' : kind, through);
  }
}

async function ofContainer(graph: AttackGraph, container: Readonly<StixObject>, into: Collector): Promise<void> {
  for (const ref of refsOf(container)) {
    if (isTechniqueId(ref)) {
      into.add(ref, 'direct', []);
      continue;
    }
    const type = ref.split('--')[0] ?? '';
    if (type !== 'relationship' && !USERS.has(type)) continue;
    const object = await live(graph, ref);
    if (!object) continue;
    if (isRelationship(object)) {
      if (object.relationship_type !== 'uses' || !isTechniqueId(object.target_ref)) continue;
      const user = await graph.get(object.source_ref);
      into.add(object.target_ref, 'direct', user ? [step(user)] : []);
    } else await throughUses(graph, object, into, 'contents', [step(object)], false);
  }
}

async function throughReports(graph: AttackGraph, object: Readonly<StixObject>, into: Collector): Promise<void> {
  const containers = (await graph.pointingTo(object.id)).filter(
    (other) => CONTAINERS.has(other.type) && !isRetired(other) && refsOf(other).includes(object.id),
  );
  for (const container of containers) {
    for (const ref of refsOf(container)) if (isTechniqueId(ref)) into.add(ref, 'report', [step(container)]);
  }
}

/** The techniques an object relates to, or null when the graph does not hold it. */
export async function relatedTechniques(graph: AttackGraph, id: string): Promise<RelatedTechniques | null> {
  const object = await graph.get(id);
  if (!object) return null;
  const into = new Collector();
  if (CONTAINERS.has(object.type)) await ofContainer(graph, object, into);
  else {
    await throughUses(graph, object, into, 'direct', [], true);
    await throughReports(graph, object, into);
  }
  // An attack-pattern's own matrix shows where it sits.
  if (object.type === 'attack-pattern') into.add(object.id, 'direct', []);
  // Strongest reason first, whatever order the store or bundle listed them in.
  for (const paths of Object.values(into.techniques)) paths.sort((x, y) => PATH_KINDS.indexOf(x.kind) - PATH_KINDS.indexOf(y.kind));
  return { object: step(object), techniques: into.techniques };
}

/** The strongest reason a technique is highlighted: direct before software before the rest. */
export function strongestKind(paths: readonly TechniquePath[]): PathKind | undefined {
  return PATH_KINDS.find((kind) => paths.some((path) => path.kind === kind));
}

/** Keeps only the paths of the kinds the analyst chose to see. */
export function onlyKinds(related: RelatedTechniques, kinds: ReadonlySet<PathKind>): RelatedTechniques {
  const techniques: Record<string, TechniquePath[]> = {};
  for (const [technique, paths] of Object.entries(related.techniques)) {
    const kept = paths.filter((path) => kinds.has(path.kind));
    if (kept.length > 0) techniques[technique] = kept;
  }
  return { object: related.object, techniques };
}

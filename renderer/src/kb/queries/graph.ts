/**
 * Graph queries over the edge index (`refs`): neighbours of a set of objects to a depth,
 * and the closure an export needs to be a valid, self-contained bundle.
 */
import { referencedIds } from '../../../../core/knowledge/objectFacts.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';
import { summarize, type ObjectSummary } from './summary.ts';

export interface GraphEdge {
  /** The relationship's id, or `ref:<from>:<property>:<to>` for an embedded reference. */
  id: string;
  source: string;
  target: string;
  /** relationship_type, `sighting-of`, or the reference property (object_refs, created_by_ref…). */
  label: string;
  kind: 'relationship' | 'reference';
}

export interface NeighbourRequest {
  ids: string[];
  depth?: number;
  /** Only keep neighbours of these types. */
  types?: string[];
  /** Only follow relationships of these types (embedded references are followed unless false). */
  relationshipTypes?: string[];
  followReferences?: boolean;
  /** Stop adding nodes past this many (the UI asks before a large expansion). */
  limit?: number;
}

export interface GraphSlice {
  nodes: ObjectSummary[];
  edges: GraphEdge[];
  truncated: boolean;
}

/** Markings and the creator point from nearly everything; as graph edges they are noise. */
const QUIET_REFERENCES = new Set(['object_marking_refs', 'marking_ref', 'created_by_ref', 'x_mitre_modified_by_ref']);

function referenceEdges(record: StoredObject): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const [key, value] of Object.entries(record.stix)) {
    if (QUIET_REFERENCES.has(key) || record.type === 'relationship') continue;
    const targets = key.endsWith('_ref') && typeof value === 'string' ? [value] : key.endsWith('_refs') && Array.isArray(value) ? value : [];
    for (const target of targets) {
      if (typeof target === 'string') edges.push({ id: `ref:${record.id}:${key}:${target}`, source: record.id, target, label: key, kind: 'reference' });
    }
  }
  return edges;
}

function relationshipEdge(record: StoredObject): GraphEdge | undefined {
  const summary = summarize(record);
  if (!summary.relationship) return undefined;
  return { id: record.id, source: summary.relationship.source, target: summary.relationship.target, label: summary.relationship.type, kind: 'relationship' };
}

export async function neighbours(db: KbDatabase, request: NeighbourRequest): Promise<GraphSlice> {
  const depth = Math.max(1, Math.min(request.depth ?? 1, 4));
  const limit = request.limit ?? 5000;
  const followReferences = request.followReferences ?? true;
  const nodes = new Map<string, StoredObject>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;

  const start = (await db.objects.bulkGet(request.ids)).filter((record): record is StoredObject => record !== undefined);
  for (const record of start) nodes.set(record.id, record);
  let frontier = start;

  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level += 1) {
    const found = new Set<string>();
    const frontierIds = frontier.map((record) => record.id);
    // Outgoing embedded references (report → its objects, sighting → where sighted…).
    if (followReferences) {
      for (const record of frontier) {
        for (const edge of referenceEdges(record)) {
          edges.set(edge.id, edge);
          found.add(edge.target);
        }
      }
    }
    // Everything pointing at the frontier: relationships either way, containers, notes.
    const pointing = await db.objects.where('refs').anyOf(frontierIds).distinct().toArray();
    for (const record of pointing) {
      const relation = relationshipEdge(record);
      if (relation) {
        if (request.relationshipTypes?.length && !request.relationshipTypes.includes(relation.label)) continue;
        edges.set(relation.id, relation);
        found.add(relation.source);
        found.add(relation.target);
      } else if (followReferences) {
        for (const edge of referenceEdges(record)) {
          if (!frontierIds.includes(edge.target)) continue;
          edges.set(edge.id, edge);
          found.add(record.id);
        }
      }
    }
    const fresh = [...found].filter((id) => !nodes.has(id));
    const loaded = (await db.objects.bulkGet(fresh)).filter((record): record is StoredObject => record !== undefined);
    frontier = [];
    for (const record of loaded) {
      if (request.types?.length && !request.types.includes(record.type)) continue;
      if (nodes.size >= limit) {
        truncated = true;
        break;
      }
      nodes.set(record.id, record);
      frontier.push(record);
    }
  }
  const keptEdges = [...edges.values()].filter((edge) => nodes.has(edge.source) && nodes.has(edge.target));
  return { nodes: [...nodes.values()].map(summarize), edges: keptEdges, truncated };
}

/** The type part of a stored id (`type--uuid`), read without loading the object. */
function typeOfStoredId(id: string): string {
  const at = id.indexOf('--');
  return at > 0 ? id.slice(0, at) : '';
}

const EDGE_OBJECT_TYPES = new Set(['relationship', 'sighting']);

function present(records: readonly (StoredObject | undefined)[]): StoredObject[] {
  return records.filter((record): record is StoredObject => record !== undefined);
}

/** The relationships and sightings pointing at any of `ids`, found through the edge index and loaded. */
async function edgeObjectsAt(db: KbDatabase, ids: readonly string[]): Promise<StoredObject[]> {
  const pointing = await db.objects.where('refs').anyOf(ids).primaryKeys();
  const edgeIds = [...new Set(pointing)].filter((id) => EDGE_OBJECT_TYPES.has(typeOfStoredId(id)));
  return present(await db.objects.bulkGet(edgeIds));
}

/**
 * The objects of `ids` the store holds and every edge among them, as `neighbours` draws
 * them: how a saved investigation is reopened, with what was related since it was saved.
 */
export async function subgraph(db: KbDatabase, ids: string[]): Promise<GraphSlice> {
  const records = present(await db.objects.bulkGet([...new Set(ids)]));
  const members = new Set(records.map((record) => record.id));
  const edges = new Map<string, GraphEdge>();
  for (const record of records) {
    for (const edge of referenceEdges(record)) if (members.has(edge.target)) edges.set(edge.id, edge);
  }
  for (const record of await edgeObjectsAt(db, [...members])) {
    const edge = relationshipEdge(record);
    if (edge && members.has(edge.source) && members.has(edge.target)) edges.set(edge.id, edge);
  }
  return { nodes: records.map(summarize), edges: [...edges.values()], truncated: false };
}

export interface NeighbourCountRequest {
  ids: string[];
  /** Objects already on the graph: not counted as new neighbours. */
  exclude?: string[];
}

export interface NeighbourCounts {
  /** Distinct neighbours one step out; one reached by two kinds of edge counts once here. */
  total: number;
  /** By relationship type, `sighting-of`, or reference property, most first. */
  byRelationship: { type: string; count: number }[];
  /** By the neighbour's type, most first. */
  byType: { type: string; count: number }[];
}

/**
 * Containers whose only references to what they hold are `object_refs` (§4.5 grouping,
 * §4.12 note, §4.13 observed-data, §4.14 opinion, §4.15 report): pointing at a node, they
 * are its neighbours through `object_refs` without being loaded, and a report of
 * thousands of refs is then never read just to be counted.
 */
const OBJECT_REFS_CONTAINERS = new Set(['grouping', 'note', 'observed-data', 'opinion', 'report']);

/**
 * What expanding `ids` one step (as `neighbours` does) would add, counted before the UI
 * asks for it: ids come from the edge index and types from the ids, so only the nodes
 * themselves, the relationships around them and unusual referrers are loaded. A reference
 * to an object the store does not hold is counted, though expanding will not show it.
 */
export async function neighbourCounts(db: KbDatabase, request: NeighbourCountRequest): Promise<NeighbourCounts> {
  const known = new Set([...request.ids, ...(request.exclude ?? [])]);
  const labelsOf = new Map<string, Set<string>>();
  const found = (id: string, label: string) => {
    if (known.has(id) || typeOfStoredId(id) === '') return;
    const labels = labelsOf.get(id) ?? new Set<string>();
    labels.add(label);
    labelsOf.set(id, labels);
  };

  const records = present(await db.objects.bulkGet([...new Set(request.ids)]));
  const members = new Set(records.map((record) => record.id));
  for (const record of records) for (const edge of referenceEdges(record)) found(edge.target, edge.label);

  const pointing = [...new Set(await db.objects.where('refs').anyOf([...members]).primaryKeys())];
  const toLoad: string[] = [];
  for (const id of pointing) {
    if (OBJECT_REFS_CONTAINERS.has(typeOfStoredId(id))) found(id, 'object_refs');
    else toLoad.push(id);
  }
  for (const record of present(await db.objects.bulkGet(toLoad))) {
    const relation = relationshipEdge(record);
    if (relation) {
      found(relation.source, relation.label);
      found(relation.target, relation.label);
      continue;
    }
    for (const edge of referenceEdges(record)) if (members.has(edge.target)) found(record.id, edge.label);
  }

  const byRelationship = new Map<string, number>();
  const byType = new Map<string, number>();
  for (const [id, labels] of labelsOf) {
    for (const label of labels) byRelationship.set(label, (byRelationship.get(label) ?? 0) + 1);
    const type = typeOfStoredId(id);
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  return { total: labelsOf.size, byRelationship: mostFirst(byRelationship), byType: mostFirst(byType) };
}

function mostFirst(counts: Map<string, number>): { type: string; count: number }[] {
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

export interface ClosureOptions {
  /** Follow relationships touching the selection this many steps (0: none). */
  relationshipDepth?: number;
  /** Include the objects a container (report, grouping, note…) refers to. */
  includeContents?: boolean;
}

/**
 * The objects a selection needs to be a valid bundle on its own: markings (and their
 * creators), creators, relationship ends, and optionally the relationships around it and
 * the contents of its containers.
 */
export async function closure(db: KbDatabase, ids: string[], options: ClosureOptions = {}): Promise<string[]> {
  const included = new Set<string>();
  let pending = [...new Set(ids)];
  let relationshipSteps = options.relationshipDepth ?? 0;
  while (pending.length > 0) {
    const records = (await db.objects.bulkGet(pending)).filter((record): record is StoredObject => record !== undefined);
    const next = new Set<string>();
    for (const record of records) {
      if (included.has(record.id)) continue;
      included.add(record.id);
      const stix = record.stix;
      const all = referencedIds(stix);
      // Relationships need their ends; containers their contents only when asked; everyone their markings and creator.
      const required = record.type === 'relationship' || record.type === 'sighting' || options.includeContents ? all : all.filter((ref) => !record.refs.includes(ref));
      for (const ref of required) if (!included.has(ref)) next.add(ref);
    }
    if (relationshipSteps > 0) {
      relationshipSteps -= 1;
      const around = await db.objects.where('refs').anyOf(records.map((record) => record.id)).filter((record) => record.type === 'relationship' || record.type === 'sighting').primaryKeys();
      for (const id of around) if (!included.has(id)) next.add(id);
    }
    pending = [...next].filter((id) => !included.has(id));
  }
  // Keep only what exists: a reference to an object we do not hold stays a dangling reference.
  return [...included];
}

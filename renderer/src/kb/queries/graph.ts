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

/**
 * The graph an investigation shows, as an immutable value: every edit returns a new model,
 * so undo/redo is a history of models and the Cytoscape view is only ever a projection of
 * one. Nothing here touches the knowledge base or the DOM.
 */
import { centroid, gridPositions, ringPositions, type Point } from '../../../core/investigation/placement.ts';
import type { InvestigationNode } from '../../../core/investigation/types.ts';
import type { GraphEdge, GraphSlice } from '../kb/queries/graph.ts';
import type { ObjectSummary } from '../kb/queries/summary.ts';

export interface GraphNode {
  summary: ObjectSummary;
  x: number;
  y: number;
  pinned: boolean;
  hidden: boolean;
}

export interface GraphModel {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
}

export const emptyModel: GraphModel = { nodes: new Map(), edges: new Map() };

function positionsOf(model: GraphModel, ids?: Iterable<string>): Point[] {
  const nodes = ids ? [...ids].map((id) => model.nodes.get(id)).filter((node) => node !== undefined) : [...model.nodes.values()];
  return nodes.map((node) => ({ x: node.x, y: node.y }));
}

/**
 * Adds what a knowledge-base query returned. New nodes are placed around `around` (the
 * nodes that were expanded), or on a grid when the graph was empty; nodes already on the
 * graph keep their place and get the fresher summary.
 */
export function addSlice(model: GraphModel, slice: GraphSlice, around?: readonly string[]): GraphModel {
  const nodes = new Map(model.nodes);
  const fresh = slice.nodes.filter((summary) => !nodes.has(summary.id));
  const anchor = around?.length ? centroid(positionsOf(model, around)) : model.nodes.size > 0 ? centroid(positionsOf(model)) : null;
  const points = anchor ? ringPositions(anchor, fresh.length) : gridPositions(fresh.length);
  fresh.forEach((summary, index) => {
    const point = points[index] ?? { x: 0, y: 0 };
    nodes.set(summary.id, { summary, x: point.x, y: point.y, pinned: false, hidden: false });
  });
  for (const summary of slice.nodes) {
    const existing = nodes.get(summary.id);
    if (existing && existing.summary !== summary && !fresh.includes(summary)) nodes.set(summary.id, { ...existing, summary });
  }
  const edges = new Map(model.edges);
  for (const edge of slice.edges) if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
  return { nodes, edges };
}

/** Rebuilds a saved investigation: its positions and flags, with the edges read now. */
export function fromSaved(saved: readonly InvestigationNode[], slice: GraphSlice): GraphModel {
  const summaries = new Map(slice.nodes.map((summary) => [summary.id, summary]));
  const nodes = new Map<string, GraphNode>();
  for (const node of saved) {
    const summary = summaries.get(node.id);
    // An object deleted from the knowledge base since the save has nothing left to draw.
    if (summary) nodes.set(node.id, { summary, x: node.x, y: node.y, pinned: node.pinned, hidden: node.hidden });
  }
  const edges = new Map(slice.edges.filter((edge) => nodes.has(edge.source) && nodes.has(edge.target)).map((edge) => [edge.id, edge]));
  return { nodes, edges };
}

export function toInvestigationNodes(model: GraphModel): InvestigationNode[] {
  return [...model.nodes.values()].map((node) => ({ id: node.summary.id, x: node.x, y: node.y, pinned: node.pinned, hidden: node.hidden }));
}

/** Takes nodes off the graph (not out of the knowledge base), with the edges touching them. */
export function removeNodes(model: GraphModel, ids: Iterable<string>): GraphModel {
  const gone = new Set(ids);
  if (![...gone].some((id) => model.nodes.has(id))) return model;
  const nodes = new Map([...model.nodes].filter(([id]) => !gone.has(id)));
  const edges = new Map([...model.edges].filter(([, edge]) => !gone.has(edge.source) && !gone.has(edge.target)));
  return { nodes, edges };
}

/**
 * What a fresh read of the drawn nodes says: new names and relationships made since they
 * were drawn. Returns the same model when nothing changed, so the view is not redrawn.
 */
export function freshen(model: GraphModel, slice: GraphSlice): GraphModel {
  let nodes: Map<string, GraphNode> | null = null;
  for (const summary of slice.nodes) {
    const existing = model.nodes.get(summary.id);
    if (!existing || JSON.stringify(existing.summary) === JSON.stringify(summary)) continue;
    nodes ??= new Map(model.nodes);
    nodes.set(summary.id, { ...existing, summary });
  }
  let edges: Map<string, GraphEdge> | null = null;
  for (const edge of slice.edges) {
    if (model.edges.has(edge.id) || !model.nodes.has(edge.source) || !model.nodes.has(edge.target)) continue;
    edges ??= new Map(model.edges);
    edges.set(edge.id, edge);
  }
  return nodes || edges ? { nodes: nodes ?? model.nodes, edges: edges ?? model.edges } : model;
}

/** The model without the objects the knowledge base no longer holds: nodes, edges touching them, and relationship edges. */
export function withoutAbsent(model: GraphModel, absent: ReadonlySet<string>): GraphModel {
  if (absent.size === 0) return model;
  const nodes = new Map([...model.nodes].filter(([id]) => !absent.has(id)));
  const edges = new Map([...model.edges].filter(([id, edge]) => !absent.has(id) && nodes.has(edge.source) && nodes.has(edge.target)));
  return { nodes, edges };
}

function neighbourIds(model: GraphModel, id: string): Set<string> {
  const found = new Set<string>();
  for (const edge of model.edges.values()) {
    if (edge.source === id) found.add(edge.target);
    else if (edge.target === id) found.add(edge.source);
  }
  return found;
}

/**
 * Collapsing a node removes the neighbours that hang only from it (what its expansion
 * brought in), never a pinned node and never one that something else still holds.
 */
export function collapsible(model: GraphModel, id: string): string[] {
  return [...neighbourIds(model, id)].filter((neighbour) => {
    const node = model.nodes.get(neighbour);
    if (!node || node.pinned || neighbour === id) return false;
    return [...neighbourIds(model, neighbour)].every((other) => other === id);
  });
}

function updateNodes(model: GraphModel, ids: Iterable<string>, change: (node: GraphNode) => GraphNode): GraphModel {
  const nodes = new Map(model.nodes);
  let changed = false;
  for (const id of ids) {
    const node = nodes.get(id);
    if (!node) continue;
    const next = change(node);
    if (next !== node) {
      nodes.set(id, next);
      changed = true;
    }
  }
  return changed ? { nodes, edges: model.edges } : model;
}

export function setHidden(model: GraphModel, ids: Iterable<string>, hidden: boolean): GraphModel {
  return updateNodes(model, ids, (node) => (node.hidden === hidden ? node : { ...node, hidden }));
}

export function showAll(model: GraphModel): GraphModel {
  return setHidden(model, model.nodes.keys(), false);
}

export function setPinned(model: GraphModel, ids: Iterable<string>, pinned: boolean): GraphModel {
  return updateNodes(model, ids, (node) => (node.pinned === pinned ? node : { ...node, pinned }));
}

/** Positions from a layout or a drag; pinned nodes move only when dragged (`force`). */
export function movePositions(model: GraphModel, positions: ReadonlyMap<string, Point>, force = false): GraphModel {
  return updateNodes(model, positions.keys(), (node) => {
    const point = positions.get(node.summary.id);
    if (!point || (node.pinned && !force) || (Math.abs(point.x - node.x) < 0.01 && Math.abs(point.y - node.y) < 0.01)) return node;
    return { ...node, x: point.x, y: point.y };
  });
}

export function addEdge(model: GraphModel, edge: GraphEdge): GraphModel {
  if (!model.nodes.has(edge.source) || !model.nodes.has(edge.target)) return model;
  return { nodes: model.nodes, edges: new Map(model.edges).set(edge.id, edge) };
}

export function removeEdge(model: GraphModel, id: string): GraphModel {
  if (!model.edges.has(id)) return model;
  const edges = new Map(model.edges);
  edges.delete(id);
  return { nodes: model.nodes, edges };
}

/** The relationship objects the graph shows, for the export's grouping. */
export function relationshipIds(model: GraphModel): string[] {
  return [...model.edges.values()].filter((edge) => edge.kind === 'relationship').map((edge) => edge.id);
}

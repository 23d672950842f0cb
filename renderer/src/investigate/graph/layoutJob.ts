/**
 * One layout job, as the layout worker runs it: a headless Cytoscape with the graph's
 * nodes and edges, the chosen layout, and the positions back in the job's node order.
 * Kept apart from the worker's message handling so it runs (and is tested) in Node too.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { separateCoincident } from '../../../../core/investigation/placement.ts';
import type { LayoutName } from '../../../../core/investigation/types.ts';
import { layoutOptions, type FixedNode } from './layouts.ts';

cytoscape.use(fcose);

export interface LayoutJob {
  layout: LayoutName;
  nodes: { id: string; x: number; y: number; pinned: boolean }[];
  edges: { source: string; target: string }[];
  roots: string[];
}

export type LayoutReply = { kind: 'positions'; ms: number; positions: Float64Array } | { kind: 'failed'; error: string };

export function runLayoutJob(job: LayoutJob): LayoutReply {
  const started = performance.now();
  const ids = new Set(job.nodes.map((node) => node.id));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 40, height: 40 } }],
    elements: [
      ...job.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id }, position: { x: node.x, y: node.y } })),
      ...job.edges
        .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
        .map((edge, index) => ({ group: 'edges' as const, data: { id: `e${String(index)}`, source: edge.source, target: edge.target } })),
    ],
  });
  const fixed: FixedNode[] = job.nodes.filter((node) => node.pinned).map((node) => ({ nodeId: node.id, position: { x: node.x, y: node.y } }));
  cy.layout(layoutOptions(job.layout, job.nodes.length, fixed, job.roots)).run();
  // Pinned nodes stay where the analyst put them, whatever the layout did.
  const laidOut = job.nodes.map((node) => (node.pinned ? { x: node.x, y: node.y } : cy.getElementById(node.id).position()));
  const pinned = new Set(job.nodes.flatMap((node, index) => (node.pinned ? [index] : [])));
  const positions = new Float64Array(job.nodes.length * 2);
  separateCoincident(laidOut, pinned).forEach(({ x, y }, index) => {
    positions[index * 2] = x;
    positions[index * 2 + 1] = y;
  });
  cy.destroy();
  return { kind: 'positions', ms: performance.now() - started, positions };
}

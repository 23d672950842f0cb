/**
 * Runs the graph's layouts off the UI thread. Cytoscape's layouts are synchronous on the
 * thread that owns the instance and it has no worker mode, so a headless instance here
 * computes the positions and the page applies them in one batch: the window stays
 * responsive (and the layout can be cancelled) however long fcose takes.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
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

function run(job: LayoutJob): LayoutReply {
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
  const positions = new Float64Array(job.nodes.length * 2);
  job.nodes.forEach((node, index) => {
    // Pinned nodes stay where the analyst put them, whatever the layout did.
    const { x, y } = node.pinned ? node : cy.getElementById(node.id).position();
    positions[index * 2] = x;
    positions[index * 2 + 1] = y;
  });
  cy.destroy();
  return { kind: 'positions', ms: performance.now() - started, positions };
}

self.addEventListener('message', (event: MessageEvent<LayoutJob>) => {
  let reply: LayoutReply;
  try {
    reply = run(event.data);
  } catch (error) {
    reply = { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  if (reply.kind === 'positions') self.postMessage(reply, { transfer: [reply.positions.buffer] });
  else self.postMessage(reply);
});

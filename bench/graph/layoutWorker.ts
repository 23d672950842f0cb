/**
 * Runs a cytoscape layout off the page's main thread: cytoscape has no worker mode of its
 * own (its layouts run synchronously on the thread that owns the instance), but a headless
 * instance in a dedicated Worker computes the same positions, which the page then applies.
 */
import cytoscape, { type Core } from 'cytoscape';
import { layoutOptions, type LayoutName } from './layouts.ts';

export type LayoutRequest =
  | { kind: 'load'; ids: string[]; edges: [string, string][] }
  | { kind: 'run'; layout: LayoutName };

export type LayoutReply =
  | { kind: 'loaded'; ms: number }
  | { kind: 'positions'; ms: number; positions: Float64Array }
  | { kind: 'failed'; error: string };

let cy: Core | undefined;
let ids: string[] = [];

function handle(request: LayoutRequest): LayoutReply {
  const started = performance.now();
  if (request.kind === 'load') {
    ids = request.ids;
    cy = cytoscape({
      headless: true,
      styleEnabled: false,
      elements: [
        ...ids.map((id) => ({ group: 'nodes' as const, data: { id } })),
        ...request.edges.map(([source, target], index) => ({ group: 'edges' as const, data: { id: `e${String(index)}`, source, target } })),
      ],
    });
    return { kind: 'loaded', ms: performance.now() - started };
  }
  if (!cy) return { kind: 'failed', error: 'no graph loaded' };
  cy.layout(layoutOptions(request.layout, ids.length)).run();
  const positions = new Float64Array(ids.length * 2);
  ids.forEach((id, index) => {
    const { x, y } = (cy as Core).getElementById(id).position();
    positions[index * 2] = x;
    positions[index * 2 + 1] = y;
  });
  return { kind: 'positions', ms: performance.now() - started, positions };
}

self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => {
  let reply: LayoutReply;
  try {
    reply = handle(event.data);
  } catch (error) {
    reply = { kind: 'failed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  if (reply.kind === 'positions') self.postMessage(reply, { transfer: [reply.positions.buffer] });
  else self.postMessage(reply);
});

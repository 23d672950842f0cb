/**
 * The layouts `npm run bench:graph` times, with the same options on the page's main thread
 * and in the layout worker. cose only runs up to COSE_MAX_NODES: cytoscape's built-in cose
 * repels every pair of nodes on each of its iterations, so 5,000 nodes take minutes
 * (STACK-MEASUREMENTS §4 found the same for fcose's default quality). Even 1,000 nodes took
 * 21 s in the worker and 90 s on the main thread here, so it only runs when asked for.
 */
import type { LayoutOptions } from 'cytoscape';

export type LayoutName = 'grid' | 'concentric' | 'cose';
export const COSE_MAX_NODES = 1_000;

/** Room for the whole graph at the generator's spacing, so every layout spreads the same area. */
export function layoutOptions(name: LayoutName, nodeCount: number): LayoutOptions {
  const side = 40 * Math.sqrt(nodeCount);
  const common = { animate: false, boundingBox: { x1: 0, y1: 0, w: side, h: side } } as const;
  switch (name) {
    case 'grid':
      return { name, ...common, avoidOverlap: true, condense: true };
    case 'concentric':
      return { name, ...common, minNodeSpacing: 10 };
    case 'cose':
      return { name, ...common, randomize: false, numIter: 1000 };
  }
}

export function layoutsFor(nodeCount: number, withCose: boolean): LayoutName[] {
  return withCose && nodeCount <= COSE_MAX_NODES ? ['grid', 'concentric', 'cose'] : ['grid', 'concentric'];
}

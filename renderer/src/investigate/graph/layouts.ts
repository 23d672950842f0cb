/**
 * Which Cytoscape layout each of the workbench's layout choices runs, given the graph's
 * size. Force-directed (fcose) at full quality is only affordable for small graphs: on
 * this project's reference machine it took 4.9 s at 1,000 nodes and minutes past 2,000
 * (STACK-MEASUREMENTS §4), while its spectral "draft" pass lays out 5,000 nodes in about
 * a second. Past that only the non-force layouts stay interactive.
 */
import type { LayoutOptions } from 'cytoscape';
import type { LayoutName } from '../../../../core/investigation/types.ts';

export const FULL_FORCE_MAX_NODES = 300;
export const DRAFT_FORCE_MAX_NODES = 5_000;

export interface FixedNode {
  nodeId: string;
  position: { x: number; y: number };
}

/** The layout a choice resolves to at this size, for the status line. */
export function effectiveLayout(name: LayoutName, nodeCount: number): 'fcose' | 'fcose-draft' | 'grid' | 'breadthfirst' | 'concentric' {
  switch (name) {
    case 'force':
      if (nodeCount <= FULL_FORCE_MAX_NODES) return 'fcose';
      return nodeCount <= DRAFT_FORCE_MAX_NODES ? 'fcose-draft' : 'grid';
    case 'fast':
      return nodeCount <= DRAFT_FORCE_MAX_NODES ? 'fcose-draft' : 'grid';
    case 'hierarchical':
      return 'breadthfirst';
    case 'concentric':
      return 'concentric';
  }
}

export function layoutOptions(name: LayoutName, nodeCount: number, fixed: readonly FixedNode[], roots: readonly string[]): LayoutOptions {
  const common = { animate: false, fit: false } as const;
  const effective = effectiveLayout(name, nodeCount);
  switch (effective) {
    case 'fcose':
    case 'fcose-draft':
      return {
        name: 'fcose',
        ...common,
        quality: effective === 'fcose' ? 'default' : 'draft',
        randomize: true,
        packComponents: true,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 110,
        nodeSeparation: 90,
        ...(fixed.length > 0 ? { fixedNodeConstraint: [...fixed] } : {}),
      } as LayoutOptions;
    case 'grid':
      return { name: 'grid', ...common, avoidOverlap: true, condense: true, spacingFactor: 1.3 };
    case 'breadthfirst':
      return { name: 'breadthfirst', ...common, directed: true, spacingFactor: 1.1, ...(roots.length > 0 ? { roots: roots.map((id) => `#${cssId(id)}`).join(',') } : {}) };
    case 'concentric':
      return { name: 'concentric', ...common, minNodeSpacing: 30, concentric: (node) => node.degree(false), levelWidth: () => 2 };
  }
}

/** STIX ids contain `--`, which a CSS id selector must escape. */
function cssId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, (character) => `\\${character}`);
}

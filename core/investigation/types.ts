/**
 * An investigation: the graph an analyst builds while pivoting, kept in the knowledge base
 * beside (not inside) the STIX objects it shows. Edges are not stored: reopening reads the
 * relationships among the saved nodes from the knowledge base, so an edit made elsewhere
 * shows up, and the export as a STIX `grouping` names exactly what the graph held.
 */
import type { TlpLevel } from '../stix/markings.ts';

/** force: fcose (small graphs); fast: fcose's spectral draft, then grid past its reach; hierarchical: breadth-first tiers; concentric: by degree. */
export const layoutNames = ['force', 'fast', 'hierarchical', 'concentric'] as const;
export type LayoutName = (typeof layoutNames)[number];

/** 'none' stands for objects without a TLP marking. */
export type TlpFilterLevel = TlpLevel | 'none';

/** What the graph shows; nodes that do not match are hidden, not removed. Empty lists and nulls filter nothing. */
export interface GraphFilters {
  types: string[];
  tlp: TlpFilterLevel[];
  /** Show nodes carrying any of these labels. */
  labels: string[];
  /** Nodes without a confidence pass unless this is set above 0. */
  minConfidence: number | null;
  /** Inclusive bounds on the object's `modified` (or `created`) time, as ISO dates. */
  from: string | null;
  to: string | null;
}

export const noFilters: GraphFilters = { types: [], tlp: [], labels: [], minConfidence: null, from: null, to: null };

export interface InvestigationNode {
  /** A STIX id in the knowledge base. */
  id: string;
  x: number;
  y: number;
  /** A pinned node keeps its place when a layout runs. */
  pinned: boolean;
  /** Hidden by the analyst (not by a filter): kept in the investigation, not drawn. */
  hidden: boolean;
}

export interface Investigation {
  /** `grouping--<uuid>`: the id its STIX export carries, so re-exports update the same grouping. */
  id: string;
  name: string;
  description: string;
  created: string;
  modified: string;
  nodes: InvestigationNode[];
  filters: GraphFilters;
  layout: LayoutName;
}

/** One row of the investigations list. */
export interface InvestigationListing {
  id: string;
  name: string;
  description: string;
  created: string;
  modified: string;
  nodeCount: number;
}

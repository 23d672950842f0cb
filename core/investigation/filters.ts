/**
 * The graph filters applied to one node, and the facets the filter panel offers. Pure, so the
 * renderer can run them on every change and the tests need no graph.
 */
import type { TlpLevel } from '../stix/markings.ts';
import type { GraphFilters, TlpFilterLevel } from './types.ts';

/** What filtering reads from a node; the renderer's `ObjectSummary` satisfies it. */
export interface FilterableNode {
  type: string;
  labels: readonly string[];
  tlp: TlpLevel | null;
  confidence: number | null;
  modified: string;
  created: string | null;
}

export interface FacetCount<V extends string = string> {
  value: V;
  count: number;
}

export interface FilterFacets {
  types: FacetCount[];
  tlp: FacetCount<TlpFilterLevel>[];
  labels: FacetCount[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-only `to` means "through that day", so it bounds the start of the next day (exclusive). */
function upperBound(to: string): { at: number; inclusive: boolean } {
  const at = Date.parse(to);
  return DATE_ONLY.test(to) ? { at: at + DAY_MS, inclusive: false } : { at, inclusive: true };
}

function matchesTime(node: FilterableNode, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  // `modified` is required on SDOs and SROs; `created` covers anything stored without it.
  const time = Date.parse(node.modified !== '' ? node.modified : (node.created ?? ''));
  // A node with no readable time cannot be shown to fall inside the range.
  if (Number.isNaN(time)) return false;
  if (from !== null) {
    const start = Date.parse(from);
    if (!Number.isNaN(start) && time < start) return false;
  }
  if (to !== null) {
    const end = upperBound(to);
    if (!Number.isNaN(end.at) && (end.inclusive ? time > end.at : time >= end.at)) return false;
  }
  return true;
}

/** Whether a node passes every filter; empty lists and nulls filter nothing (see GraphFilters). */
export function matchesFilters(node: FilterableNode, filters: GraphFilters): boolean {
  if (filters.types.length > 0 && !filters.types.includes(node.type)) return false;
  if (filters.tlp.length > 0 && !filters.tlp.includes(node.tlp ?? 'none')) return false;
  if (filters.labels.length > 0 && !node.labels.some((label) => filters.labels.includes(label))) return false;
  const min = filters.minConfidence;
  if (min !== null && min > 0 && (node.confidence === null || node.confidence < min)) return false;
  return matchesTime(node, filters.from, filters.to);
}

/**
 * How many filters narrow the graph, for the badge on the filter button. The date range counts
 * once however many of its ends are set, and a minimum confidence of 0 narrows nothing.
 */
export function activeFilterCount(filters: GraphFilters): number {
  return [
    filters.types.length > 0,
    filters.tlp.length > 0,
    filters.labels.length > 0,
    filters.minConfidence !== null && filters.minConfidence > 0,
    filters.from !== null || filters.to !== null,
  ].filter(Boolean).length;
}

/** Code-unit order, not locale order, so the panel reads the same on every machine. */
function byCountThenValue(a: FacetCount, b: FacetCount): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

function sortedCounts<V extends string>(counts: Map<V, number>): FacetCount<V>[] {
  return [...counts].map(([value, count]) => ({ value, count })).sort(byCountThenValue);
}

function increment<V>(counts: Map<V, number>, value: V): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

/** The values present among the nodes with how many nodes carry each, most common first. */
export function filterFacets(nodes: readonly FilterableNode[]): FilterFacets {
  const types = new Map<string, number>();
  const tlp = new Map<TlpFilterLevel, number>();
  const labels = new Map<string, number>();
  for (const node of nodes) {
    increment(types, node.type);
    increment(tlp, node.tlp ?? 'none');
    // A label repeated on one object still counts that object once.
    for (const label of new Set(node.labels)) increment(labels, label);
  }
  return { types: sortedCounts(types), tlp: sortedCounts(tlp), labels: sortedCounts(labels) };
}

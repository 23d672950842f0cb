/** Investigations: the saved graph, its filters, undo history and SVG export. The public API. */
export type * from './types.ts';
export { layoutNames, noFilters } from './types.ts';
export { activeFilterCount, filterFacets, matchesFilters } from './filters.ts';
export type { FacetCount, FilterableNode, FilterFacets } from './filters.ts';
export { canRedo, canUndo, createHistory, DEFAULT_HISTORY_LIMIT, record, redo, undo } from './history.ts';
export type { History } from './history.ts';
export { escapeXml, graphToSvg } from './svg.ts';
export type { SvgEdge, SvgNode, SvgPoint, SvgScene } from './svg.ts';

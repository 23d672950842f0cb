/**
 * Where a lookup's values go next (issue 21, point 1): the unknown ones to an extraction
 * review (to commit as a report), the known ones to the graph or an export.
 */
import i18next from 'i18next';
import type { LookupRow } from '../../../core/lookup/pastedValues.ts';
import { useExtractionStore } from '../extraction/extractionStore.ts';
import { useExportStore } from '../exports/exportStore.ts';
import { investigate } from '../investigate/investigate.ts';
import { useRouteStore } from '../stores/routeStore.ts';
import { rowKey } from './lookupStore.ts';

const objectIds = (rows: readonly LookupRow[]): string[] => [...new Set(rows.flatMap((row) => (row.object ? [row.object.id] : [])))];

/**
 * The review reads a text file of the values, one per line, as a dropped file is read; it
 * keeps exactly these values (the engine would also find the host of each URL, which may
 * be one of the known ones).
 */
export function sendToReview(rows: readonly LookupRow[]): void {
  const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
  const file = new File([rows.map((row) => row.value).join('\n') + '\n'], i18next.t('lookup.reviewFileName', { stamp }), { type: 'text/plain' });
  useExtractionStore.getState().enqueue([file], { only: new Set(rows.map(rowKey)) });
  useRouteStore.getState().navigate('import');
}

export function addToGraph(rows: readonly LookupRow[]): Promise<void> {
  return investigate(objectIds(rows), i18next.t('lookup.investigationName'));
}

export function exportBundle(rows: readonly LookupRow[]): void {
  const ids = objectIds(rows);
  useExportStore.getState().setScope({ ids, label: i18next.t('lookup.exportLabel', { count: ids.length }), includeContents: false });
  useRouteStore.getState().navigate('export');
}

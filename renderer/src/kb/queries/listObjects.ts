/**
 * Paged listing by type with filters and sorting, for the Knowledge, Observables and
 * Reports tables. A single type is read in index order ([type+name] or [type+modified]);
 * filters that have no index run over that narrowed range only.
 */
import { compareTlp, type TlpLevel } from '../../../../core/stix/markings.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';
import { summarize, type ObjectSummary } from './summary.ts';

export interface ListFilter {
  types: string[];
  labels?: string[];
  /** Objects whose TLP is at most this (unmarked counts as clear). */
  maxTlp?: TlpLevel;
  markingRefs?: string[];
  createdBy?: string;
  source?: string;
  modifiedFrom?: string;
  modifiedTo?: string;
  minConfidence?: number;
}

export interface ListRequest extends ListFilter {
  sort?: 'name' | 'modified';
  direction?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface ListPage {
  rows: ObjectSummary[];
  total: number;
}

function hasFilters(filter: ListFilter): boolean {
  return Boolean(filter.labels?.length || filter.maxTlp || filter.markingRefs?.length || filter.createdBy || filter.source || filter.modifiedFrom || filter.modifiedTo || filter.minConfidence !== undefined);
}

function markingRefsOf(record: StoredObject): string[] {
  const refs = record.stix['object_marking_refs'];
  return Array.isArray(refs) ? refs.filter((ref): ref is string => typeof ref === 'string') : [];
}

export function matchesFilter(record: StoredObject, filter: ListFilter): boolean {
  if (filter.labels?.length && !filter.labels.some((label) => record.labels.includes(label))) return false;
  if (filter.markingRefs?.length && !filter.markingRefs.some((ref) => markingRefsOf(record).includes(ref))) return false;
  if (filter.createdBy && record.stix['created_by_ref'] !== filter.createdBy) return false;
  if (filter.source && !record.sources.includes(filter.source)) return false;
  if (filter.modifiedFrom && record.modified < filter.modifiedFrom) return false;
  if (filter.modifiedTo && record.modified > filter.modifiedTo) return false;
  if (filter.minConfidence !== undefined) {
    const confidence = record.stix['confidence'];
    if (typeof confidence !== 'number' || confidence < filter.minConfidence) return false;
  }
  if (filter.maxTlp) {
    const tlp = summarize(record).tlp ?? 'clear';
    if (compareTlp(tlp, filter.maxTlp) > 0) return false;
  }
  return true;
}

export async function listObjects(db: KbDatabase, request: ListRequest): Promise<ListPage> {
  const sort = request.sort ?? 'name';
  const offset = request.offset ?? 0;
  const limit = Math.min(request.limit ?? 100, 1000);
  const filtered = hasFilters(request);

  if (request.types.length === 1) {
    const [type] = request.types as [string];
    const index = sort === 'name' ? '[type+name]' : '[type+modified]';
    let collection = db.objects.where(index).between([type, ''], [type, '\uffff'], true, true);
    if (request.direction === 'desc') collection = collection.reverse();
    if (filtered) collection = collection.filter((record) => matchesFilter(record, request));
    const total = await collection.count();
    const rows = await collection.offset(offset).limit(limit).toArray();
    return { rows: rows.map(summarize), total };
  }

  // Several types: read each type's range, then sort the union (types are listed in the UI, so few).
  let records = await db.objects.where('type').anyOf(request.types).toArray();
  if (filtered) records = records.filter((record) => matchesFilter(record, request));
  const key = (record: StoredObject) => (sort === 'name' ? (record.name ?? '') : record.modified);
  records.sort((a, b) => key(a).localeCompare(key(b)) * (request.direction === 'desc' ? -1 : 1));
  return { rows: records.slice(offset, offset + limit).map(summarize), total: records.length };
}

/**
 * Paged listing by type with filters and sorting, for the Knowledge, Observables and
 * Reports tables. Types are read in index order ([type+name] or [type+modified]);
 * filters that have no index run over those narrowed ranges only.
 */
import { compareTlp, type TlpLevel } from '../../../../core/stix/markings.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';
import { byType } from './byType.ts';
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

  if (!filtered && request.types.every((type) => !UNNAMED.has(type))) return mergedPage(db, request, sort, offset, limit);

  // Several types with filters: read each type's range, then sort the union.
  let records = (await Promise.all(request.types.map((type) => byType(db, type).toArray()))).flat();
  if (filtered) records = records.filter((record) => matchesFilter(record, request));
  const key = (record: StoredObject) => (sort === 'name' ? (record.name ?? '') : record.modified);
  records.sort((a, b) => key(a).localeCompare(key(b)) * (request.direction === 'desc' ? -1 : 1));
  return { rows: records.slice(offset, offset + limit).map(summarize), total: records.length };
}

/** Relationships and sightings have no [type+name] entry (records.ts). */
const UNNAMED = new Set(['relationship', 'sighting']);

/**
 * Several types, no filter (the Knowledge and Observables pages as they open): the total
 * is a count per type, and a page is the first `offset + limit` of each type's index range
 * merged in index order, so opening a list of a million observables reads 200 rows per
 * type, not all of them. The order across types is the index's (code units), as within one.
 */
async function mergedPage(db: KbDatabase, request: ListRequest, sort: 'name' | 'modified', offset: number, limit: number): Promise<ListPage> {
  const index = sort === 'name' ? '[type+name]' : '[type+modified]';
  const desc = request.direction === 'desc';
  const perType = await Promise.all(
    request.types.map(async (type) => {
      let collection = db.objects.where(index).between([type, ''], [type, '\uffff'], true, true);
      if (desc) collection = collection.reverse();
      return { total: await collection.count(), rows: await collection.limit(offset + limit).toArray() };
    }),
  );
  const key = (record: StoredObject): string => (sort === 'name' ? (record.name ?? '') : record.modified);
  const merged = perType.flatMap((part) => part.rows).sort((a, b) => {
    const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    return desc ? -order : order;
  });
  return { rows: merged.slice(offset, offset + limit).map(summarize), total: perType.reduce((sum, part) => sum + part.total, 0) };
}

/**
 * What an entity page lists about one object (issue 15): its relationships grouped by
 * relationship type and the other end's type, the analyses (reports, groupings, notes,
 * opinions) that contain it, its sightings, and the indicators and observables linked to
 * it. Every list has its total and is read a page at a time, so nothing stops silently.
 */
import { isScoType } from '../../../../core/stix/model/categories.ts';
import type { Relationship, Sighting } from '../../../../core/stix/model/types.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';
import { typeOfId } from './names.ts';

export type LinkView = 'knowledge' | 'analyses' | 'indicators' | 'observables' | 'sightings';

export interface LinkRow {
  /** The relationship, sighting or container that makes the link. */
  via: string;
  /** The object at the other end (for analyses and sightings: the container or sighting itself). */
  other: string;
  otherType: string;
  direction: 'outgoing' | 'incoming';
  /** relationship_type, or the container's type, or `sighting`. */
  kind: string;
  start?: string;
  end?: string;
  count?: number;
  /** For sightings: what was sighted and where. */
  sightingOf?: string;
  where?: string[];
  description?: string;
}

export interface LinkGroup {
  key: string;
  kind: string;
  otherType: string;
  direction: 'outgoing' | 'incoming';
  count: number;
}

export interface LinkRequest {
  id: string;
  view: LinkView;
  /** One group's rows (its key); all rows of the view when absent. */
  group?: string;
  offset?: number;
  limit?: number;
}

export interface LinkPage {
  groups: LinkGroup[];
  /** Rows in the view (or in the chosen group). */
  total: number;
  rows: LinkRow[];
}

const ANALYSES = new Set(['report', 'grouping', 'note', 'opinion']);
const MAX_PAGE = 500;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function relationshipRow(id: string, record: StoredObject): LinkRow | undefined {
  const stix = record.stix as Relationship;
  const outgoing = stix.source_ref === id;
  const other = outgoing ? stix.target_ref : stix.source_ref;
  if (typeof other !== 'string') return undefined;
  return {
    via: record.id,
    other,
    otherType: typeOfId(other),
    direction: outgoing ? 'outgoing' : 'incoming',
    kind: stix.relationship_type,
    start: text(stix.start_time),
    end: text(stix.stop_time),
    description: text(stix.description),
  };
}

function sightingRow(record: StoredObject): LinkRow {
  const stix = record.stix as Sighting;
  const of = stix.sighting_of_ref;
  return {
    via: record.id,
    other: record.id,
    otherType: 'sighting',
    direction: 'incoming',
    kind: 'sighting',
    start: text(stix.first_seen),
    end: text(stix.last_seen),
    count: typeof stix.count === 'number' ? stix.count : undefined,
    sightingOf: of,
    where: Array.isArray(stix.where_sighted_refs) ? stix.where_sighted_refs.filter((ref): ref is string => typeof ref === 'string') : [],
    description: text(stix.description),
  };
}

function containerRow(record: StoredObject): LinkRow {
  const stix = record.stix;
  return { via: record.id, other: record.id, otherType: record.type, direction: 'incoming', kind: record.type, start: text(stix['published']) ?? record.modified };
}

function rowsFor(id: string, view: LinkView, pointing: StoredObject[]): LinkRow[] {
  const rows: LinkRow[] = [];
  for (const record of pointing) {
    if (view === 'analyses') {
      if (ANALYSES.has(record.type)) rows.push(containerRow(record));
    } else if (view === 'sightings') {
      if (record.type === 'sighting') rows.push(sightingRow(record));
    } else if (record.type === 'relationship') {
      const row = relationshipRow(id, record);
      if (!row) continue;
      if (view === 'indicators' && row.otherType !== 'indicator') continue;
      if (view === 'observables' && !isScoType(row.otherType)) continue;
      rows.push(row);
    }
  }
  return rows;
}

export function groupKey(row: Pick<LinkRow, 'direction' | 'kind' | 'otherType'>): string {
  return `${row.direction}|${row.kind}|${row.otherType}`;
}

/** Newest first where there is a date; the rest keep the index's order. */
function byDate(a: LinkRow, b: LinkRow): number {
  return (b.start ?? '').localeCompare(a.start ?? '');
}

export async function entityLinks(db: KbDatabase, request: LinkRequest): Promise<LinkPage> {
  // Everything that points at the object: relationships either way, sightings, containers.
  const pointing = await db.objects.where('refs').equals(request.id).toArray();
  const rows = rowsFor(request.id, request.view, pointing).sort(byDate);
  const counts = new Map<string, LinkGroup>();
  for (const row of rows) {
    const key = groupKey(row);
    const group = counts.get(key) ?? { key, kind: row.kind, otherType: row.otherType, direction: row.direction, count: 0 };
    group.count += 1;
    counts.set(key, group);
  }
  const groups = [...counts.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const chosen = request.group === undefined ? rows : rows.filter((row) => groupKey(row) === request.group);
  const offset = Math.max(0, request.offset ?? 0);
  const limit = Math.min(Math.max(1, request.limit ?? 50), MAX_PAGE);
  return { groups, total: chosen.length, rows: chosen.slice(offset, offset + limit) };
}

/** How many rows each view has, for the tabs' counts: one read of the index. */
export async function entityLinkCounts(db: KbDatabase, id: string): Promise<Record<LinkView, number>> {
  const pointing = await db.objects.where('refs').equals(id).toArray();
  const views: LinkView[] = ['knowledge', 'analyses', 'indicators', 'observables', 'sightings'];
  return Object.fromEntries(views.map((view) => [view, rowsFor(id, view, pointing).length])) as Record<LinkView, number>;
}

/**
 * The report's context on the event: its name as `info`, its publication date as `date`, its
 * description as an event report (MISP's own place for prose), its labels as event tags; and
 * STIX sightings as MISP sightings of the attributes their indicator detects.
 */
import type { JsonObject } from '../../stix/model/properties.ts';
import type { Markings } from './marking.ts';
import type { MispEventReportOut, MispSightingOut, MispTag } from './types.ts';
import { derivedUuid, uuidOf } from './uuids.ts';
import { distributionOf } from './marking.ts';

export interface ReportParts {
  readonly reportIds: string[];
  readonly info?: string;
  readonly date?: string;
  readonly labels: MispTag[];
  readonly eventReports: MispEventReportOut[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function reportParts(objects: readonly JsonObject[], markings: Markings, timestamp: string): ReportParts {
  const reports = objects.filter((object) => object['type'] === 'report' && typeof object['id'] === 'string');
  const eventReports = reports.flatMap((report) => {
    const content = text(report['description']);
    if (content === undefined) return [];
    const tags = markings.tags(report);
    return [{ uuid: derivedUuid(String(report['id']), 'description'), name: text(report['name']) ?? 'Report', content, distribution: distributionOf(tags), timestamp }];
  });
  const [only, ...more] = reports;
  const base = { reportIds: reports.map((report) => String(report['id'])), eventReports };
  if (only === undefined || more.length > 0) return { ...base, labels: [] };
  const info = text(only['name']);
  const date = text(only['published']) ?? text(only['created']);
  return { ...base, ...(info === undefined ? {} : { info }), ...(date === undefined ? {} : { date: date.slice(0, 10) }), labels: markings.tags(only) };
}

function epoch(value: unknown): string | undefined {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : String(Math.floor(time / 1000));
}

/** MISP sightings by the id of what was sighted; one per STIX sighting, dated by when it was last seen. */
export function sightingsOf(objects: readonly JsonObject[]): Map<string, MispSightingOut[]> {
  const byTarget = new Map<string, MispSightingOut[]>();
  const names = new Map(objects.flatMap((object) => (typeof object['id'] === 'string' && typeof object['name'] === 'string' ? [[object['id'], object['name']] as const] : [])));
  for (const sighting of objects) {
    const target = sighting['sighting_of_ref'];
    if (sighting['type'] !== 'sighting' || typeof target !== 'string') continue;
    const date = epoch(sighting['last_seen']) ?? epoch(sighting['first_seen']) ?? epoch(sighting['modified']) ?? epoch(sighting['created']);
    const where = Array.isArray(sighting['where_sighted_refs']) ? sighting['where_sighted_refs'].flatMap((ref) => names.get(String(ref)) ?? []) : [];
    const out: MispSightingOut = { uuid: uuidOf(String(sighting['id'])), type: '0', date_sighting: date ?? '0', ...(where.length === 0 ? {} : { source: where.join(', ') }) };
    byTarget.set(target, [...(byTarget.get(target) ?? []), out]);
  }
  return byTarget;
}

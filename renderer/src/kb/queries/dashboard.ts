/**
 * The morning dashboard (issue 15, point 6): the latest reports, the newest indicators with
 * their validity, the intrusion sets and malware most recently active, and the sectors and
 * countries most targeted. Every part reads a bounded window through an index — the most
 * recently modified reports, indicators and sightings, the identities and locations by
 * name — so it stays quick on a store of a million objects, and says where it was cut.
 */
import Dexie from 'dexie';
import { entityKind } from '../../../../core/knowledge/entityKind.ts';
import { displayName } from '../../../../core/knowledge/objectFacts.ts';
import type { Indicator, Report, Sighting } from '../../../../core/stix/model/types.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';

export interface DashboardRef {
  id: string;
  type: string;
  name: string;
}
export interface LatestReport extends DashboardRef {
  published: string | null;
}
export interface NewIndicator extends DashboardRef {
  validFrom: string | null;
  validUntil: string | null;
  expired: boolean;
  revoked: boolean;
}
export interface ActiveThreat {
  id: string;
  type: string;
  /** Null when the object is referenced but not in the store. */
  name: string | null;
  reports: number;
  sightings: number;
  /** The newest report publication or sighting that names it. */
  lastActive: string;
}
export interface TargetedEntity extends DashboardRef {
  /** Distinct objects (intrusion sets, campaigns, malware…) that target it. */
  attackers: number;
}
export interface KbDashboard {
  reports: LatestReport[];
  indicators: NewIndicator[];
  active: ActiveThreat[];
  sectors: TargetedEntity[];
  countries: TargetedEntity[];
  /** The windows that held more than was read: the figures cover the newest ones only. */
  cut: { reports: boolean; sightings: boolean; targets: boolean };
  /** How many of the newest reports and sightings were read, for the UI to say so when cut. */
  windows: { reports: number; sightings: number };
}

/** How much each part reads at most; tuned so the whole query is one short worker turn. */
export const DASHBOARD_LIMITS = { shown: 8, reportWindow: 300, sightingWindow: 1000, candidates: 5000, targetRelationships: 20000 } as const;

const ACTIVE_TYPES = new Set(['intrusion-set', 'malware']);

function typeOfId(id: string): string {
  const at = id.indexOf('--');
  return at > 0 ? id.slice(0, at) : '';
}

/** The most recently modified objects of one type, newest first, one past `limit` to tell a cut. */
async function newest(db: KbDatabase, type: string, limit: number): Promise<{ records: StoredObject[]; cut: boolean }> {
  const records = await db.objects
    .where('[type+modified]')
    .between([type, Dexie.minKey], [type, Dexie.maxKey])
    .reverse()
    .limit(limit + 1)
    .toArray();
  return { records: records.slice(0, limit), cut: records.length > limit };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function latestReports(records: readonly StoredObject[]): LatestReport[] {
  return records
    .map((record) => {
      const report = record.stix as Partial<Report>;
      return { id: record.id, type: record.type, name: displayName(record.stix), published: text(report.published) };
    })
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
    .slice(0, DASHBOARD_LIMITS.shown);
}

function newIndicators(records: readonly StoredObject[], now: string): NewIndicator[] {
  return records.map((record) => {
    const indicator = record.stix as Partial<Indicator>;
    const validUntil = text(indicator.valid_until);
    return {
      id: record.id,
      type: record.type,
      name: displayName(record.stix),
      validFrom: text(indicator.valid_from),
      validUntil,
      expired: validUntil !== null && validUntil < now,
      revoked: indicator.revoked === true,
    };
  });
}

/** Intrusion sets and malware by the newest report or sighting naming them. */
async function activeThreats(db: KbDatabase, reports: readonly StoredObject[], sightings: readonly StoredObject[]): Promise<ActiveThreat[]> {
  const byId = new Map<string, Omit<ActiveThreat, 'name'>>();
  const note = (id: string, when: string, kind: 'reports' | 'sightings') => {
    const type = typeOfId(id);
    if (!ACTIVE_TYPES.has(type)) return;
    const entry = byId.get(id) ?? { id, type, reports: 0, sightings: 0, lastActive: '' };
    entry[kind] += 1;
    if (when > entry.lastActive) entry.lastActive = when;
    byId.set(id, entry);
  };
  for (const record of reports) {
    const report = record.stix as Partial<Report>;
    const when = text(report.published) ?? record.modified;
    for (const ref of new Set(Array.isArray(report.object_refs) ? report.object_refs : [])) note(ref, when, 'reports');
  }
  for (const record of sightings) {
    const sighting = record.stix as Partial<Sighting>;
    if (typeof sighting.sighting_of_ref === 'string') note(sighting.sighting_of_ref, text(sighting.last_seen) ?? record.modified, 'sightings');
  }
  const top = [...byId.values()].sort((a, b) => b.lastActive.localeCompare(a.lastActive) || b.reports + b.sightings - (a.reports + a.sightings)).slice(0, DASHBOARD_LIMITS.shown);
  const stored = await db.objects.bulkGet(top.map((entry) => entry.id));
  return top.map((entry, index) => {
    const record = stored[index];
    return { ...entry, name: record ? displayName(record.stix) : null };
  });
}


async function candidates(db: KbDatabase, type: 'identity' | 'location'): Promise<{ records: StoredObject[]; cut: boolean }> {
  const limit = DASHBOARD_LIMITS.candidates;
  const records = await db.objects
    .where('[type+name]')
    .between([type, Dexie.minKey], [type, Dexie.maxKey])
    .limit(limit + 1)
    .toArray();
  const kind = type === 'identity' ? 'sector' : 'country';
  return { records: records.slice(0, limit).filter((record) => entityKind(record.stix) === kind), cut: records.length > limit };
}

/** The sectors and countries most targeted: `targets` relationships found through the edge index. */
async function mostTargeted(db: KbDatabase): Promise<{ sectors: TargetedEntity[]; countries: TargetedEntity[]; cut: boolean }> {
  const [identities, locations] = await Promise.all([candidates(db, 'identity'), candidates(db, 'location')]);
  const targets = new Map<string, StoredObject>([...identities.records, ...locations.records].map((record) => [record.id, record]));
  if (targets.size === 0) return { sectors: [], countries: [], cut: identities.cut || locations.cut };
  // The edge index holds every object pointing at a target; only relationships can be `targets`.
  const keys = await db.objects.where('refs').anyOf([...targets.keys()]).primaryKeys();
  const relationshipIds = [...new Set(keys.filter((key) => key.startsWith('relationship--')))];
  const limit = DASHBOARD_LIMITS.targetRelationships;
  const relationships = await db.objects.bulkGet(relationshipIds.slice(0, limit));
  const attackers = new Map<string, Set<string>>();
  for (const record of relationships) {
    const relationship = record?.stix;
    if (relationship?.relationship_type !== 'targets' || typeof relationship.target_ref !== 'string' || typeof relationship.source_ref !== 'string') continue;
    if (!targets.has(relationship.target_ref)) continue;
    const set = attackers.get(relationship.target_ref) ?? new Set<string>();
    set.add(relationship.source_ref);
    attackers.set(relationship.target_ref, set);
  }
  const ranked = (type: string) =>
    [...attackers.entries()]
      .flatMap(([id, from]) => {
        const record = targets.get(id);
        return record && record.type === type ? [{ id, type, name: displayName(record.stix), attackers: from.size }] : [];
      })
      .sort((a, b) => b.attackers - a.attackers || a.name.localeCompare(b.name))
      .slice(0, DASHBOARD_LIMITS.shown);
  return { sectors: ranked('identity'), countries: ranked('location'), cut: identities.cut || locations.cut || relationshipIds.length > limit };
}

export async function dashboard(db: KbDatabase, now: string = new Date().toISOString()): Promise<KbDashboard> {
  const [reports, indicators, sightings, targeted] = await Promise.all([
    newest(db, 'report', DASHBOARD_LIMITS.reportWindow),
    newest(db, 'indicator', DASHBOARD_LIMITS.shown),
    newest(db, 'sighting', DASHBOARD_LIMITS.sightingWindow),
    mostTargeted(db),
  ]);
  return {
    reports: latestReports(reports.records),
    indicators: newIndicators(indicators.records, now),
    active: await activeThreats(db, reports.records, sightings.records),
    sectors: targeted.sectors,
    countries: targeted.countries,
    cut: { reports: reports.cut, sightings: sightings.cut, targets: targeted.cut },
    windows: { reports: DASHBOARD_LIMITS.reportWindow, sightings: DASHBOARD_LIMITS.sightingWindow },
  };
}

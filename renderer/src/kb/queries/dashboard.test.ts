import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest } from '../ingest.ts';
import { DASHBOARD_LIMITS, dashboard } from './dashboard.ts';

let db: KbDatabase;
let serial = 0;
function uuid(): string {
  serial += 1;
  return `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}
const at = (day: number) => `2024-05-${String(day).padStart(2, '0')}T00:00:00.000Z`;
function sdo(type: string, day: number, props: JsonObject): JsonObject {
  return { type, spec_version: '2.1', id: `${type}--${uuid()}`, created: at(day), modified: at(day), ...props };
}
function targets(source: JsonObject, target: JsonObject, day: number): JsonObject {
  return sdo('relationship', day, { relationship_type: 'targets', source_ref: String(source['id']), target_ref: String(target['id']) });
}

const apt = sdo('intrusion-set', 1, { name: 'APT Example' });
const quiet = sdo('intrusion-set', 1, { name: 'Quiet Group' });
const plugx = sdo('malware', 1, { name: 'PlugX', is_family: true });
const energy = sdo('identity', 1, { name: 'Energy', identity_class: 'class' });
const finance = sdo('identity', 1, { name: 'Finance', identity_class: 'class' });
const acme = sdo('identity', 1, { name: 'ACME', identity_class: 'organization' });
const japan = sdo('location', 1, { name: 'Japan', country: 'JP' });
const missing = 'malware--11111111-1111-4111-8111-111111111111';
const older = sdo('report', 2, { name: 'Older report', published: at(2), object_refs: [quiet['id'] as string] });
const newer = sdo('report', 3, { name: 'Newer report', published: at(10), object_refs: [apt['id'] as string, plugx['id'] as string, missing] });
const current = sdo('indicator', 4, { name: 'Still valid', pattern: "[ipv4-addr:value = '198.51.100.1']", pattern_type: 'stix', valid_from: at(4), valid_until: '2099-01-01T00:00:00.000Z' });
const stale = sdo('indicator', 5, { name: 'Expired', pattern: "[ipv4-addr:value = '198.51.100.2']", pattern_type: 'stix', valid_from: at(1), valid_until: at(3) });
const sighting = sdo('sighting', 6, { sighting_of_ref: plugx['id'], last_seen: at(20), first_seen: at(19) });

const objects = [apt, quiet, plugx, energy, finance, acme, japan, older, newer, current, stale, sighting,
  targets(apt, energy, 1), targets(quiet, energy, 1), targets(plugx, finance, 1), targets(apt, acme, 1), targets(apt, japan, 1),
  sdo('relationship', 1, { relationship_type: 'located-at', source_ref: apt['id'], target_ref: japan['id'] })];

beforeAll(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-dashboard-${crypto.randomUUID()}`));
  await ingest(db, objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:dash', kind: 'file', name: 'dash.json' });
});
afterAll(async () => {
  await db.delete();
});

describe('dashboard', () => {
  it('lists the latest reports by published date and the newest indicators with their validity', async () => {
    const view = await dashboard(db, at(15));
    expect(view.reports.map((report) => [report.name, report.published])).toEqual([['Newer report', at(10)], ['Older report', at(2)]]);
    expect(view.indicators.map((indicator) => [indicator.name, indicator.expired])).toEqual([['Expired', true], ['Still valid', false]]);
    expect(view.indicators[0]?.validUntil).toBe(at(3));
  });

  it('ranks intrusion sets and malware by their newest report or sighting, naming missing ones as missing', async () => {
    const view = await dashboard(db, at(15));
    expect(view.active.map((entry) => [entry.name, entry.reports, entry.sightings, entry.lastActive])).toEqual([
      ['PlugX', 1, 1, at(20)],
      ['APT Example', 1, 0, at(10)],
      [null, 1, 0, at(10)],
      ['Quiet Group', 1, 0, at(2)],
    ]);
  });

  it('counts the distinct attackers of each sector and country through targets relationships only', async () => {
    const view = await dashboard(db, at(15));
    expect(view.sectors.map((entry) => [entry.name, entry.attackers])).toEqual([['Energy', 2], ['Finance', 1]]);
    expect(view.countries.map((entry) => [entry.name, entry.attackers])).toEqual([['Japan', 1]]);
    expect(view.cut).toEqual({ reports: false, sightings: false, targets: false });
  });

  it('reads a bounded window and says so when there was more', async () => {
    const many = Array.from({ length: DASHBOARD_LIMITS.reportWindow + 5 }, (_, index) => sdo('report', 7, { name: `Bulk ${index}`, published: at(7), object_refs: [apt['id'] as string] }));
    const other = await openKnowledgeBase(new KbDatabase(`kb-dashboard-${crypto.randomUUID()}`));
    try {
      await ingest(other, many.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:bulk', kind: 'file', name: 'bulk.json' });
      const view = await dashboard(other, at(15));
      expect(view.cut.reports).toBe(true);
      expect(view.reports).toHaveLength(DASHBOARD_LIMITS.shown);
      expect(view.active[0]?.reports).toBe(DASHBOARD_LIMITS.reportWindow);
    } finally {
      await other.delete();
    }
  });
});

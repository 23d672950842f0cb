/**
 * Issue 8, "Export formats": CSV, TXT and MISP exports of the whole ATT&CK Enterprise
 * bundle (shared fixtures), read back with an independent reader, and the maximum TLP
 * honoured with one TLP:RED observable (and a relationship naming it) mixed in.
 *
 * What ATT&CK can and cannot round-trip through these formats:
 * - CSV: every object is one row; id, type, name, description, ATT&CK ids and the
 *   relationship ends come back. Properties outside CSV_COLUMNS (kill chains, platforms,
 *   x_mitre_*) are not written, so CSV is a listing, not a lossless copy.
 * - TXT: a blocklist takes observables and simple indicator patterns only. ATT&CK has
 *   neither (attack patterns, groups, software, mitigations, relationships), so its
 *   blocklist is empty and only the added TLP:RED address can ever appear.
 * - MISP: the event carries observables, indicator patterns and vulnerabilities. ATT&CK
 *   objects are not mapped (MISP would hold them as mitre-attack galaxy clusters, which
 *   the exporter does not write), so the event is empty but for the added address.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { isMispEvent, mispEventToStix } from '../misp/index.ts';
import { TLP_2, tlpOf } from '../stix/markings.ts';
import { isObject, type JsonObject } from '../stix/model/properties.ts';
import { BOM, convert } from './index.ts';
import { readCsv } from './testing/readCsv.ts';
import { sco } from './testdata/objects.ts';

const NOW = new Date('2026-11-24T00:00:00.000Z');
const ENTERPRISE = ['mitre-attack', 'enterprise-attack-18.1.stix21-reconstructed.json.gz'] as const;
const APT29 = 'intrusion-set--899ce53f-13a0-479b-a0e4-67d46e241542';

const secret = sco('ipv4-addr', { value: '198.51.100.66' }, { object_marking_refs: [TLP_2.red.id] });
const toSecret: JsonObject = {
  type: 'relationship', spec_version: '2.1', id: 'relationship--5a8e3b7e-6c1f-4f0e-9a43-0d2b7c1e9f55', created: NOW.toISOString(), modified: NOW.toISOString(),
  relationship_type: 'related-to', source_ref: APT29, target_ref: secret['id'],
};


function attackId(object: JsonObject): string | undefined {
  const references = object['external_references'];
  if (!Array.isArray(references)) return undefined;
  const first = (references as unknown[]).find((reference) => isObject(reference) && reference['source_name'] === 'mitre-attack');
  return isObject(first) && typeof first['external_id'] === 'string' ? first['external_id'] : undefined;
}

const available = fixturesAvailable && hasFixture(...ENTERPRISE);
if (!available) console.warn(`[fixtures] core/exports ATT&CK Enterprise round trip skipped: ${fixturesSkipReason}`);

describe.skipIf(!available)(`exports of ATT&CK Enterprise${available ? '' : ` — skipped: ${fixturesSkipReason}`}`, { timeout: 60_000 }, () => {
  let attack: JsonObject[] = [];
  let input: JsonObject[] = [];

  beforeAll(() => {
    const bundle = JSON.parse(gunzipSync(readFileSync(fixturePath(...ENTERPRISE))).toString('utf8')) as { objects: JsonObject[] };
    attack = bundle.objects;
    input = [...attack, secret, toSecret];
  });

  it('CSV: one row per object, read back with the same ids, types, names and ATT&CK ids', () => {
    const result = convert(attack, { to: 'csv' });
    expect(result.text.startsWith(BOM)).toBe(false);
    const rows = readCsv(result.text, ';');
    expect(rows).toHaveLength(attack.length);
    expect(rows.map((row) => row['id'])).toEqual(attack.map((object) => object['id']));
    expect(rows.map((row) => row['type'])).toEqual(attack.map((object) => object['type']));
    attack.forEach((object, index) => {
      const row = rows[index];
      if (typeof object['name'] === 'string') expect(row?.['name'], String(object['id'])).toBe(object['name']);
      if (typeof object['description'] === 'string') expect(row?.['description'], String(object['id'])).toBe(object['description']);
      const id = attackId(object);
      if (id !== undefined) expect((row?.['external_ids'] ?? '').split(','), String(object['id'])).toContain(id);
      if (object['type'] === 'relationship') {
        expect(row, String(object['id'])).toMatchObject({ source_ref: object['source_ref'], target_ref: object['target_ref'], relationship_type: object['relationship_type'] });
      }
    });
    const powershell = rows.find((row) => (row['external_ids'] ?? '').split(',').includes('T1059.001'));
    expect(powershell).toMatchObject({ type: 'attack-pattern', name: 'PowerShell', tlp: '' });
  });

  it('CSV with , and a BOM reads back to the same rows as the default', () => {
    const excel = convert(attack, { to: 'csv', separator: ',', bom: true }).text;
    expect(excel.startsWith(`${BOM}"id","type","name",`)).toBe(true);
    const plain = readCsv(convert(attack, { to: 'csv' }).text, ';');
    expect(readCsv(excel.slice(BOM.length), ',')).toEqual(plain);
  });

  it('TXT: ATT&CK holds no observables, so the blocklist is empty; an added address is its only line', () => {
    expect(convert(attack, { to: 'txt' })).toMatchObject({ text: '', exported: attack.length, withheld: {} });
    expect(convert(input, { to: 'txt', maxTlp: 'red' }).text).toBe('198.51.100.66\n');
  });

  it('MISP: the event MISP takes holds no ATT&CK object; the added address goes through the importer and back', () => {
    const empty = JSON.parse(convert(attack, { to: 'misp', now: NOW }).text) as unknown;
    expect(isMispEvent(empty)).toBe(true);
    expect(empty).toMatchObject({ Event: { Attribute: [], Object: [], Tag: [] } });

    const event = JSON.parse(convert(input, { to: 'misp', maxTlp: 'red', now: NOW, info: 'ATT&CK Enterprise' }).text) as unknown;
    // APT29 is related to the address, so it travels as the galaxy cluster tag MISP writes.
    expect(event).toMatchObject({ Event: { info: 'ATT&CK Enterprise', Tag: [{ name: 'tlp:red' }, { name: 'misp-galaxy:mitre-intrusion-set="APT29 - G0016"' }], Attribute: [{ type: 'ip-dst', value: '198.51.100.66', Tag: [{ name: 'tlp:red' }] }] } });
    const back = mispEventToStix(event, { now: NOW.toISOString() }).objects;
    const observables = back.filter((object) => object['type'] === 'ipv4-addr');
    expect(observables.map((object) => object['id'])).toEqual([secret['id']]);
    expect(observables.map((object) => tlpOf(object))).toEqual(['red']);
    // Only the group related to the address comes back, from its galaxy tag: ATT&CK itself stays out.
    expect(back.filter((object) => object['type'] === 'attack-pattern' || object['type'] === 'intrusion-set').map((object) => object['name'])).toEqual(['APT29']);
  });

  it('TLP: with TLP:AMBER as the maximum the TLP:RED address and its relationship appear in no format, and are counted', () => {
    for (const to of ['csv', 'txt', 'misp'] as const) {
      const result = convert(input, { to, maxTlp: 'amber', now: NOW });
      expect(result, to).toMatchObject({ exported: attack.length, withheld: { red: 1 }, withheldRelationships: 1 });
      expect(result.text, to).not.toContain('198.51.100.66');
      expect(result.text, to).not.toContain(String(secret['id']));
      expect(result.text, to).not.toContain(String(toSecret['id']));
    }
    expect(convert(input, { to: 'txt', maxTlp: 'amber' }).text).toBe('');
    const amberEvent = JSON.parse(convert(input, { to: 'misp', maxTlp: 'amber', now: NOW }).text) as unknown;
    expect(amberEvent).toMatchObject({ Event: { Attribute: [], Tag: [] } });
  });

  it('TLP: with TLP:RED as the maximum the address and its relationship are exported', () => {
    const rows = readCsv(convert(input, { to: 'csv', maxTlp: 'red' }).text, ';');
    expect(rows).toHaveLength(attack.length + 2);
    expect(rows.find((row) => row['id'] === secret['id'])).toMatchObject({ type: 'ipv4-addr', name: '198.51.100.66', tlp: 'TLP:RED' });
    expect(rows.find((row) => row['id'] === toSecret['id'])).toMatchObject({ source_ref: APT29, target_ref: secret['id'], relationship_type: 'related-to' });
    expect(convert(input, { to: 'txt', maxTlp: 'red' })).toMatchObject({ withheld: {}, withheldRelationships: 0 });
  });
});

/**
 * Issue 20, "context travels": each marking's tags and distribution (the table in
 * core/exports/misp/marking.ts and the README), detection rules MISP → Magpie → MISP byte for
 * byte, galaxy cluster tags, the report as info/date/event report, sightings, what is left out.
 */
import { describe, expect, it } from 'vitest';
import { mispEventToStix } from '../misp/index.ts';
import { TLP_2, type TlpLevel } from '../stix/markings.ts';
import type { JsonObject } from '../stix/model/properties.ts';
import { toMispEvent } from './index.ts';
import { sco } from './testdata/objects.ts';

const NOW = new Date('2026-11-24T00:00:00.000Z');
const T = '2026-11-01T10:00:00.000Z';

function marked(level: TlpLevel): JsonObject {
  return sco('ipv4-addr', { value: '192.0.2.7' }, { object_marking_refs: [TLP_2[level].id] });
}

describe('TLP 2.0 markings become MISP tags and distribution by the documented table', () => {
  const cases: [TlpLevel, string, string][] = [
    ['red', 'tlp:red', '0'], ['amber+strict', 'tlp:amber+strict', '0'], ['amber', 'tlp:amber', '1'], ['green', 'tlp:green', '2'], ['clear', 'tlp:clear', '3'],
  ];
  it.each(cases)('TLP:%s → %s, distribution %s on the event and the attribute', (level, tag, distribution) => {
    const { event } = toMispEvent([TLP_2[level], marked(level)], { now: NOW });
    expect(event.Event.Tag).toEqual([{ name: tag }]);
    expect(event.Event.distribution).toBe(distribution);
    expect(event.Event.Attribute[0]).toMatchObject({ value: '192.0.2.7', distribution, Tag: [{ name: tag }] });
  });

  it('an unmarked export stays in the organisation (0); an unmarked attribute inherits (5)', () => {
    const { event } = toMispEvent([sco('ipv4-addr', { value: '192.0.2.8' })], { now: NOW });
    expect(event.Event).toMatchObject({ distribution: '0', Tag: [] });
    expect(event.Event.Attribute[0]).toMatchObject({ distribution: '5', Tag: [] });
  });

  it('the event takes its strictest part\'s row', () => {
    const { event } = toMispEvent([marked('green'), { ...marked('amber'), id: 'ipv4-addr--0a0a0a0a-0000-5000-8000-000000000002', value: '192.0.2.9' }], { now: NOW });
    expect(event.Event).toMatchObject({ distribution: '1', Tag: [{ name: 'tlp:amber' }] });
  });
});

describe('PAP markings become PAP tags and leave the distribution to TLP', () => {
  const pap = (level: string): JsonObject => ({ type: 'marking-definition', spec_version: '2.1', id: `marking-definition--${level === 'GREEN' ? '6e1a4c5b-2a3d-4f6e-9b8c-1d2e3f4a5b6c' : '7e1a4c5b-2a3d-4f6e-9b8c-1d2e3f4a5b6c'}`, created: T, definition_type: 'statement', name: `PAP:${level}`, definition: { statement: `PAP:${level}` } });
  it('PAP:GREEN with TLP:AMBER: tags tlp:amber and PAP:GREEN, distribution 1', () => {
    const marking = pap('GREEN');
    const ip = { ...marked('amber'), object_marking_refs: [TLP_2.amber.id, marking['id']] };
    const { event } = toMispEvent([marking, ip], { now: NOW });
    expect(event.Event.Tag).toEqual([{ name: 'tlp:amber' }, { name: 'PAP:GREEN' }]);
    expect(event.Event.distribution).toBe('1');
    expect(event.Event.Attribute[0]?.Tag).toEqual([{ name: 'tlp:amber' }, { name: 'PAP:GREEN' }]);
  });
});

const YARA = 'rule Kirisame_Loader\n{\n\tstrings:\n\t\t$a = "kirisame" wide ascii  \n\tcondition:\n\t\t$a\n}\n';
const SIGMA = 'title: Suspicious rundll32\nlogsource:\n  product: windows\ndetection:\n  selection:\n    Image|endswith: \'\\rundll32.exe\'\n  condition: selection\n';
const SNORT = 'alert tcp $HOME_NET any -> $EXTERNAL_NET 443 (msg:"Kirisame beacon"; content:"|16 03 01|"; sid:1000001; rev:1;)';

describe('detection rules', () => {
  it('a MISP event with yara, sigma and snort → Magpie\'s import → MISP export keeps all three byte for byte', () => {
    const misp = { Event: { uuid: '5f2b7c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b', info: 'Rules', date: '2026-11-01', timestamp: '1793520000', Attribute: [
      { uuid: '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', type: 'yara', category: 'Payload installation', value: YARA, to_ids: true },
      { uuid: '7a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', type: 'sigma', category: 'Payload installation', value: SIGMA, to_ids: true },
      { uuid: '8a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', type: 'snort', category: 'Network activity', value: SNORT, to_ids: true },
    ] } };
    const objects = mispEventToStix(misp, { now: NOW.toISOString() }).objects;
    const { event } = toMispEvent(objects, { now: NOW });
    const rules = event.Event.Attribute.filter((attribute) => ['yara', 'sigma', 'snort'].includes(attribute.type));
    expect(rules.map((rule) => [rule.type, rule.value, rule.uuid]).sort()).toEqual([
      ['sigma', SIGMA, '7a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d'], ['snort', SNORT, '8a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d'], ['yara', YARA, '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d'],
    ]);
    expect(rules.every((rule) => rule.to_ids)).toBe(true);
    expect(event.Event.uuid).toBe('5f2b7c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b');
  });

  it('a Suricata rule is written as snort, as MISP does; another pattern language is named as not exported', () => {
    const rule = (id: string, patternType: string): JsonObject => ({ type: 'indicator', spec_version: '2.1', id, created: T, modified: T, pattern: SNORT, pattern_type: patternType, valid_from: T });
    const result = toMispEvent([rule('indicator--1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', 'suricata'), rule('indicator--2b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', 'pcre')], { now: NOW });
    expect(result.event.Event.Attribute).toMatchObject([{ type: 'snort', value: SNORT, uuid: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e' }]);
    expect(result.notExported.map(({ what, count }) => [what, count])).toEqual([['indicator (pcre)', 1]]);
    expect(result.notExported[0]?.why).toContain('pattern language');
  });
});

describe('the report\'s context', () => {
  it('report → info, date, event report, labels; related group and technique → galaxy tags; sighting → MISP sighting; event uuid from the report', () => {
    const ip = sco('ipv4-addr', { value: '203.0.113.50' });
    const detect: JsonObject = { type: 'indicator', spec_version: '2.1', id: 'indicator--3c2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', created: T, modified: T, pattern: "[ipv4-addr:value = '203.0.113.50']", pattern_type: 'stix', valid_from: T };
    const group: JsonObject = { type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--4c2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', created: T, modified: T, name: 'APT28', external_references: [{ source_name: 'mitre-attack', external_id: 'G0007' }] };
    const technique: JsonObject = { type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--5c2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', created: T, modified: T, name: 'Command and Scripting Interpreter', external_references: [{ source_name: 'mitre-attack', external_id: 'T1059' }] };
    const report: JsonObject = { type: 'report', spec_version: '2.1', id: 'report--6c2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', created: T, modified: T, name: 'Kirisame', published: '2026-10-30T00:00:00.000Z', description: 'What happened.', labels: ['espionage'], object_refs: [ip['id'], detect['id'], group['id'], technique['id']] };
    const sighting: JsonObject = { type: 'sighting', spec_version: '2.1', id: 'sighting--7c2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', created: T, modified: T, sighting_of_ref: detect['id'], last_seen: '2026-11-02T00:00:00.000Z' };
    const { event } = toMispEvent([ip, detect, group, technique, report, sighting], { now: NOW });
    expect(event.Event).toMatchObject({ uuid: '6c2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', info: 'Kirisame', date: '2026-10-30', EventReport: [{ name: 'Kirisame', content: 'What happened.' }] });
    expect(event.Event.Tag.map((tag) => tag.name)).toEqual(['espionage', 'misp-galaxy:mitre-attack-pattern="Command and Scripting Interpreter - T1059"', 'misp-galaxy:mitre-intrusion-set="APT28 - G0007"']);
    expect(event.Event.Attribute[0]).toMatchObject({ value: '203.0.113.50', to_ids: true, uuid: String(ip['id']).slice('ipv4-addr--'.length), Sighting: [{ uuid: '7c2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', date_sighting: String(Date.parse('2026-11-02T00:00:00.000Z') / 1000) }] });
    const later = toMispEvent([ip, detect, group, technique, report, sighting], { now: new Date('2027-01-01T00:00:00.000Z') }).event;
    expect(later.Event.Attribute.map((attribute) => attribute.uuid)).toEqual(event.Event.Attribute.map((attribute) => attribute.uuid));
    expect(later.Event.timestamp).not.toBe(event.Event.timestamp);
  });
});

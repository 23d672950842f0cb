import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { isMispEvent, mispEventToStix } from '../misp/index.ts';
import { tlpOf } from '../stix/markings.ts';
import type { JsonObject } from '../stix/model/properties.ts';
import { convert, toMispEvent, valuesOf, type MispAttributeOut, type MispEventOut } from './index.ts';
import { file, indicator, ip, sample } from './testdata/objects.ts';

const NOW = new Date('2026-11-24T00:00:00.000Z');

/** The values an analyst would compare: kind and value, ignoring where each came from. */
function observed(objects: readonly JsonObject[]): string[] {
  return [...new Set(valuesOf(objects).map(({ kind, value }) => `${kind} ${value}`))].sort();
}

function detected(objects: readonly JsonObject[]): string[] {
  return [...new Set(valuesOf(objects).filter((value) => value.fromIndicator).map(({ kind, value }) => `${kind} ${value}`))].sort();
}

const roundTrip = (objects: readonly JsonObject[]) => mispEventToStix(JSON.parse(JSON.stringify(toMispEvent(objects, { now: NOW }).event)), { now: NOW.toISOString() }).objects;

/** Every attribute of the event, inside objects too. */
function allAttributes(event: MispEventOut): MispAttributeOut[] {
  return [...event.Event.Attribute, ...event.Event.Object.flatMap((object) => object.Attribute)];
}

describe('MISP event export', () => {
  it('writes an event MISP takes: typed attributes, to_ids only for detected values, tags', () => {
    const { event } = toMispEvent(sample, { info: 'Campaign X', now: NOW, threatLevel: 2 });
    expect(isMispEvent(event)).toBe(true);
    expect(event.Event).toMatchObject({ info: 'Campaign X', date: '2026-11-24', threat_level_id: '2', analysis: '2', distribution: '0', published: false, Tag: [{ name: 'tlp:red' }] });
    const byValue = new Map(allAttributes(event).map((attribute) => [attribute.value, attribute]));
    expect(byValue.get('203.0.113.9')).toMatchObject({ type: 'ip-dst', category: 'Network activity', to_ids: false, distribution: '2', Tag: [{ name: 'c2' }, { name: 'tlp:green' }] });
    expect(byValue.get('c2.evil.example')).toMatchObject({ type: 'domain', to_ids: true, distribution: '1', Tag: [{ name: 'malicious-activity' }, { name: 'apt' }, { name: 'tlp:amber' }] });
    expect(byValue.get('3395856ce81f2b7382dee72602f798b642f14140')).toMatchObject({ type: 'sha1', category: 'Payload delivery', object_relation: 'sha1', to_ids: true });
    expect(byValue.get('phish@evil.example')).toMatchObject({ type: 'email', to_ids: false, distribution: '5' });
    expect(byValue.get('https://evil.example/gate.php')).toMatchObject({ type: 'url' });
    expect(byValue.get('CVE-2021-44228')).toMatchObject({ type: 'vulnerability', category: 'External analysis' });
  });

  it('keeps a file\'s name and hashes together as one MISP file object with the file\'s uuid', () => {
    const { event } = toMispEvent([file], { now: NOW });
    expect(event.Event.Attribute).toEqual([]);
    expect(event.Event.Object).toHaveLength(1);
    expect(event.Event.Object[0]).toMatchObject({ name: 'file', uuid: String(file['id']).slice(6), template_uuid: '688c46fb-5edb-40a3-8273-1af7923e2215' });
    expect(event.Event.Object[0]?.Attribute.map((attribute) => [attribute.object_relation, attribute.value]).sort()).toEqual([
      ['filename', 'dropper.exe'], ['md5', 'd41d8cd98f00b204e9800998ecf8427e'], ['sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ]);
  });

  it('marks a value detected when an indicator and a bare observable both name it', () => {
    const bare = { ...ip, id: 'ipv4-addr--00000000-0000-5000-8000-000000000001', value: '192.0.2.1', object_marking_refs: undefined, labels: undefined };
    const detecting = { ...indicator, pattern: "[ipv4-addr:value = '192.0.2.1']", object_marking_refs: undefined };
    const attributes = toMispEvent([bare, detecting], { now: NOW }).event.Event.Attribute;
    expect(attributes).toHaveLength(1);
    expect(attributes[0]).toMatchObject({ uuid: '00000000-0000-5000-8000-000000000001', value: '192.0.2.1', to_ids: true });
  });

  it('round-trips through Magpie\'s MISP importer: the same observables, detections and TLP come back', () => {
    const kept = convert(sample, { to: 'misp', maxTlp: 'amber' });
    const event = JSON.parse(kept.text) as unknown;
    const objects = mispEventToStix(event, { now: NOW.toISOString() }).objects;
    const exportable = sample.filter((object) => tlpOf(object) !== 'red');
    expect(observed(objects)).toEqual(observed(exportable));
    expect(detected(objects)).toEqual(detected(exportable));
    expect(observed(objects)).not.toContain('ipv4 198.51.100.66');
    const back = objects.find((object) => object['type'] === 'ipv4-addr' && object['value'] === '203.0.113.9');
    expect(back === undefined ? undefined : tlpOf(back)).toBe('green');
    expect(objects.some((object) => object['type'] === 'vulnerability' && object['name'] === 'CVE-2021-44228')).toBe(true);
  });
});

if (!fixturesAvailable) console.warn(`[fixtures] core/exports MISP round trip over the shared feeds skipped: ${fixturesSkipReason}`);

const FEEDS = ['infoblox', 'digitalside-partial', 'pymisp-testfiles'];
const available = fixturesAvailable && hasFixture('misp-feed');
const eventFiles = available
  ? FEEDS.flatMap((feed) => readdirSync(fixturePath('misp-feed', feed)).filter((name) => name.endsWith('.json') && name !== 'manifest.json').sort().map((name) => `${feed}/${name}`))
  : [];

describe.skipIf(!available)(`MISP round trip of the shared feed events${available ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  it.each(eventFiles)('%s: imported, exported and imported again, the same observables and detections', (name) => {
    const imported = mispEventToStix(JSON.parse(readFileSync(fixturePath('misp-feed', name), 'utf8')) as unknown, { now: NOW.toISOString() }).objects;
    const again = roundTrip(imported);
    expect(observed(again)).toEqual(observed(imported));
    expect(detected(again)).toEqual(detected(imported));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivedId, identityId, TLP_1, TLP_2, type JsonObject } from '../../../core/stix/index.ts';
import { countryCode, countryName } from './countries.ts';
import { MalpediaStix, type ConvertOptions } from './converter.ts';
import { MalpediaActor, MalpediaFamilies, MalpediaSamples, MalpediaYara } from './schema.ts';

const testdata = (name: string): unknown => JSON.parse(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8'));
const families = MalpediaFamilies.parse(testdata('families.json'));
const paperCrane = MalpediaActor.parse((testdata('actors.json') as Record<string, unknown>)['paper_crane']);
const kumoYara = MalpediaYara.parse((testdata('yara.json') as Record<string, unknown>)['win.kumo_rat']);
const kumoSamples = MalpediaSamples.parse((testdata('samples.json') as Record<string, unknown>)['win.kumo_rat']);

const OPTIONS: ConvertOptions = { baseUrl: 'https://malpedia.caad.fkie.fraunhofer.de/', tlp: 'clear', samplesTlp: 'amber', time: '2025-06-01T08:30:00.000Z' };
const MALPEDIA = identityId('Malpedia', 'organization');

function kumo(stix = new MalpediaStix(OPTIONS)): { stix: MalpediaStix; malwareId: string } {
  const family = families['win.kumo_rat'];
  if (family === undefined) throw new Error('win.kumo_rat missing from testdata');
  const malwareId = stix.family('win.kumo_rat', family);
  if (malwareId === undefined) throw new Error('win.kumo_rat was not converted');
  return { stix, malwareId };
}

const ofType = (stix: MalpediaStix, type: string): JsonObject[] => [...stix.objects.values()].filter((object) => object['type'] === type);
const relationships = (stix: MalpediaStix, type: string): [unknown, unknown][] =>
  ofType(stix, 'relationship').filter((object) => object['relationship_type'] === type).map((object) => [object['source_ref'], object['target_ref']]);

describe('Malpedia to STIX', () => {
  it('maps a family to a malware family with its aliases (the Japanese one too), description, date and references', () => {
    const { stix, malwareId } = kumo();
    expect(stix.objects.get(malwareId)).toMatchObject({
      type: 'malware',
      name: 'KumoRAT',
      is_family: true,
      aliases: ['CloudRat', 'クモRAT', 'win.kumo_rat'],
      description: expect.stringContaining('remote access trojan') as unknown,
      created: '2024-03-15T00:00:00.000Z',
      modified: '2024-03-15T00:00:00.000Z',
      created_by_ref: MALPEDIA,
      object_marking_refs: [TLP_2.clear.id],
      external_references: [
        { source_name: 'Malpedia', url: 'https://malpedia.caad.fkie.fraunhofer.de/details/win.kumo_rat', external_id: 'win.kumo_rat' },
        { source_name: 'Malpedia', url: 'https://example.org/reports/kumorat-analysis', description: 'Reference found in the Malpedia library' },
        { source_name: 'Malpedia', url: 'https://example.jp/blog/kumo-rat', description: 'Reference found in the Malpedia library' },
      ],
    });
    // The same family named by OTX or a MISP galaxy is the same object.
    expect(malwareId).toBe(derivedId('malware', { name: 'kumorat' }));
    expect(stix.objects.get(MALPEDIA)).toMatchObject({ type: 'identity', name: 'Malpedia', identity_class: 'organization' });
  });

  it('names a family without a common name by its id, describes it as a Malpedia entry and dates it by the library version', () => {
    const stix = new MalpediaStix(OPTIONS);
    const family = families['elf.tidepool_miner'];
    if (family === undefined) throw new Error('elf.tidepool_miner missing');
    const id = stix.family('elf.tidepool_miner', family) ?? '';
    const malware = stix.objects.get(id);
    expect(malware).toMatchObject({ name: 'elf.tidepool_miner', description: 'Malpedia entry for elf.tidepool_miner', modified: OPTIONS.time });
    expect(malware).not.toHaveProperty('aliases');
    expect(malware?.['external_references']).toHaveLength(1);
  });

  it('maps an actor to an intrusion set that uses the family, originates from its country and targets only the victims that are countries', () => {
    const { stix, malwareId } = kumo();
    stix.actor('paper_crane', paperCrane, malwareId);
    const [intrusionSet] = ofType(stix, 'intrusion-set');
    expect(intrusionSet).toMatchObject({
      name: 'Paper Crane',
      aliases: ['折り鶴', 'PaperCrane Team'],
      primary_motivation: 'Espionage',
      external_references: [
        { source_name: 'Malpedia', url: 'https://malpedia.caad.fkie.fraunhofer.de/actor/paper_crane', external_id: 'paper_crane' },
        { source_name: 'Malpedia', url: 'https://example.org/reports/paper-crane', description: 'Reference found in the Malpedia library' },
      ],
    });
    const setId = intrusionSet?.['id'];
    expect(relationships(stix, 'uses')).toEqual([[setId, malwareId]]);
    const country = (code: string): string => derivedId('location', { country: code });
    expect(relationships(stix, 'originates-from')).toEqual([[setId, country('KP')]]);
    // "Ministry of Foreign Affairs" is a victim but not a country.
    expect(relationships(stix, 'targets')).toEqual([[setId, country('JP')], [setId, country('KR')], [setId, country('US')]]);
    expect(stix.objects.get(country('JP'))).toMatchObject({ type: 'location', name: 'Japan', country: 'JP', x_opencti_location_type: 'Country' });
  });

  it('turns each YARA rule into a yara indicator of the family marked with the TLP of its folder', () => {
    const { stix, malwareId } = kumo();
    expect(stix.yara('win.kumo_rat', kumoYara, malwareId, '2024-03-15T00:00:00.000Z')).toBe(3);
    const indicators = ofType(stix, 'indicator');
    expect(indicators.map((indicator) => [indicator['name'], indicator['pattern_type'], indicator['object_marking_refs']])).toEqual([
      ['win.kumo_rat_auto.yar', 'yara', [TLP_1.white.id]],
      ['win.kumo_rat_config.yar', 'yara', [TLP_1.green.id]],
      ['win.kumo_rat_loader.yar', 'yara', [TLP_1.amber.id]],
    ]);
    expect(indicators[0]?.['pattern']).toMatch(/^rule win_kumo_rat_auto \{/);
    // Each relationship carries its rule's marking: an amber rule's link is amber too.
    const indicates = ofType(stix, 'relationship').filter((object) => object['relationship_type'] === 'indicates');
    expect(indicates.map((object) => [object['target_ref'], object['object_marking_refs']])).toEqual([
      [malwareId, [TLP_1.white.id]],
      [malwareId, [TLP_1.green.id]],
      [malwareId, [TLP_1.amber.id]],
    ]);
    for (const marking of [TLP_1.white, TLP_1.green, TLP_1.amber]) expect(stix.objects.has(marking.id)).toBe(true);
  });

  it('skips rules in a folder that is not a TLP, saying so', () => {
    const { stix, malwareId } = kumo();
    expect(stix.yara('win.kumo_rat', { internal: { 'x.yar': 'rule x { condition: true }' } }, malwareId, OPTIONS.time)).toBe(0);
    expect(ofType(stix, 'indicator')).toEqual([]);
    expect([...stix.warnings.keys()]).toEqual([expect.stringContaining('"internal"')]);
  });

  it('turns a sample into a file and a SHA-256 indicator with the samples TLP, and skips one without a hash', () => {
    const { stix, malwareId } = kumo();
    expect(stix.samples('win.kumo_rat', kumoSamples, malwareId, OPTIONS.time)).toBe(1);
    const sha = '3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b';
    const [file] = ofType(stix, 'file');
    expect(file).toMatchObject({ hashes: { 'SHA-256': sha }, object_marking_refs: [TLP_2.amber.id] });
    const [indicator] = ofType(stix, 'indicator');
    expect(indicator).toMatchObject({ pattern: `[file:hashes.'SHA-256' = '${sha}']`, pattern_type: 'stix', object_marking_refs: [TLP_2.amber.id] });
    expect(relationships(stix, 'based-on')).toEqual([[indicator?.['id'], file?.['id']]]);
    expect(relationships(stix, 'indicates')).toEqual([[indicator?.['id'], malwareId]]);
    expect([...stix.warnings.keys()]).toEqual(['Skipped a sample of win.kumo_rat without a valid SHA-256.']);
  });

  it('gives every object the same id when the same data is converted again', () => {
    const build = (): string[] => {
      const { stix, malwareId } = kumo();
      stix.actor('paper_crane', paperCrane, malwareId);
      stix.yara('win.kumo_rat', kumoYara, malwareId, OPTIONS.time);
      return [...stix.objects.keys()].sort();
    };
    expect(build()).toEqual(build());
  });
});

describe('countries in Malpedia actors', () => {
  it('reads codes and English names, and nothing else', () => {
    expect(countryName('kp')).toBe('North Korea');
    expect(['South Korea', 'United States of America', 'Russia', 'taiwan', 'CN'].map(countryCode)).toEqual(['KR', 'US', 'RU', 'TW', 'CN']);
    expect(['Government', 'Ministry of Foreign Affairs', 'EU', ''].map(countryCode)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

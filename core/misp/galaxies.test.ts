import { describe, expect, it } from 'vitest';
import { attackPatternId, identityId, type JsonObject } from '../stix/index.ts';
import { mispEventToStix } from './index.ts';
import { attribute, mispEvent, NOW, ofType, problemsOf, tag } from './testdata/events.ts';

function convert(event: Record<string, unknown>): { objects: JsonObject[]; warnings: string[] } {
  const result = mispEventToStix({ Event: mispEvent({ Attribute: [attribute('domain', 'evil.example')], ...event }) }, { now: NOW });
  expect(problemsOf(result.objects)).toEqual([]);
  return result;
}

const CLUSTER_UUID = '7a2f6b3c-1d4e-4f5a-8b6c-9d0e1f2a3b4c';

function galaxy(type: string, value: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type, name: type, GalaxyCluster: [{ type, value, uuid: CLUSTER_UUID, tag_name: `misp-galaxy:${type}="${value}"`, description: 'About it.', ...extra }] };
}

/** The one SDO a cluster became (not the report, author, indicator or note). */
function clusterObject(objects: readonly JsonObject[]): JsonObject | undefined {
  const found = objects.filter((object) => !['report', 'identity', 'domain-name', 'indicator', 'relationship'].includes(object['type'] as string) || (object['type'] === 'identity' && object['identity_class'] === 'class'));
  expect(found).toHaveLength(1);
  return found[0];
}

describe('galaxy clusters', () => {
  it('mitre-attack-pattern → attack-pattern named without its id, under the shared technique id', () => {
    const { objects } = convert({ Galaxy: [galaxy('mitre-attack-pattern', 'Command and Scripting Interpreter - T1059.001')] });
    expect(clusterObject(objects)).toMatchObject({
      type: 'attack-pattern', id: attackPatternId('T1059.001'), name: 'Command and Scripting Interpreter', description: 'About it.',
      external_references: [{ source_name: 'mitre-attack', external_id: 'T1059.001', url: 'https://attack.mitre.org/techniques/T1059/001/' }],
    });
  });

  it.each([
    ['threat-actor', 'Sofacy', 'intrusion-set', { name: 'Sofacy', aliases: ['APT28'] }],
    ['mitre-intrusion-set', 'APT1 - G0006', 'intrusion-set', { name: 'APT1', external_references: [{ source_name: 'mitre-attack', external_id: 'G0006', url: 'https://attack.mitre.org/groups/G0006/' }] }],
    ['mitre-malware', 'BACKSPACE - S0031', 'malware', { name: 'BACKSPACE', is_family: true }],
    ['ransomware', 'Samas-Samsam', 'malware', { name: 'Samas-Samsam', is_family: true, malware_types: ['ransomware'] }],
    ['tool', 'X-Agent', 'malware', { name: 'X-Agent', is_family: true }],
    ['mitre-tool', 'Mimikatz - S0002', 'tool', { name: 'Mimikatz' }],
    ['mitre-course-of-action', 'Audit - M1047', 'course-of-action', { name: 'Audit' }],
  ])('%s "%s" → %s', (type, value, stixType, properties) => {
    const { objects } = convert({ Galaxy: [galaxy(type, value, { meta: { synonyms: ['APT28'] } })] });
    expect(clusterObject(objects)).toMatchObject({ type: stixType, id: `${stixType}--${CLUSTER_UUID}`, ...properties });
  });

  it('sector → an identity of class "class"; country → a location; region → a location with its region', () => {
    const sector = clusterObject(convert({ Galaxy: [galaxy('sector', 'Finance')] }).objects);
    expect(sector).toMatchObject({ type: 'identity', id: identityId('Finance', 'class'), identity_class: 'class', name: 'Finance' });
    const country = clusterObject(convert({ Galaxy: [galaxy('country', 'france', { description: 'France', meta: { ISO: 'FR' } })] }).objects);
    expect(country).toMatchObject({ type: 'location', name: 'France', country: 'FR' });
    const region = clusterObject(convert({ Galaxy: [galaxy('region', '154 - Northern Europe')] }).objects);
    expect(region).toMatchObject({ type: 'location', name: 'Northern Europe', region: 'northern-europe' });
  });

  it('a galaxy tag without its Galaxy block still names the cluster', () => {
    const { objects } = convert({ Tag: [tag('misp-galaxy:mitre-attack-pattern="Phishing - T1566"')] });
    expect(clusterObject(objects)).toMatchObject({ type: 'attack-pattern', id: attackPatternId('T1566'), name: 'Phishing' });
  });

  it('a cluster given by both its Galaxy block and its tag is made once', () => {
    const { objects } = convert({ Galaxy: [galaxy('threat-actor', 'Sofacy')], Tag: [tag('misp-galaxy:threat-actor="Sofacy"')] });
    expect(ofType(objects, 'intrusion-set')).toHaveLength(1);
  });

  it('galaxies without a STIX counterpart are counted', () => {
    const { objects, warnings } = convert({ Galaxy: [galaxy('guidelines', 'Leak of confidential information')] });
    expect(objects.map((object) => object['type']).sort()).toEqual(['domain-name', 'identity', 'indicator', 'relationship', 'report']);
    expect(warnings).toEqual(['Not imported: 1 cluster(s) of the MISP galaxy "guidelines" (no STIX 2.1 counterpart).']);
  });

  it('a cluster on an attribute: its indicator indicates it; an observable without indicator is related to it', () => {
    const { objects } = convert({
      Attribute: [
        attribute('domain', 'evil.example', { Galaxy: [galaxy('mitre-malware', 'BACKSPACE - S0031')] }),
        attribute('ip-dst', '198.51.100.7', { to_ids: false, Tag: [tag('misp-galaxy:mitre-malware="BACKSPACE - S0031"')] }),
      ],
    });
    const malware = ofType(objects, 'malware');
    expect(malware).toHaveLength(2); // the block's cluster has a uuid, the tag-only one a derived id
    const relations = ofType(objects, 'relationship').filter((relation) => relation['relationship_type'] !== 'based-on');
    expect(relations.map((relation) => [String(relation['source_ref']).split('--')[0], relation['relationship_type'], String(relation['target_ref']).split('--')[0]])).toEqual([
      ['indicator', 'indicates', 'malware'],
      ['ipv4-addr', 'related-to', 'malware'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { attackPatternId, hasErrors, identityId, TLP_1, TLP_2, validateObject, vulnerabilityId, type JsonObject } from '../../../core/stix/index.ts';
import { pulseToStix } from './converter.ts';
import { OtxPulse } from './schema.ts';

const OPTIONS = { defaultTlp: 'amber' as const, baseUrl: 'https://otx.alienvault.com', now: '2026-01-01T00:00:00.000Z' };

function pulse(overrides: Record<string, unknown> = {}): OtxPulse {
  return OtxPulse.parse({
    id: '65a1b2c3d4e5f60718293a4b',
    name: 'Loader campaign',
    description: 'A loader delivered by e-mail.',
    author_name: 'ExampleLab',
    created: '2024-01-10T08:00:00.123456',
    modified: '2024-01-12T09:30:00.654321',
    tags: ['loader', 'phishing', ''],
    references: ['https://blog.example/loader', 'internal note'],
    malware_families: [{ id: 'Smoke Loader', display_name: 'Smoke Loader' }],
    attack_ids: [{ id: 'T1566.001', name: 'Spearphishing Attachment' }, 'TA0001'],
    adversary: 'Example Spider',
    indicators: [
      { indicator: '203.0.113.7', type: 'IPv4', created: '2024-01-10T08:00:00', expiration: '2024-02-10T00:00:00', title: 'C2', description: 'seen beaconing' },
      { indicator: 'bad.example', type: 'hostname', created: '2024-01-10T08:00:00' },
      { indicator: 'D41D8CD98F00B204E9800998ECF8427E', type: 'FileHash-MD5', created: '2024-01-10T08:00:00' },
      { indicator: '/gate.php', type: 'URI', created: '2024-01-10T08:00:00' },
      { indicator: 'CVE-2023-23397', type: 'CVE', created: '2024-01-10T08:00:00' },
      { indicator: 'loader_rule', type: 'YARA', title: 'Loader', content: 'rule loader { condition: true }', created: '2024-01-10T08:00:00' },
      { indicator: '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', type: 'BitcoinAddress', created: '2024-01-10T08:00:00' },
    ],
    ...overrides,
  });
}

function one(objects: readonly JsonObject[], type: string, name?: string): JsonObject | undefined {
  return objects.find((object) => object['type'] === type && (name === undefined || object['name'] === name));
}

describe('an OTX pulse to STIX', () => {
  const { objects, warnings } = pulseToStix(pulse(), OPTIONS);

  it('yields only valid STIX objects', () => {
    for (const object of objects) expect(hasErrors(validateObject(object)), String(object['id'])).toBe(false);
  });

  it('makes the pulse a report that refers to everything, by its author, with tags as labels and OTX and blog links', () => {
    const report = one(objects, 'report');
    expect(report).toMatchObject({
      name: 'Loader campaign',
      description: 'A loader delivered by e-mail.',
      published: '2024-01-10T08:00:00.123Z',
      created: '2024-01-10T08:00:00.123Z',
      modified: '2024-01-12T09:30:00.654Z',
      labels: ['loader', 'phishing'],
      report_types: ['threat-report'],
      created_by_ref: identityId('ExampleLab', 'organization'),
      object_marking_refs: [TLP_1.amber.id],
      external_references: [
        { source_name: 'AlienVault', url: 'https://otx.alienvault.com/pulse/65a1b2c3d4e5f60718293a4b', external_id: '65a1b2c3d4e5f60718293a4b' },
        { source_name: 'AlienVault', url: 'https://blog.example/loader' },
      ],
    });
    const refs = new Set(report?.['object_refs'] as string[]);
    for (const object of objects) if (!['report', 'marking-definition'].includes(String(object['type'])) && object['name'] !== 'AlienVault') expect(refs.has(String(object['id'])), String(object['id'])).toBe(true);
    expect(one(objects, 'identity', 'ExampleLab')?.['created_by_ref']).toBe(identityId('AlienVault', 'organization'));
  });

  it('turns each value into an observable and an indicator based on it', () => {
    expect(one(objects, 'indicator', '203.0.113.7')).toMatchObject({
      pattern: "[ipv4-addr:value = '203.0.113.7']",
      pattern_type: 'stix',
      valid_from: '2024-01-10T08:00:00.000Z',
      valid_until: '2024-02-10T00:00:00.000Z',
      description: 'C2\nseen beaconing',
      labels: ['loader', 'phishing'],
    });
    expect(one(objects, 'indicator', 'bad.example')?.['pattern']).toBe("[domain-name:value = 'bad.example']");
    expect(one(objects, 'file')?.['hashes']).toEqual({ MD5: 'd41d8cd98f00b204e9800998ecf8427e' });
    const basedOn = objects.filter((object) => object['relationship_type'] === 'based-on');
    expect(basedOn).toHaveLength(3);
    expect(one(objects, 'indicator', 'Loader')).toMatchObject({ pattern_type: 'yara', pattern: 'rule loader { condition: true }' });
  });

  it('maps CVEs, malware families, techniques and the adversary, related as OpenCTI relates them', () => {
    expect(one(objects, 'vulnerability')?.['id']).toBe(vulnerabilityId('CVE-2023-23397'));
    expect(one(objects, 'malware')).toMatchObject({ name: 'Smoke Loader', is_family: true });
    expect(one(objects, 'attack-pattern')).toMatchObject({ id: attackPatternId('T1566.001'), x_mitre_id: 'T1566.001' });
    expect(one(objects, 'intrusion-set')?.['name']).toBe('Example Spider');
    const relations = objects.filter((object) => object['type'] === 'relationship').map((object) => `${String(object['source_ref']).split('--')[0] ?? ''} ${String(object['relationship_type'])} ${String(object['target_ref']).split('--')[0] ?? ''}`);
    expect(relations).toEqual(expect.arrayContaining(['intrusion-set uses malware', 'intrusion-set uses attack-pattern', 'malware uses attack-pattern', 'malware targets vulnerability', 'indicator indicates malware', 'indicator indicates intrusion-set']));
    expect(relations).not.toContain('indicator indicates attack-pattern');
  });

  it('says what it left out: bare paths, bitcoin addresses and tactic ids', () => {
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/1 URI indicator\(s\) whose value does not fit/),
      expect.stringMatching(/1 indicator\(s\) of type BitcoinAddress/),
      expect.stringMatching(/1 ATT&CK id\(s\) that are not techniques/),
    ]));
  });

  it('gives the same ids when the pulse is converted again', () => {
    expect(pulseToStix(pulse(), OPTIONS).objects.map((object) => object['id'])).toEqual(objects.map((object) => object['id']));
  });

  it("uses the pulse's TLP, else the default; TLP:CLEAR is the TLP 2.0 marking", () => {
    expect(one(pulseToStix(pulse({ tlp: 'green' }), OPTIONS).objects, 'report')?.['object_marking_refs']).toEqual([TLP_1.green.id]);
    expect(one(pulseToStix(pulse(), { ...OPTIONS, defaultTlp: 'clear' }).objects, 'report')?.['object_marking_refs']).toEqual([TLP_2.clear.id]);
  });

  it('still makes a report of a pulse with nothing in it, referring to its author', () => {
    const empty = pulseToStix(pulse({ indicators: [], malware_families: [], attack_ids: [], adversary: '' }), OPTIONS);
    expect(one(empty.objects, 'report')?.['object_refs']).toEqual([identityId('ExampleLab', 'organization')]);
  });
});

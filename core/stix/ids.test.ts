import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attackPatternId, generateScoId, ID_CONTRIBUTING_PROPERTIES, identityId, reportId, reportIdForFile, vulnerabilityId } from './ids.ts';
import { SCO_TYPES } from './model/categories.ts';

interface Vector {
  type: string;
  properties: Record<string, unknown>;
  id: string;
}

// Computed with Python's json + uuid (testdata/sco-id-vectors.py), not with this code.
const vectors = JSON.parse(readFileSync(new URL('./testdata/sco-id-vectors.json', import.meta.url), 'utf8')) as Vector[];

/** Non-contributing properties that must not change an SCO's id. */
const noise: Readonly<Record<string, Record<string, unknown>>> = {
  'email-addr': { display_name: 'John Doe' },
  file: { size: 1024, mime_type: 'application/pdf' },
  'domain-name': { resolves_to_refs: ['ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4'] },
  'autonomous-system': { name: 'Example AS' },
  'user-account': { display_name: 'J. Doe', is_privileged: false },
  'network-traffic': { src_byte_count: 100 },
};

function reversed(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).reverse());
}

describe('deterministic SCO ids (STIX 2.1 §2.9)', () => {
  it.each(vectors.map((v) => [v.type, v] as const))('%s agrees with the independently computed id', (_type, vector) => {
    expect(generateScoId(vector.type, vector.properties)).toBe(vector.id);
    expect(generateScoId(vector.type, reversed(vector.properties)), 'property order must not matter').toBe(vector.id);
    const extra = noise[vector.type] ?? { defanged: true };
    expect(generateScoId(vector.type, { ...vector.properties, ...extra }), 'non-contributing properties must not matter').toBe(vector.id);
  });

  it('covers every SCO type that has ID-contributing properties', () => {
    const covered = new Set(vectors.map((v) => v.type));
    const withProperties = SCO_TYPES.filter((type) => ID_CONTRIBUTING_PROPERTIES[type].length > 0);
    expect(withProperties.filter((type) => !covered.has(type))).toEqual([]);
  });

  it('matches the ids asserted by cti-python-stix2 for nested contributing properties', () => {
    // stix2/test/v21/test_deterministic_ids.py, test_id_gen_recursive_dict_conversion_1/2.
    const file = {
      name: 'example.exe',
      size: 68_000,
      magic_number_hex: '50000000',
      hashes: { 'SHA-256': '841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649' },
      extensions: {
        'windows-pebinary-ext': {
          pe_type: 'exe',
          machine_hex: '014c',
          sections: [{ name: '.data', size: 4096, entropy: 7.980693, hashes: { 'SHA-256': '6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0' } }],
        },
      },
    };
    expect(generateScoId('file', file)).toBe('file--ced31cd4-bdcb-537d-aefa-92d291bfc11d');
    const key = { values: [{ name: 'Foo', data: 'qwerty' }, { name: 'Bar', data: '42' }] };
    expect(generateScoId('windows-registry-key', key)).toBe('windows-registry-key--36594eba-bcc7-5014-9835-0e154264e588');
  });

  it('uses one hash only, preferring MD5 over SHA-256', () => {
    const md5Only = vectors.find((v) => v.type === 'file' && JSON.stringify(v.properties).includes('MD5'));
    expect(md5Only).toBeDefined();
    if (md5Only === undefined) return;
    const both = { ...md5Only.properties, hashes: { 'SHA-256': 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db', MD5: '3773a88f65a5e780c8dff9cdc3a056f3' } };
    expect(generateScoId('file', both)).toBe(md5Only.id);
  });

  it('falls back to a random UUIDv4 without contributing properties', () => {
    const a = generateScoId('process', { pid: 4 });
    const b = generateScoId('process', { pid: 4 });
    expect(a).not.toBe(b);
    expect(a).toMatch(/^process--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(generateScoId('email-message', { is_multipart: false })).toMatch(/^email-message--[0-9a-f-]{14}4/);
  });
});

describe("Magpie's deterministic SDO ids", () => {
  it('gives the same CVE from two sources one id, whatever its case or spacing', () => {
    expect(vulnerabilityId('CVE-2021-44228')).toBe(vulnerabilityId(' cve-2021-44228 '));
    expect(vulnerabilityId('CVE-2021-44228')).not.toBe(vulnerabilityId('CVE-2021-45046'));
    expect(vulnerabilityId('CVE-2021-44228')).toMatch(/^vulnerability--[0-9a-f]{8}-[0-9a-f]{4}-5/);
  });

  it('keys attack patterns by technique id', () => {
    expect(attackPatternId('t1059.001')).toBe(attackPatternId('T1059.001'));
    expect(attackPatternId('T1059')).not.toBe(attackPatternId('T1059.001'));
  });

  it('agrees with OpenCTI for a report name and date (pycti Report.generate_id)', () => {
    // uuid5(STIX namespace, '{"name":"apt1 report","published":"2024-01-01T00:00:00.000Z"}'), computed with Python's uuid.
    expect(reportId('APT1 Report ', '2024-01-01T00:00:00.000Z')).toBe('report--27f3b54b-29c0-5262-b2e4-19000cb74c88');
    expect(vulnerabilityId('CVE-2021-44228')).toBe('vulnerability--693c68fd-9a33-5d6d-b44e-407b6a48b05b');
    expect(attackPatternId('T1059.001')).toBe('attack-pattern--5a9d0c10-3eab-5b54-9d30-d9ae590d238b');
    expect(reportIdForFile('AB'.repeat(32))).toBe(reportIdForFile('ab'.repeat(32)));
    expect(identityId('ACME Corp', 'Organization')).toBe(identityId('acme corp', 'organization'));
    expect(identityId('ACME Corp', 'organization')).not.toBe(identityId('ACME Corp', 'individual'));
  });
});

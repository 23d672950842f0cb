import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScoId, hasErrors, identityId, validateObject, type JsonObject } from '../stix/index.ts';
import { domainFacts } from './domain.ts';
import { hashTypeOf } from './hashType.ts';
import { classifyIp } from './ipRange.ts';
import { offlineEnrichment, urlHost } from './offline.ts';

const identity = identityId('Magpie offline enrichment', 'system');
const options = { identityId: identity, now: () => new Date('2026-11-24T04:00:00.000Z') };

function observable(type: string, value: string): JsonObject {
  return { type, spec_version: '2.1', id: generateScoId(type, { value }), value };
}

function expectValid(objects: readonly JsonObject[]): void {
  for (const object of objects) expect(hasErrors(validateObject(object)), JSON.stringify([object, validateObject(object)])).toBe(false);
}

const valuesOf = (objects: readonly JsonObject[], type: string): unknown[] => objects.filter((o) => o['type'] === type).map((o) => o['value']);
const fact = (facts: readonly { label: string; value: string }[], label: string): string | undefined => facts.find((f) => f.label === label)?.value;

describe('domainFacts', () => {
  it('reads the registered domain and parent from the public suffix list', () => {
    expect(domainFacts('a.b.example.co.uk')).toEqual({ host: 'a.b.example.co.uk', registered: 'example.co.uk', publicSuffix: 'co.uk', parent: 'b.example.co.uk', suffixKind: 'icann' });
    expect(domainFacts('B.Example.co.uk.')).toMatchObject({ host: 'b.example.co.uk', registered: 'example.co.uk', parent: null });
    expect(domainFacts('victim.github.io')).toMatchObject({ registered: 'victim.github.io', publicSuffix: 'github.io', suffixKind: 'private' });
    expect(domainFacts('co.uk')).toMatchObject({ registered: null, publicSuffix: 'co.uk' });
    expect(domainFacts('10.0.0.1')).toMatchObject({ registered: null, suffixKind: 'ip' });
    expect(domainFacts('x.host.notatld')).toMatchObject({ registered: 'host.notatld', suffixKind: 'unlisted' });
  });
});

describe('classifyIp', () => {
  it.each([
    ['10.1.2.3', 4, 'private', false],
    ['100.64.0.1', 4, 'carrierGradeNat', false],
    ['192.0.2.1', 4, 'documentation', false],
    ['198.51.100.7/24', 4, 'documentation', false],
    ['203.0.113.9', 4, 'documentation', false],
    ['198.18.0.1', 4, 'benchmarking', false],
    ['127.0.0.1', 4, 'loopback', false],
    ['169.254.1.1', 4, 'linkLocal', false],
    ['224.0.0.251', 4, 'multicast', false],
    ['240.0.0.1', 4, 'reserved', false],
    ['8.8.8.8', 4, 'unicast', true],
    ['2001:db8::1', 6, 'documentation', false],
    ['fd00::1', 6, 'uniqueLocal', false],
    ['ff02::1', 6, 'multicast', false],
    ['::ffff:10.0.0.1', 6, 'private', false],
    ['2606:4700:4700::1111', 6, 'unicast', true],
  ] as const)('%s is %s', (value, version, range, routable) => {
    expect(classifyIp(value, version)).toMatchObject({ range, routable });
  });

  it('takes only dotted quads as IPv4 and rejects the wrong version', () => {
    expect(classifyIp('0x7f.1', 4)).toBeUndefined();
    expect(classifyIp('1', 4)).toBeUndefined();
    expect(classifyIp('::1', 4)).toBeUndefined();
    expect(classifyIp('8.8.8.8', 6)).toBeUndefined();
  });
});

describe('hashTypeOf', () => {
  it('names the algorithm by length and format, the declared key choosing among same-length ones', () => {
    expect(hashTypeOf('d41d8cd98f00b204e9800998ecf8427e')).toBe('MD5');
    expect(hashTypeOf('da39a3ee5e6b4b0d3255bfef95601890afd80709')).toBe('SHA-1');
    expect(hashTypeOf('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe('SHA-256');
    expect(hashTypeOf('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'SHA3-256')).toBe('SHA3-256');
    expect(hashTypeOf('cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e')).toBe('SHA-512');
    expect(hashTypeOf('96:s4Ud1Lj96tHHlZDrwciQmA+4uy1I0G4HYuL8N3TzS8QsO/wqWXLcMSx:sF1LjEtHHlZDrJzrhuyZvHYm8tKp/RWO')).toBe('SSDEEP');
    expect(hashTypeOf('not a hash')).toBeUndefined();
    expect(hashTypeOf('abc123')).toBeUndefined();
  });
});

describe('urlHost', () => {
  it('reads the host past user info and before port, and unbrackets IPv6', () => {
    expect(urlHost('https://user:pw@Evil.Example.com:8443/p?q#f')).toBe('evil.example.com');
    expect(urlHost('http://[2001:db8::1]:80/x')).toBe('2001:db8::1');
    expect(urlHost('mailto:someone@example.com')).toBeUndefined();
  });
});

describe('offlineEnrichment', () => {
  it('links a domain to its registered and parent domains with related-to', () => {
    const source = observable('domain-name', 'a.b.example.co.uk');
    const { objects, facts } = offlineEnrichment(source, options);
    expectValid(objects);
    expect(valuesOf(objects, 'domain-name')).toEqual(['example.co.uk', 'b.example.co.uk']);
    const relationships = objects.filter((o) => o['type'] === 'relationship');
    expect(relationships).toHaveLength(2);
    for (const relationship of relationships) {
      expect(relationship).toMatchObject({
        relationship_type: 'related-to', source_ref: source['id'], spec_version: '2.1', created_by_ref: identity,
        created: '2026-11-24T04:00:00.000Z', modified: '2026-11-24T04:00:00.000Z',
      });
    }
    expect(relationships.map((r) => r['target_ref'])).toEqual([generateScoId('domain-name', { value: 'example.co.uk' }), generateScoId('domain-name', { value: 'b.example.co.uk' })]);
    expect(fact(facts, 'Registered domain')).toBe('example.co.uk');
    expect(fact(facts, 'Public suffix')).toBe('co.uk');
    expect(fact(facts, 'Suffix type')).toBe('ICANN suffix');
    expect(fact(facts, 'Parent domain')).toBe('b.example.co.uk');
  });

  it('is deterministic: the same input and clock give the same output', () => {
    const source = observable('domain-name', 'a.b.example.co.uk');
    expect(offlineEnrichment(source, options)).toEqual(offlineEnrichment(structuredClone(source), options));
    const later = offlineEnrichment(source, { ...options, now: () => new Date('2027-01-01T00:00:00.000Z') });
    // A later run changes timestamps only: ids, hence merges, stay the same.
    expect(later.objects.map((o) => o['id'])).toEqual(offlineEnrichment(source, options).objects.map((o) => o['id']));
  });

  it('adds nothing for a registered domain itself and no parent equal to the registered domain', () => {
    expect(offlineEnrichment(observable('domain-name', 'example.co.uk'), options).objects).toEqual([]);
    const { objects } = offlineEnrichment(observable('domain-name', 'b.example.co.uk'), options);
    expect(valuesOf(objects, 'domain-name')).toEqual(['example.co.uk']);
  });

  it('links a URL to the domain it is on, with that domain’s facts', () => {
    const source = observable('url', 'https://login.evil.example.co.uk/a?b=1');
    const { objects, facts } = offlineEnrichment(source, options);
    expectValid(objects);
    expect(valuesOf(objects, 'domain-name')).toEqual(['login.evil.example.co.uk']);
    expect(objects.find((o) => o['type'] === 'relationship')).toMatchObject({ source_ref: source['id'], relationship_type: 'related-to' });
    expect(fact(facts, 'Host')).toBe('login.evil.example.co.uk');
    expect(fact(facts, 'Registered domain')).toBe('example.co.uk');
  });

  it('links a URL on an IP address to the address and classifies it', () => {
    const v4 = offlineEnrichment(observable('url', 'http://10.0.0.5:8080/payload.bin'), options);
    expectValid(v4.objects);
    expect(valuesOf(v4.objects, 'ipv4-addr')).toEqual(['10.0.0.5']);
    expect(fact(v4.facts, 'Address range')).toBe('private');
    const v6 = offlineEnrichment(observable('url', 'http://[2001:db8::1]/x'), options);
    expectValid(v6.objects);
    expect(valuesOf(v6.objects, 'ipv6-addr')).toEqual(['2001:db8::1']);
  });

  it.each([
    ['ipv4-addr', '10.1.2.3', 'private'],
    ['ipv4-addr', '100.64.0.1', 'carrierGradeNat'],
    ['ipv4-addr', '192.0.2.1', 'documentation'],
    ['ipv6-addr', '2001:db8::1', 'documentation'],
  ])('notes that %s %s (%s) is not routable', (type, value, range) => {
    const source = observable(type, value);
    const { objects, facts } = offlineEnrichment(source, options);
    expectValid(objects);
    expect(fact(facts, 'Address range')).toBe(range);
    expect(fact(facts, 'Routable on the internet')).toBe('no');
    expect(objects).toHaveLength(1);
    const note = objects[0];
    expect(note).toMatchObject({ type: 'note', object_refs: [source['id']], created_by_ref: identity, abstract: 'Not routable on the internet' });
    expect(String(note?.['content'])).toContain(value);
    expect(String(note?.['content'])).toContain('not routable on the public internet');
  });

  it('adds no note for a public unicast address', () => {
    const { objects, facts } = offlineEnrichment(observable('ipv4-addr', '8.8.8.8'), options);
    expect(objects).toEqual([]);
    expect(fact(facts, 'Address range')).toBe('unicast');
    expect(fact(facts, 'Routable on the internet')).toBe('yes');
  });

  it('lists the hash types of a file and flags a key that does not match its value', () => {
    const file: JsonObject = {
      type: 'file', spec_version: '2.1', id: 'file--5a2b1f0e-0000-4000-8000-000000000001',
      hashes: {
        MD5: 'd41d8cd98f00b204e9800998ecf8427e',
        'SHA-256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'SHA-1': 'd41d8cd98f00b204e9800998ecf8427e',
        SSDEEP: '3::',
      },
    };
    const { objects, facts } = offlineEnrichment(file, options);
    expect(objects).toEqual([]);
    expect(facts).toEqual([
      { label: 'Hash types', value: 'MD5, SHA-256' },
      { label: 'SHA-1', value: 'Looks like MD5 by its length and format.' },
      { label: 'SSDEEP', value: 'Does not look like any known hash algorithm.' },
    ]);
  });

  it('says nothing applies to other types', () => {
    const source = observable('email-addr', 'ops@evil.example');
    expect(offlineEnrichment(source, options)).toEqual({ objects: [], facts: [{ label: 'Offline enrichment', value: 'No offline enricher applies to this email-addr.' }] });
    expect(offlineEnrichment({ type: 'domain-name', value: 'x.example.com' }, options).objects).toEqual([]);
  });

  it('gives only valid STIX for any valid domain (property)', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        const { objects, facts } = offlineEnrichment(observable('domain-name', domain), options);
        expectValid(objects);
        expect(facts.length).toBeGreaterThan(0);
        const ids = objects.map((o) => o['id']);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });
});

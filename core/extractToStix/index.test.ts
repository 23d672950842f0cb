import { describe, expect, it } from 'vitest';
import type { ExtractedIndicator } from '../extract/types.ts';
import { hasErrors, TLP_2, validateObject } from '../stix/index.ts';
import { decaySettings, validUntilFor } from '../lifecycle/decay.ts';
import { authorIdentity, reportFor, toStixObjects } from './index.ts';

const now = '2026-11-23T10:00:00.000Z';

function item(type: ExtractedIndicator['type'], value: string, extra: Partial<ExtractedIndicator> = {}): ExtractedIndicator {
  return { type, value, flags: [], occurrences: [{ page: 1, offset: 0, length: value.length, context: value }], occurrenceCount: 1, ...extra };
}

const sample: ExtractedIndicator[] = [
  item('ipv4-addr', '198.51.100.7', { flags: [{ code: 'reserved', reason: 'documentation range' }] }),
  item('ipv4-addr', '203.0.113.0/24', { cidr: true }),
  item('ipv6-addr', '2001:db8::1'),
  item('domain-name', 'evil.example'),
  item('url', "http://evil.example/a'b"),
  item('email-addr', 'ops@evil.example'),
  item('file', 'd41d8cd98f00b204e9800998ecf8427e', { hash_type: 'MD5' }),
  item('file', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', { hash_type: 'SHA-256' }),
  item('file', '請求書.pdf.exe', { kind: 'name' }),
  item('windows-registry-key', 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run'),
  item('autonomous-system', 'AS64500'),
  item('mac-addr', '00:1a:2b:3c:4d:5e'),
  item('cryptocurrency-wallet', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', { currency: 'BTC' }),
  item('vulnerability', 'CVE-2017-11882'),
  item('attack-pattern', 'T1059.001', { attack_kind: 'sub-technique' }),
  item('attack-pattern', 'G0016', { attack_kind: 'group' }),
  item('attack-pattern', 'TA0001', { attack_kind: 'tactic' }),
];

describe('toStixObjects', () => {
  const options = { now, markingRefs: [TLP_2.green.id] };

  it('writes every value as valid STIX: an observable, an indicator with its pattern and a based-on relationship', () => {
    const { objects, counts, refs } = toStixObjects(sample, options);
    for (const object of objects) expect(hasErrors(validateObject(object)), JSON.stringify([object, validateObject(object)])).toBe(false);
    expect(counts).toEqual({ observables: 13, indicators: 13, relationships: 13, linked: 0, created: 4 });
    expect(new Set(refs).size).toBe(objects.length);
    const md5 = objects.find((object) => object['type'] === 'file' && JSON.stringify(object['hashes']).includes('d41d8'));
    const indicator = objects.find((object) => object['type'] === 'indicator' && object['name'] === 'd41d8cd98f00b204e9800998ecf8427e');
    expect(indicator?.['pattern']).toBe("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']");
    expect(objects.some((object) => object['type'] === 'relationship' && object['source_ref'] === indicator?.['id'] && object['target_ref'] === md5?.['id'])).toBe(true);
    // Quotes in values are escaped in the pattern.
    expect(objects.find((object) => object['type'] === 'indicator' && object['name'] === "http://evil.example/a'b")?.['pattern']).toBe("[url:value = 'http://evil.example/a\\'b']");
    expect(objects.find((object) => object['type'] === 'autonomous-system')?.['number']).toBe(64500);
    expect(objects.every((object) => object['type'] === 'cryptocurrency-wallet' || object['spec_version'] === '2.1')).toBe(true);
  });

  it('marks what it creates, and types a flagged value ticked anyway as of unknown intent', () => {
    const { objects } = toStixObjects(sample, options);
    const indicators = objects.filter((object) => object['type'] === 'indicator');
    expect(indicators.every((object) => JSON.stringify(object['object_marking_refs']) === JSON.stringify([TLP_2.green.id]))).toBe(true);
    // Observables too: an unmarked one would leave in every export as TLP:CLEAR.
    const observables = objects.filter((object) => !['indicator', 'relationship', 'vulnerability', 'attack-pattern', 'intrusion-set', 'x-mitre-tactic'].includes(String(object['type'])));
    expect(observables).toHaveLength(13);
    expect(observables.every((object) => JSON.stringify(object['object_marking_refs']) === JSON.stringify([TLP_2.green.id]))).toBe(true);
    expect(indicators.find((object) => object['name'] === '198.51.100.7')?.['indicator_types']).toEqual(['unknown']);
    expect(indicators.find((object) => object['name'] === 'evil.example')?.['indicator_types']).toEqual(['malicious-activity']);
  });

  it('links CVE and ATT&CK ids the knowledge base already holds, and writes the other ATT&CK ids as placeholders it lists', () => {
    const existing = new Map([['CVE-2017-11882', 'vulnerability--0c1b6a6c-0000-4000-8000-000000000001']]);
    const { objects, refs, counts, skipped, placeholders } = toStixObjects(sample, { ...options, existing });
    expect(refs).toContain('vulnerability--0c1b6a6c-0000-4000-8000-000000000001');
    expect(objects.some((object) => object['type'] === 'vulnerability')).toBe(false);
    expect(counts.linked).toBe(1);
    expect(objects.find((object) => object['type'] === 'attack-pattern')?.['external_references']).toEqual([
      { source_name: 'mitre-attack', external_id: 'T1059.001', url: 'https://attack.mitre.org/techniques/T1059/001/' },
    ]);
    expect(objects.find((object) => object['type'] === 'intrusion-set')?.['name']).toBe('G0016');
    // A tactic is kept too, as ATT&CK writes it, not dropped.
    expect(skipped).toEqual([]);
    expect(placeholders).toEqual([
      { value: 'T1059.001', type: 'attack-pattern' },
      { value: 'G0016', type: 'intrusion-set' },
      { value: 'TA0001', type: 'x-mitre-tactic' },
    ]);
    const placeholderObjects = objects.filter((object) => object['x_magpie_placeholder'] === true);
    expect(placeholderObjects).toHaveLength(3);
    expect(placeholderObjects.every((object) => refs.includes(String(object['id'])) && !hasErrors(validateObject(object)))).toBe(true);
  });

  it('gives the same ids for the same values, so a second commit merges', () => {
    const first = toStixObjects(sample, options).objects.map((object) => object['id']);
    const second = toStixObjects(sample, { ...options, now: '2027-01-01T00:00:00.000Z' }).objects.map((object) => object['id']);
    expect(second).toEqual(first);
  });
});

describe('reportFor', () => {
  it('is a valid report keyed by the file, referring to everything, with the file hash and the author', () => {
    const { refs } = toStixObjects(sample, { now });
    const author = authorIdentity('Kawasemi Security', now);
    const file = { name: 'report.pdf', sha256: 'ab'.repeat(32) };
    const report = reportFor({ name: 'VPN intrusion', published: '2024-03-01T00:00:00.000Z', author: 'Kawasemi Security', lang: 'ja', file }, refs, { now, createdByRef: String(author['id']), markingRefs: [TLP_2.amber.id] });
    expect(hasErrors(validateObject(report))).toBe(false);
    expect(hasErrors(validateObject(author))).toBe(false);
    expect(report['object_refs']).toEqual(refs);
    expect(report['created_by_ref']).toBe(author['id']);
    expect(JSON.stringify(report['external_references'])).toContain('ab'.repeat(32));
    expect(reportFor({ name: 'other name', published: '2025-01-01T00:00:00.000Z', file }, refs, { now })['id']).toBe(report['id']);
  });
});

describe('extracted indicators age (issue 21)', () => {
  const indicatorFor = (value: string, settings?: Parameters<typeof toStixObjects>[1]['decay']) =>
    toStixObjects(sample, { now, ...(settings ? { decay: settings } : {}) }).objects.find((object) => object['type'] === 'indicator' && object['name'] === value);

  it('gives each indicator valid_until one lifetime of its type from now, a reviewed confidence and its base score', () => {
    // The analyst ticked it: confidence 75; no reliability known, weighed like C (0.75): score 56.
    expect(indicatorFor('evil.example')).toMatchObject({ valid_from: now, valid_until: validUntilFor('domain-name', new Date(now)), confidence: 75, x_opencti_score: 56 });
    expect(indicatorFor('ops@evil.example')?.['valid_until']).toBe('2027-05-22T10:00:00.000Z');
    // Flagged as probably benign and ticked anyway: confidence 50.
    expect(indicatorFor('198.51.100.7')).toMatchObject({ valid_until: '2026-12-23T10:00:00.000Z', confidence: 50 });
    for (const object of toStixObjects(sample, { now }).objects) expect(hasErrors(validateObject(object))).toBe(false);
  });

  it('takes the analyst\'s lifetimes', () => {
    expect(indicatorFor('evil.example', decaySettings({ lifetimeDays: { 'domain-name': 10 } }))?.['valid_until']).toBe('2026-12-03T10:00:00.000Z');
  });
});

/**
 * The converter on VirusTotal's real answers (../shared/fixtures/virustotal, from OpenCTI's
 * VirusTotal connector tests and msticpy's test data; see the fixtures' PROVENANCE.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateScoId, hasErrors, identityId, TLP_2, validateObject, type JsonObject } from '../../../core/stix/index.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../../testkit/fixtures.ts';
import { domainToStix, fileToStix, ipToStix, urlToStix } from './convert.ts';
import type { EnrichmentResult } from './enrichment.ts';
import { parseDomain, parseFile, parseIpAddress, parseUrl } from './schema.ts';

const SAMPLES = ['opencti-vt_test_file.json', 'msticpy-vt3_file_1.json', 'opencti-vt_test_ipv4.json', 'opencti-vt_test_domain.json', 'opencti-vt_test_url.json'];
const available = fixturesAvailable && SAMPLES.every((name) => hasFixture('virustotal', name));
const IDENTITY = identityId('VirusTotal', 'organization');
const OPTIONS = { identityId: IDENTITY, now: () => new Date('2026-01-01T00:00:00.000Z') };

function sample(name: string): unknown {
  return JSON.parse(readFileSync(fixturePath('virustotal', name), 'utf8'));
}

function sco(properties: JsonObject): JsonObject {
  return { ...properties, spec_version: '2.1', id: generateScoId(String(properties['type']), properties), object_marking_refs: [TLP_2.green.id] };
}

function ofType(result: EnrichmentResult, type: string): JsonObject[] {
  return result.objects.filter((object) => object['type'] === type);
}

function expectValidAndStable(result: EnrichmentResult, again: EnrichmentResult): void {
  for (const object of result.objects) {
    expect(hasErrors(validateObject(object)), String(object['id'])).toBe(false);
    expect(object['created_by_ref']).toBe(IDENTITY);
  }
  expect(again).toEqual(result);
}

describe.skipIf(!available)(`VirusTotal's real answers to STIX${available ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  it("completes a file by SHA-256 (OpenCTI's sample)", () => {
    const observable = sco({ type: 'file', hashes: { 'SHA-256': '4bc00f7d638e042da764e8648c03c0db46700599dd4f08d117e3e9e8b538519b' } });
    const response = parseFile(sample('opencti-vt_test_file.json'));
    const result = fileToStix(observable, response, OPTIONS);
    expectValidAndStable(result, fileToStix(observable, parseFile(sample('opencti-vt_test_file.json')), OPTIONS));
    expect(result.objects[0]).toMatchObject({
      id: observable['id'],
      hashes: { MD5: '546bb6ef89bebfb053999777f6930d7e', 'SHA-1': '44392b16e2db656104579e83d603b363bf91ccb2', 'SHA-256': '4bc00f7d638e042da764e8648c03c0db46700599dd4f08d117e3e9e8b538519b' },
      size: 87040, mime_type: 'application/octet-stream', x_opencti_score: 72,
    });
    // Its only name is ".", which names no file.
    expect(result.objects[0]?.['name']).toBeUndefined();
    const note = ofType(result, 'note')[0];
    expect(note).toMatchObject({ abstract: 'VirusTotal: 47/65 engines flag this file as malicious', labels: ['pedll'], object_marking_refs: [TLP_2.green.id] });
    expect(note?.['content']).toContain('- and 37 more');
  });

  it("completes a file by MD5 (msticpy's sample, without the data wrapper)", () => {
    const observable = sco({ type: 'file', hashes: { MD5: 'B61A4B8883BA9B9D4D85BDAECAB71722' } });
    const result = fileToStix(observable, parseFile(sample('msticpy-vt3_file_1.json')), OPTIONS);
    expectValidAndStable(result, fileToStix(observable, parseFile(sample('msticpy-vt3_file_1.json')), OPTIONS));
    expect(result.objects[0]).toMatchObject({ name: 'itami.exe', size: 44032, hashes: { 'SHA-256': '03bd9a94482f180bb047626cb2f27ccf8daa0e201345480b43585580e09c311b' } });
    expect(ofType(result, 'note')[0]?.['labels']).toContain('obfuscated');
  });

  it('gives an IPv4 address its AS and country', () => {
    const observable = sco({ type: 'ipv4-addr', value: '138.128.150.133' });
    const result = ipToStix(observable, parseIpAddress(sample('opencti-vt_test_ipv4.json')), OPTIONS);
    expectValidAndStable(result, ipToStix(observable, parseIpAddress(sample('opencti-vt_test_ipv4.json')), OPTIONS));
    expect(ofType(result, 'autonomous-system')).toMatchObject([{ number: 13886, name: 'CLOUD-SOUTH', rir: 'RIPE NCC' }]);
    expect(ofType(result, 'location')).toMatchObject([{ country: 'GB' }]);
    expect(ofType(result, 'relationship').map((r) => r['relationship_type'])).toEqual(['belongs-to', 'located-at']);
    expect(ofType(result, 'note')[0]?.['abstract']).toBe('VirusTotal: 4/93 engines flag this IP address as malicious');
  });

  it("notes a domain's registrar, creation date and categories; its anonymised A records are skipped with a warning", () => {
    const observable = sco({ type: 'domain-name', value: 'tawuhoju.com' });
    const result = domainToStix(observable, parseDomain(sample('opencti-vt_test_domain.json')), OPTIONS);
    expectValidAndStable(result, domainToStix(observable, parseDomain(sample('opencti-vt_test_domain.json')), OPTIONS));
    // OpenCTI's sample replaced the addresses with impossible ones (66.0.543.66).
    expect(result.warnings).toHaveLength(4);
    for (const warning of result.warnings) expect(warning).toMatch(/^Skipped the resolution of tawuhoju\.com to 66\.0\.543\.\d+: Expected an IPv4 address/);
    expect(ofType(result, 'relationship')).toEqual([]);
    const note = ofType(result, 'note')[0];
    expect(note?.['content']).toContain('Registrar: CommuniGal Communication Ltd.');
    expect(note?.['content']).toContain('Created: 2016-12-29T13:28:19.000Z');
    expect(note?.['labels']).toEqual(['Malicious', 'mobile communications', 'malicious web sites', 'Malware Sites']);
  });

  it('relates a URL to the domain it is on', () => {
    const observable = sco({ type: 'url', value: 'http://soclosebutyetqq.com/69.exe' });
    const result = urlToStix(observable, parseUrl(sample('opencti-vt_test_url.json')), OPTIONS);
    expectValidAndStable(result, urlToStix(observable, parseUrl(sample('opencti-vt_test_url.json')), OPTIONS));
    expect(ofType(result, 'domain-name')).toMatchObject([{ value: 'soclosebutyetqq.com' }]);
    // The final URL is the URL itself here: no second url object.
    expect(ofType(result, 'url')).toHaveLength(1);
    expect(ofType(result, 'note')[0]).toMatchObject({ abstract: 'VirusTotal: 11/93 engines flag this URL as malicious', labels: ['media sharing', 'known infection source', 'bot networks', 'command and control', 'Spyware and Adware'] });
    expect(result.objects[0]?.['x_opencti_score']).toBe(12);
  });
});

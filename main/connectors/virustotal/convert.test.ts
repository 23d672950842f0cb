import { describe, expect, it } from 'vitest';
import { derivedId, generateScoId, hasErrors, identityId, TLP_2, validateObject, type JsonObject } from '../../../core/stix/index.ts';
import { domainToStix, fileToStix, ipToStix, urlToStix } from './convert.ts';
import { parseDomain, parseFile, parseIpAddress, parseResolutions, parseUrl, VirusTotalError } from './schema.ts';

const IDENTITY = identityId('VirusTotal', 'organization');
const OPTIONS = { identityId: IDENTITY, now: () => new Date('2026-01-01T00:00:00.000Z') };
const SHA256 = 'a'.repeat(64);
const MD5 = 'b'.repeat(32);
const SHA1 = 'c'.repeat(40);
const ANALYSED = 1_700_000_000;
const ANALYSED_AT = '2023-11-14T22:13:20.000Z';

function sco(properties: JsonObject): JsonObject {
  return { ...properties, spec_version: '2.1', id: generateScoId(String(properties['type']), properties), object_marking_refs: [TLP_2.amber.id] };
}

function byType(objects: readonly JsonObject[], type: string): JsonObject[] {
  return objects.filter((object) => object['type'] === type);
}

function relation(objects: readonly JsonObject[], kind: string): JsonObject[] {
  return objects.filter((object) => object['type'] === 'relationship' && object['relationship_type'] === kind);
}

function expectValid(objects: readonly JsonObject[]): void {
  for (const object of objects) {
    expect(hasErrors(validateObject(object)), `${String(object['id'])}: ${JSON.stringify(validateObject(object))}`).toBe(false);
    expect(object['created_by_ref'], String(object['id'])).toBe(IDENTITY);
  }
}

const engines = {
  Zeta: { category: 'malicious', engine_name: 'Zeta', result: 'Trojan.Gen' },
  Alpha: { category: 'malicious', engine_name: 'Alpha', result: 'Win32/Loader' },
  Beta: { category: 'suspicious', engine_name: 'Beta', result: null },
  Gamma: { category: 'undetected', engine_name: 'Gamma', result: null },
};
const stats = { harmless: 1, malicious: 2, suspicious: 1, undetected: 6, timeout: 3 };

describe('a VirusTotal file answer to STIX', () => {
  const observable = sco({ type: 'file', hashes: { 'SHA-256': SHA256.toUpperCase() } });
  const response = parseFile({
    data: {
      type: 'file', id: SHA256,
      attributes: {
        md5: MD5, sha1: SHA1, sha256: SHA256, size: 4096, names: ['.', 'dropper.exe', 'copy.exe'], meaningful_name: 'dropper.exe',
        type_description: 'Win32 EXE', exiftool: { MIMEType: 'application/x-dosexec' }, tags: ['peexe', 'peexe', 'signed'],
        last_analysis_stats: stats, last_analysis_results: engines, last_analysis_date: ANALYSED,
      },
    },
  });
  const { objects, warnings } = fileToStix(observable, response, OPTIONS);

  it('yields valid STIX, all created by the connector, and no warnings', () => {
    expectValid(objects);
    expect(warnings).toEqual([]);
  });

  it('completes the observable, keeping its id and markings, with the OpenCTI score', () => {
    expect(objects[0]).toMatchObject({
      id: observable['id'],
      hashes: { MD5, 'SHA-1': SHA1, 'SHA-256': SHA256 },
      size: 4096, name: 'dropper.exe', mime_type: 'application/x-dosexec', object_marking_refs: [TLP_2.amber.id], x_opencti_score: 22,
    });
  });

  it('writes a note with the verdicts, the flagging engines, tags as labels and the VirusTotal link', () => {
    const [note] = byType(objects, 'note');
    expect(note).toMatchObject({
      id: derivedId('note', { source: 'VirusTotal', object_ref: observable['id'] }),
      abstract: 'VirusTotal: 2/10 engines flag this file as malicious',
      object_refs: [observable['id']],
      labels: ['peexe', 'signed'],
      object_marking_refs: [TLP_2.amber.id],
      created: ANALYSED_AT, modified: ANALYSED_AT,
      external_references: [{ source_name: 'VirusTotal', url: `https://www.virustotal.com/gui/file/${SHA256}`, external_id: SHA256 }],
    });
    const content = String(note?.['content']);
    expect(content).toContain('Detection ratio: 2/10 (score 22/100)');
    expect(content).toContain('Names: dropper.exe, copy.exe');
    expect(content).toContain('Flagged by:\n- Alpha: Win32/Loader\n- Zeta: Trojan.Gen\n- Beta: suspicious');
    expect(content).not.toContain('Gamma');
  });

  it('is deterministic', () => {
    expect(fileToStix(observable, response, { ...OPTIONS, now: () => new Date() })).toEqual({ objects, warnings });
  });

  it('refuses an answer about another file', () => {
    const other = sco({ type: 'file', hashes: { MD5: 'd'.repeat(32) } });
    expect(() => fileToStix(other, response, OPTIONS)).toThrow(VirusTotalError);
    expect(() => fileToStix(sco({ type: 'domain-name', value: 'example.com' }), response, OPTIONS)).toThrow(/enriches file observables, not domain-name/);
  });
});

describe('a VirusTotal IP address answer to STIX', () => {
  const observable = sco({ type: 'ipv4-addr', value: '203.0.113.7' });
  const response = parseIpAddress({
    data: {
      type: 'ip_address', id: '203.0.113.7',
      attributes: { asn: 64500, as_owner: 'EXAMPLE-AS', country: 'gb', network: '203.0.113.0/24', tags: [], last_analysis_stats: stats, last_analysis_results: engines, last_modification_date: ANALYSED },
    },
  });
  const resolutions = parseResolutions({
    data: [
      { type: 'resolution', id: '203.0.113.7bad.example', attributes: { host_name: 'bad.example', ip_address: '203.0.113.7', date: 1_600_000_000 } },
      { type: 'resolution', id: '203.0.113.7BAD.example', attributes: { host_name: 'BAD.example', ip_address: '203.0.113.7', date: 1_650_000_000 } },
      { type: 'resolution', id: '203.0.113.7once.example', attributes: { host_name: 'once.example', ip_address: '203.0.113.7', date: 1_600_000_000 } },
      { type: 'resolution', id: '198.51.100.1other.example', attributes: { host_name: 'other.example', ip_address: '198.51.100.1', date: 1_600_000_000 } },
    ],
  });
  const { objects, warnings } = ipToStix(observable, response, OPTIONS, resolutions);

  it('yields valid STIX, all created by the connector', () => {
    expectValid(objects);
    expect(warnings).toEqual([]);
  });

  it('links the address to its autonomous system and its country', () => {
    const system = byType(objects, 'autonomous-system')[0];
    expect(system).toMatchObject({ number: 64500, name: 'EXAMPLE-AS' });
    expect(relation(objects, 'belongs-to')).toMatchObject([{ source_ref: observable['id'], target_ref: system?.['id'], object_marking_refs: [TLP_2.amber.id] }]);
    const location = byType(objects, 'location')[0];
    expect(location).toMatchObject({ country: 'GB', name: 'United Kingdom', id: derivedId('location', { country: 'GB' }) });
    expect(location?.['object_marking_refs']).toBeUndefined();
    expect(relation(objects, 'located-at')).toMatchObject([{ source_ref: observable['id'], target_ref: location?.['id'] }]);
  });

  it('turns passive DNS into domain names resolving to it, first and last seen as start and stop times', () => {
    const domains = byType(objects, 'domain-name').map((domain) => domain['value']);
    expect(domains).toEqual(['bad.example', 'once.example']);
    const resolves = relation(objects, 'resolves-to');
    expect(resolves).toHaveLength(2);
    expect(resolves[0]).toMatchObject({ target_ref: observable['id'], start_time: '2020-09-13T12:26:40.000Z', stop_time: '2022-04-15T05:20:00.000Z' });
    expect(resolves[1]).toMatchObject({ start_time: '2020-09-13T12:26:40.000Z' });
    expect(resolves[1]?.['stop_time']).toBeUndefined();
  });

  it('scores the address and notes the ratio', () => {
    expect(objects[0]).toMatchObject({ id: observable['id'], x_opencti_score: 22 });
    expect(byType(objects, 'note')[0]).toMatchObject({ abstract: 'VirusTotal: 2/10 engines flag this IP address as malicious' });
  });

  it('refuses an answer about another address', () => {
    expect(() => ipToStix(sco({ type: 'ipv4-addr', value: '198.51.100.1' }), response, OPTIONS)).toThrow(/about 203\.0\.113\.7, not 198\.51\.100\.1/);
  });
});

describe('a VirusTotal domain answer to STIX', () => {
  const observable = sco({ type: 'domain-name', value: 'bad.example' });
  const response = parseDomain({
    data: {
      type: 'domain', id: 'bad.example',
      attributes: {
        registrar: 'Example Registrar', creation_date: 1_500_000_000, categories: { Webroot: 'Malware Sites', Sophos: 'command and control' },
        last_dns_records: [{ type: 'A', value: '203.0.113.7', ttl: 60 }, { type: 'AAAA', value: '2001:DB8::1', ttl: 60 }, { type: 'NS', value: 'ns1.example', ttl: 60 }, { type: 'A', value: '66.0.543.66' }],
        last_dns_records_date: 1_650_000_000, last_analysis_stats: stats, last_analysis_results: {}, last_modification_date: ANALYSED,
      },
    },
  });
  const resolutions = parseResolutions({ data: [{ attributes: { host_name: 'bad.example', ip_address: '203.0.113.7', date: 1_600_000_000 } }] });
  const { objects, warnings } = domainToStix(observable, response, OPTIONS, resolutions);

  it('yields valid STIX, all created by the connector, skipping a malformed record with a warning', () => {
    expectValid(objects);
    expect(warnings).toEqual([expect.stringMatching(/^Skipped the resolution of bad\.example to 66\.0\.543\.66: /)]);
  });

  it('resolves the domain to its current and past addresses', () => {
    expect(byType(objects, 'ipv4-addr').map((ip) => ip['value'])).toEqual(['203.0.113.7']);
    expect(byType(objects, 'ipv6-addr').map((ip) => ip['value'])).toEqual(['2001:db8::1']);
    const resolves = relation(objects, 'resolves-to');
    expect(resolves.map((r) => r['source_ref'])).toEqual([observable['id'], observable['id']]);
    expect(resolves[0]).toMatchObject({ start_time: '2020-09-13T12:26:40.000Z', stop_time: '2022-04-15T05:20:00.000Z' });
    expect(byType(objects, 'domain-name')).toHaveLength(1);
  });

  it('notes the registrar, creation date and categories, the categories as labels', () => {
    const note = byType(objects, 'note')[0];
    expect(note?.['labels']).toEqual(['command and control', 'Malware Sites']);
    expect(note?.['content']).toContain('Registrar: Example Registrar');
    expect(note?.['content']).toContain('Created: 2017-07-14T02:40:00.000Z');
    expect(note?.['external_references']).toEqual([{ source_name: 'VirusTotal', url: 'https://www.virustotal.com/gui/domain/bad.example', external_id: 'bad.example' }]);
  });
});

describe('a VirusTotal URL answer to STIX', () => {
  const observable = sco({ type: 'url', value: 'http://short.example/x' });
  const response = parseUrl({
    data: {
      type: 'url', id: SHA256,
      attributes: { url: 'http://short.example/x', last_final_url: 'https://203.0.113.7/payload.exe', threat_names: ['C2/Generic-A'], categories: {}, tags: [], last_analysis_stats: stats },
    },
  });
  const { objects, warnings } = urlToStix(observable, response, OPTIONS);

  it('yields valid STIX, all created by the connector', () => {
    expectValid(objects);
    expect(warnings).toEqual([]);
  });

  it('relates the URL to its final URL and each to the host it is on', () => {
    const final = byType(objects, 'url').find((url) => url['value'] === 'https://203.0.113.7/payload.exe');
    const domain = byType(objects, 'domain-name')[0];
    const ip = byType(objects, 'ipv4-addr')[0];
    expect(domain?.['value']).toBe('short.example');
    expect(ip?.['value']).toBe('203.0.113.7');
    expect(relation(objects, 'related-to').map((r) => [r['source_ref'], r['target_ref']])).toEqual([
      [observable['id'], domain?.['id']],
      [observable['id'], final?.['id']],
      [final?.['id'], ip?.['id']],
    ]);
    expect(byType(objects, 'note')[0]?.['content']).toContain('Final URL: https://203.0.113.7/payload.exe');
  });

  it('uses the clock when the answer has no date', () => {
    expect(byType(objects, 'note')[0]).toMatchObject({ created: '2026-01-01T00:00:00.000Z' });
  });

  it('gives no ratio and no score for a URL VirusTotal has not analysed', () => {
    const fresh = urlToStix(observable, parseUrl({ data: { type: 'url', id: SHA256, attributes: {} } }), OPTIONS);
    expectValid(fresh.objects);
    expect(fresh.objects[0]?.['x_opencti_score']).toBeUndefined();
    const note = byType(fresh.objects, 'note')[0];
    expect(note).toMatchObject({ abstract: 'VirusTotal has no analysis of this URL' });
    expect(note?.['content']).toBe('Not analysed by VirusTotal yet');
  });
});

describe('parsing VirusTotal answers', () => {
  it('rejects garbage with an error naming the field', () => {
    expect(() => parseFile({ data: { type: 'file', id: 'x', attributes: { md5: 42 } } })).toThrow(VirusTotalError);
    expect(() => parseFile({ data: { type: 'file', id: 'x', attributes: { md5: 42 } } })).toThrow(/VirusTotal file response not understood: attributes\.md5: /);
    expect(() => parseIpAddress('<html>')).toThrow(/IP address response not understood/);
    expect(() => parseDomain(null)).toThrow(VirusTotalError);
    expect(() => parseUrl({ data: { type: 'file', id: 'x', attributes: {} } })).toThrow(/type: /);
    expect(() => parseResolutions({ data: [{ attributes: { host_name: 'a.example' } }] })).toThrow(/data\.0\.attributes\.ip_address/);
  });

  it('accepts an object without its data wrapper, as msticpy stores them', () => {
    expect(parseIpAddress({ type: 'ip_address', id: '203.0.113.7', attributes: {} }).attributes.tags).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { generateScoId, vulnerabilityId, type JsonObject } from '../stix/index.ts';
import { mispEventToStix } from './index.ts';
import { attribute, EVENT_UUID, mispEvent, NOW, ofType, problemsOf } from './testdata/events.ts';

function convert(...attributes: Record<string, unknown>[]): { objects: JsonObject[]; warnings: string[] } {
  const result = mispEventToStix({ Event: mispEvent({ Attribute: attributes }) }, { now: NOW });
  expect(problemsOf(result.objects)).toEqual([]);
  return result;
}

/** The objects an attribute gave, without the event's report and author. */
function made(objects: readonly JsonObject[]): JsonObject[] {
  return objects.filter((object) => !['report', 'identity'].includes(object['type'] as string));
}

const sha256 = 'c5d29ad2c8e1f5a7b7f9a31b1fe0f7c0d21f3ad3b6b2b6b8e84d4f14b7d36a11';

describe('attribute values as observables and patterns', () => {
  it.each<[string, string, string, Record<string, unknown>, string]>([
    ['ip-dst', '198.51.100.7', 'ipv4-addr', { value: '198.51.100.7' }, "[ipv4-addr:value = '198.51.100.7']"],
    ['ip-src', '2001:db8::1', 'ipv6-addr', { value: '2001:db8::1' }, "[ipv6-addr:value = '2001:db8::1']"],
    ['domain', 'Evil.Example', 'domain-name', { value: 'evil.example' }, "[domain-name:value = 'evil.example']"],
    ['hostname', 'www.evil.example', 'domain-name', { value: 'www.evil.example' }, "[domain-name:value = 'www.evil.example']"],
    ['url', 'http://evil.example/a?b=1', 'url', { value: 'http://evil.example/a?b=1' }, "[url:value = 'http://evil.example/a?b=1']"],
    ['uri', 'http://evil.example/gate.php', 'url', { value: 'http://evil.example/gate.php' }, "[url:value = 'http://evil.example/gate.php']"],
    ['email', 'a@evil.example', 'email-addr', { value: 'a@evil.example' }, "[email-addr:value = 'a@evil.example']"],
    ['email-src', 'b@evil.example', 'email-addr', { value: 'b@evil.example' }, "[email-addr:value = 'b@evil.example']"],
    ['email-dst', 'c@victim.example', 'email-addr', { value: 'c@victim.example' }, "[email-addr:value = 'c@victim.example']"],
    ['email-subject', "Your invoice's ready", 'email-message', { subject: "Your invoice's ready", is_multipart: false }, "[email-message:subject = 'Your invoice\\'s ready']"],
    ['md5', 'D41D8CD98F00B204E9800998ECF8427E', 'file', { hashes: { MD5: 'd41d8cd98f00b204e9800998ecf8427e' } }, "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"],
    ['sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', 'file', { hashes: { 'SHA-1': 'da39a3ee5e6b4b0d3255bfef95601890afd80709' } }, "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']"],
    ['sha256', sha256, 'file', { hashes: { 'SHA-256': sha256 } }, `[file:hashes.'SHA-256' = '${sha256}']`],
    ['sha512', 'ab'.repeat(64), 'file', { hashes: { 'SHA-512': 'ab'.repeat(64) } }, `[file:hashes.'SHA-512' = '${'ab'.repeat(64)}']`],
    ['ssdeep', '96:s4Ud1Lj96tHHlZDrwciQmA:s4Ud1L', 'file', { hashes: { SSDEEP: '96:s4Ud1Lj96tHHlZDrwciQmA:s4Ud1L' } }, "[file:hashes.SSDEEP = '96:s4Ud1Lj96tHHlZDrwciQmA:s4Ud1L']"],
    ['filename', 'invoice.pdf.exe', 'file', { name: 'invoice.pdf.exe' }, "[file:name = 'invoice.pdf.exe']"],
    ['filename|sha256', `invoice.exe|${sha256}`, 'file', { name: 'invoice.exe', hashes: { 'SHA-256': sha256 } }, `[file:hashes.'SHA-256' = '${sha256}' AND file:name = 'invoice.exe']`],
    ['filename|md5', 'a.dll|d41d8cd98f00b204e9800998ecf8427e', 'file', { name: 'a.dll', hashes: { MD5: 'd41d8cd98f00b204e9800998ecf8427e' } }, "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e' AND file:name = 'a.dll']"],
    ['mutex', 'Global\\x', 'mutex', { name: 'Global\\x' }, "[mutex:name = 'Global\\\\x']"],
    ['regkey', 'HKLM\\Software\\Run', 'windows-registry-key', { key: 'HKLM\\Software\\Run' }, "[windows-registry-key:key = 'HKLM\\\\Software\\\\Run']"],
    ['regkey|value', 'HKCU\\Run|c:\\a.exe', 'windows-registry-key', { key: 'HKCU\\Run', values: [{ data: 'c:\\a.exe' }] }, "[windows-registry-key:key = 'HKCU\\\\Run' AND windows-registry-key:values[*].data = 'c:\\\\a.exe']"],
    ['AS', 'AS13335', 'autonomous-system', { number: 13335 }, '[autonomous-system:number = 13335]'],
    ['mac-address', '00-1B-63-84-45-E6', 'mac-addr', { value: '00:1b:63:84:45:e6' }, "[mac-addr:value = '00:1b:63:84:45:e6']"],
    ['btc', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', 'cryptocurrency-wallet', { value: '1BoatSLRHtKNngkdXEeobR76b53LETtpyT' }, "[cryptocurrency-wallet:value = '1BoatSLRHtKNngkdXEeobR76b53LETtpyT']"],
  ])('%s "%s" → %s', (type, value, scoType, properties, pattern) => {
    const { objects, warnings } = convert(attribute(type, value));
    expect(warnings).toEqual([]);
    const [observable, ...more] = ofType(objects, scoType);
    expect(more).toEqual([]);
    expect(observable).toMatchObject(properties);
    const indicator = ofType(objects, 'indicator')[0];
    expect(indicator).toMatchObject({ pattern, pattern_type: 'stix', name: value, indicator_types: ['malicious-activity'], valid_from: '2024-03-01T12:00:00.000Z' });
    expect(ofType(objects, 'relationship')).toEqual([
      expect.objectContaining({ relationship_type: 'based-on', source_ref: indicator?.['id'], target_ref: observable?.['id'] }),
    ]);
  });

  it('gives observables the spec’s deterministic ids, and indicators the attribute’s uuid', () => {
    const input = attribute('domain', 'evil.example');
    const { objects } = convert(input);
    expect(ofType(objects, 'domain-name')[0]?.['id']).toBe(generateScoId('domain-name', { value: 'evil.example' }));
    expect(ofType(objects, 'indicator')[0]?.['id']).toBe(`indicator--${String(input['uuid'])}`);
  });

  it('bounds the indicator by first_seen and last_seen, and labels it with the attribute’s tags', () => {
    const { objects } = convert(attribute('domain', 'evil.example', {
      first_seen: '2024-02-01T08:00:00.000000+00:00', last_seen: '2024-02-20T08:00:00.000000+0000', Tag: [{ name: 'kill-chain:c2' }, { name: 'tlp:green' }],
    }));
    expect(ofType(objects, 'indicator')[0]).toMatchObject({ valid_from: '2024-02-01T08:00:00.000Z', valid_until: '2024-02-20T08:00:00.000Z', labels: ['kill-chain:c2'] });
  });

  it('makes only the observable when the value is not for detection (to_ids false)', () => {
    const { objects } = convert(attribute('ip-dst', '198.51.100.7', { to_ids: false }));
    expect(made(objects).map((object) => object['type'])).toEqual(['ipv4-addr']);
  });

  it('ip|port: the address and the traffic to its port', () => {
    const { objects } = convert(attribute('ip-dst|port', '198.51.100.7|8443'));
    const ip = ofType(objects, 'ipv4-addr')[0];
    expect(ofType(objects, 'network-traffic')).toEqual([expect.objectContaining({ dst_ref: ip?.['id'], dst_port: 8443, protocols: ['ipv4'] })]);
    expect(ofType(objects, 'indicator')[0]?.['pattern']).toBe("[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '198.51.100.7' AND network-traffic:dst_port = 8443]");
    expect(ofType(objects, 'relationship')[0]?.['target_ref']).toBe(ip?.['id']);
  });

  it('domain|ip: the domain resolving to the address', () => {
    const { objects } = convert(attribute('domain|ip', 'evil.example|198.51.100.7'));
    const ip = ofType(objects, 'ipv4-addr')[0];
    expect(ofType(objects, 'domain-name')).toEqual([expect.objectContaining({ value: 'evil.example', resolves_to_refs: [ip?.['id']] })]);
    expect(ofType(objects, 'indicator')[0]?.['pattern']).toBe("[domain-name:value = 'evil.example' AND domain-name:resolves_to_refs[*].value = '198.51.100.7']");
  });

  it('keeps one observable per value, combining what several attributes say about it', () => {
    const { objects } = convert(attribute('domain', 'evil.example'), attribute('hostname', 'evil.example', { to_ids: false }), attribute('domain|ip', 'evil.example|198.51.100.7'));
    expect(ofType(objects, 'domain-name')).toEqual([expect.objectContaining({ value: 'evil.example', resolves_to_refs: [expect.stringMatching(/^ipv4-addr--/)] })]);
    expect(ofType(objects, 'indicator')).toHaveLength(2);
  });

  it('a user agent: an indicator with the HTTP header pattern, or a note when not for detection', () => {
    const detect = convert(attribute('user-agent', 'EvilBot/1.0'));
    expect(made(detect.objects).map((object) => object['type'])).toEqual(['indicator']);
    expect(detect.objects.find((object) => object['type'] === 'indicator')?.['pattern']).toBe("[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = 'EvilBot/1.0']");
    const keep = convert(attribute('user-agent', 'EvilBot/1.0', { to_ids: false }));
    expect(ofType(keep.objects, 'note')).toEqual([expect.objectContaining({ content: 'user-agent: EvilBot/1.0' })]);
  });
});

describe('attributes that are context rather than observables', () => {
  it('link → an external reference of the report, not an observable', () => {
    const { objects } = convert(attribute('link', 'https://blog.example/x', { category: 'External analysis', comment: 'Vendor write-up' }));
    expect(made(objects)).toEqual([]);
    expect(ofType(objects, 'report')[0]?.['external_references']).toContainEqual({ source_name: 'External analysis', url: 'https://blog.example/x', description: 'Vendor write-up' });
  });

  it('vulnerability → a vulnerability with its CVE reference, under the shared CVE id', () => {
    const { objects } = convert(attribute('vulnerability', 'cve-2021-44228', { comment: 'Log4Shell' }));
    expect(made(objects)).toEqual([expect.objectContaining({
      type: 'vulnerability', id: vulnerabilityId('CVE-2021-44228'), name: 'CVE-2021-44228', description: 'Log4Shell',
      external_references: [{ source_name: 'cve', external_id: 'CVE-2021-44228' }],
    })]);
  });

  it.each(['text', 'comment'])('%s → a note on the report', (type) => {
    const { objects } = convert(attribute(type, '条イ音態ぞゃご法説イシ技', { comment: 'Summary' }));
    expect(made(objects)).toEqual([expect.objectContaining({ type: 'note', abstract: 'Summary', content: '条イ音態ぞゃご法説イシ技', object_refs: [`report--${EVENT_UUID}`] })]);
  });

  it.each([
    ['yara', 'rule Evil_Loader { condition: true }', 'Evil_Loader'],
    ['snort', 'alert tcp any any -> any 80 (msg:"Evil beacon"; sid:1;)', 'Evil beacon'],
    ['sigma', 'title: Evil process\nlogsource: {}', 'Evil process'],
  ])('%s → an indicator in its own pattern language', (type, rule, name) => {
    const { objects } = convert(attribute(type, rule));
    expect(made(objects)).toEqual([expect.objectContaining({ type: 'indicator', pattern: rule, pattern_type: type, name })]);
  });
});

describe('nothing is dropped silently', () => {
  it('counts attributes of types without a mapping, by type', () => {
    const { warnings } = convert(attribute('pdb', 'c:\\a.pdb'), attribute('pdb', 'c:\\b.pdb'), attribute('imphash', 'ab'.repeat(16)));
    expect(warnings).toEqual([
      'Not imported: 2 attribute(s) of type "pdb" (no STIX 2.1 mapping).',
      'Not imported: 1 attribute(s) of type "imphash" (no STIX 2.1 mapping).',
    ]);
  });

  it('names a value STIX does not accept, and keeps the rest', () => {
    const { objects, warnings } = convert(attribute('ip-dst', '999.1.1.1'), attribute('AS', 'cloudflare'), attribute('ip-dst', '198.51.100.7'));
    expect(ofType(objects, 'ipv4-addr').map((ip) => ip['value'])).toEqual(['198.51.100.7']);
    expect(ofType(objects, 'indicator')).toHaveLength(1);
    expect(warnings).toEqual([
      'Skipped the ip-dst attribute "999.1.1.1": /value: Expected an IPv4 address or CIDR block.',
      'Skipped the AS attribute "cloudflare": expected an AS number such as AS13335.',
    ]);
  });
});

describe('url attributes as feeds write them', () => {
  it('refangs defanged URLs and reads scheme-less ones as http, so every url is a URI', () => {
    const { objects } = mispEventToStix({ Event: mispEvent({ Attribute: [attribute('url', 'hXXps[:]//membros.example-images.com/spotify'), attribute('url', 'balticpipe.playroom8.site/x')] }) });
    const values = objects.filter((object) => object['type'] === 'url').map((object) => object['value']);
    expect(values).toEqual(['https://membros.example-images.com/spotify', 'http://balticpipe.playroom8.site/x']);
  });
});

describe('uri attributes that are only a path', () => {
  it('are not imported as urls, and the warning says why', () => {
    const { objects, warnings } = mispEventToStix({ Event: mispEvent({ Attribute: [attribute('uri', '/gate.php')] }) });
    expect(objects.some((object) => object['type'] === 'url')).toBe(false);
    expect(warnings.join(' ')).toMatch(/gate\.php.*without a host/);
  });
});

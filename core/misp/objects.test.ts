import { describe, expect, it } from 'vitest';
import { TLP_1, type JsonObject } from '../stix/index.ts';
import { mispEventToStix } from './index.ts';
import { attribute, mispEvent, NOW, ofType, problemsOf, tag, uuid } from './testdata/events.ts';

function convert(...objects: Record<string, unknown>[]): { objects: JsonObject[]; warnings: string[] } {
  const result = mispEventToStix({ Event: mispEvent({ Tag: [tag('tlp:green')], Object: objects }) }, { now: NOW });
  expect(problemsOf(result.objects)).toEqual([]);
  return result;
}

function mispObject(name: string, parts: [relation: string, type: string, value: string, toIds?: boolean][], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name, uuid: uuid(), timestamp: '1709294400', comment: '', deleted: false,
    Attribute: parts.map(([relation, type, value, toIds]) => attribute(type, value, { object_relation: relation, to_ids: toIds ?? false })),
    ...extra,
  };
}

const sha256 = 'c5d29ad2c8e1f5a7b7f9a31b1fe0f7c0d21f3ad3b6b2b6b8e84d4f14b7d36a11';
const md5 = 'd41d8cd98f00b204e9800998ecf8427e';

describe('MISP objects as combined observables', () => {
  it('file: one file with its name, hashes, size and type, and one indicator for it', () => {
    const object = mispObject('file', [
      ['filename', 'filename', 'invoice.exe'], ['md5', 'md5', md5, true], ['sha256', 'sha256', sha256, true],
      ['size-in-bytes', 'size-in-bytes', '73802'], ['mimetype', 'mime-type', 'application/x-dosexec'], ['state', 'text', 'Malicious'],
    ]);
    const { objects, warnings } = convert(object);
    const file = ofType(objects, 'file');
    expect(file).toEqual([expect.objectContaining({ name: 'invoice.exe', hashes: { MD5: md5, 'SHA-256': sha256 }, size: 73802, mime_type: 'application/x-dosexec' })]);
    expect(ofType(objects, 'indicator')).toEqual([expect.objectContaining({
      id: `indicator--${String(object['uuid'])}`, name: md5,
      pattern: `[file:hashes.MD5 = '${md5}' AND file:hashes.'SHA-256' = '${sha256}' AND file:name = 'invoice.exe']`,
      object_marking_refs: [TLP_1.green.id],
    })]);
    expect(ofType(objects, 'relationship')).toEqual([expect.objectContaining({ relationship_type: 'based-on', target_ref: file[0]?.['id'] })]);
    expect(warnings).toEqual(['Not imported: 1 "state" value(s) of MISP "file" objects (no STIX 2.1 property).']);
  });

  it('registry-key: one key with its value, as misp-stix and Magpie\'s export write it', () => {
    const key = 'HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Run';
    const { objects, warnings } = convert(mispObject('registry-key', [
      ['key', 'regkey', key, true], ['name', 'text', 'updater'], ['data', 'text', 'C:\\Users\\Public\\u.exe'], ['data-type', 'text', 'REG_SZ'], ['last-modified', 'datetime', '2024-03-01T10:00:00Z'],
    ]));
    expect(ofType(objects, 'windows-registry-key')).toEqual([expect.objectContaining({
      key, values: [{ name: 'updater', data: 'C:\\Users\\Public\\u.exe', data_type: 'REG_SZ' }], modified_time: '2024-03-01T10:00:00.000Z',
    })]);
    expect(ofType(objects, 'indicator')).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('makes no indicator when no attribute of the object is for detection', () => {
    const { objects } = convert(mispObject('file', [['filename', 'filename', 'a.exe'], ['sha256', 'sha256', sha256]]));
    expect(ofType(objects, 'indicator')).toEqual([]);
    expect(ofType(objects, 'file')).toHaveLength(1);
  });

  it('domain-ip: the domain resolving to each address', () => {
    const { objects } = convert(mispObject('domain-ip', [['domain', 'domain', 'evil.example', true], ['ip', 'ip-dst', '198.51.100.7'], ['ip', 'ip-dst', '198.51.100.8']]));
    const ips = ofType(objects, 'ipv4-addr').map((ip) => ip['id']);
    expect(ips).toHaveLength(2);
    expect(ofType(objects, 'domain-name')).toEqual([expect.objectContaining({ value: 'evil.example', resolves_to_refs: ips })]);
    expect(ofType(objects, 'indicator')[0]?.['pattern']).toBe("[domain-name:value = 'evil.example' AND domain-name:resolves_to_refs[*].value = '198.51.100.7' AND domain-name:resolves_to_refs[*].value = '198.51.100.8']");
  });

  it('ip-port: traffic to the address and port', () => {
    const { objects } = convert(mispObject('ip-port', [['ip', 'ip-dst', '198.51.100.7', true], ['dst-port', 'port', '4444']]));
    expect(ofType(objects, 'network-traffic')).toEqual([expect.objectContaining({ dst_port: 4444, dst_ref: ofType(objects, 'ipv4-addr')[0]?.['id'] })]);
    expect(ofType(objects, 'indicator')[0]?.['pattern']).toBe("[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '198.51.100.7' AND network-traffic:dst_port = 4444]");
  });

  it('url: the URL, its parts being implied by it', () => {
    const { objects, warnings } = convert(mispObject('url', [['url', 'url', 'http://evil.example/gate', true], ['domain', 'domain', 'evil.example'], ['scheme', 'text', 'http']]));
    expect(ofType(objects, 'url').map((url) => url['value'])).toEqual(['http://evil.example/gate']);
    expect(ofType(objects, 'domain-name')).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('email: the message with its addresses', () => {
    const { objects } = convert(mispObject('email', [['from', 'email-src', 'boss@evil.example', true], ['to', 'email-dst', 'clerk@victim.example'], ['subject', 'email-subject', 'Invoice']]));
    const from = ofType(objects, 'email-addr').find((address) => address['value'] === 'boss@evil.example');
    const to = ofType(objects, 'email-addr').find((address) => address['value'] === 'clerk@victim.example');
    expect(ofType(objects, 'email-message')).toEqual([expect.objectContaining({ is_multipart: false, subject: 'Invoice', from_ref: from?.['id'], to_refs: [to?.['id']] })]);
    expect(ofType(objects, 'indicator')[0]?.['pattern']).toBe("[email-message:from_ref.value = 'boss@evil.example' AND email-message:to_refs[*].value = 'clerk@victim.example' AND email-message:subject = 'Invoice']");
  });

  it('takes the strictest TLP of its attributes, and skips deleted attributes and objects', () => {
    const object = mispObject('domain-ip', [['domain', 'domain', 'evil.example', true], ['ip', 'ip-dst', '198.51.100.7']]);
    const parts = object['Attribute'] as Record<string, unknown>[];
    (parts[0] as Record<string, unknown>)['Tag'] = [tag('tlp:red')];
    parts.push(attribute('ip-dst', '198.51.100.99', { object_relation: 'ip', deleted: true }));
    const deleted = mispObject('file', [['filename', 'filename', 'gone.exe']], { deleted: true });
    const { objects, warnings } = convert(object, deleted);
    expect(ofType(objects, 'ipv4-addr').map((ip) => [ip['value'], ip['object_marking_refs']])).toEqual([['198.51.100.7', [TLP_1.red.id]]]);
    expect(ofType(objects, 'file')).toEqual([]);
    expect(warnings).toEqual(['Skipped 1 deleted MISP object(s).']);
  });

  it('reports objects without a mapping, objects missing their key attribute, and references between objects', () => {
    const { objects, warnings } = convert(
      mispObject('pe', [['number-sections', 'counter', '4']]),
      mispObject('file', [['entropy', 'float', '7.9']]),
      mispObject('url', [['url', 'url', 'http://a.example/']], { ObjectReference: [{ referenced_uuid: uuid(), relationship_type: 'related-to' }] }),
    );
    expect(ofType(objects, 'url')).toHaveLength(1);
    expect(warnings).toEqual([
      'Not imported: 1 MISP object(s) "pe" (no STIX 2.1 mapping).',
      'Skipped 1 MISP object(s) "file" without the attributes that identify them.',
      'Not imported: 1 reference(s) between MISP objects.',
    ]);
  });
});

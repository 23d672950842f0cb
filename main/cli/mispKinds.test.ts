/**
 * Issue 20, point 2: the observable kinds the report PDFs do not hold — e-mail addresses and
 * messages, MAC addresses, AS numbers, mutexes, wallets, X.509 certificates, network
 * traffic — map to MISP's attribute types and object templates (as misp-stix maps them), and
 * PyMISP loads the event with a valid type/category pair and a uuid on every attribute.
 */
import { describe, expect, it } from 'vitest';
import { toMispEvent } from '../../core/exports/misp.ts';
import type { JsonObject } from '../../core/stix/model/properties.ts';
import { checkEvent, mispPeerAvailable } from '../../testkit/mispPeer.ts';

const kinds: JsonObject[] = [
  { type: 'email-addr', spec_version: '2.1', id: 'email-addr--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f60', value: 'phish@evil.example' },
  { type: 'mac-addr', spec_version: '2.1', id: 'mac-addr--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f61', value: '00:11:22:33:44:55' },
  { type: 'autonomous-system', spec_version: '2.1', id: 'autonomous-system--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f62', number: 64496 },
  { type: 'mutex', spec_version: '2.1', id: 'mutex--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f63', name: 'Global\\PlugXMutex' },
  { type: 'cryptocurrency-wallet', spec_version: '2.1', id: 'cryptocurrency-wallet--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f64', value: '1BoatSLRHtKNngkdXEeobR76b53LETtpyT' },
  { type: 'x509-certificate', spec_version: '2.1', id: 'x509-certificate--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f65', serial_number: '0a:1b', issuer: 'CN=Evil CA', hashes: { 'SHA-256': 'a'.repeat(64) } },
  { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f66', value: '203.0.113.9' },
  { type: 'network-traffic', spec_version: '2.1', id: 'network-traffic--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f67', dst_ref: 'ipv4-addr--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f66', dst_port: 443, protocols: ['tcp'] },
  { type: 'email-message', spec_version: '2.1', id: 'email-message--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f68', is_multipart: false, subject: 'Invoice', from_ref: 'email-addr--1a6c1c6a-8a1d-5a3b-9f2a-1b2c3d4e5f60' },
];

const peer = await mispPeerAvailable();

describe('MISP export of the other observable kinds (issue 20)', () => {
  const { event, notExported } = toMispEvent(kinds);

  it('gives each kind its MISP attribute type or object template, and names nothing as not exported', () => {
    expect(event.Event.Attribute.map((attribute) => [attribute.type, attribute.value])).toEqual([
      ['email', 'phish@evil.example'],
      ['mac-address', '00:11:22:33:44:55'],
      ['AS', 'AS64496'],
      ['mutex', 'Global\\PlugXMutex'],
      ['btc', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT'],
      ['ip-dst', '203.0.113.9'],
    ]);
    const objects = Object.fromEntries(event.Event.Object.map((object) => [object.name, object.Attribute.map((attribute) => [attribute.object_relation, attribute.type])]));
    expect(objects['x509']).toEqual(expect.arrayContaining([['x509-fingerprint-sha256', 'x509-fingerprint-sha256'], ['issuer', 'text'], ['serial-number', 'text']]));
    expect(objects['network-connection']).toEqual(expect.arrayContaining([['ip-dst', 'ip-dst'], ['dst-port', 'port'], ['layer4-protocol', 'text']]));
    expect(objects['email']).toEqual(expect.arrayContaining([['from', 'email-src'], ['subject', 'email-subject']]));
    expect(notExported).toEqual([]);
  });

  it.skipIf(!peer)('loads in PyMISP with valid type/category pairs and every uuid', async () => {
    expect(await checkEvent(JSON.stringify(event))).toMatchObject({ invalid: [], without_uuid: 0 });
  });
});

/** A small set of STIX objects for the export tests: observables, an indicator, a relationship, a TLP:RED secret. */
import { generateScoId } from '../../stix/ids.ts';
import { TLP_1, TLP_2 } from '../../stix/markings.ts';
import type { JsonObject } from '../../stix/model/properties.ts';

const T = '2026-11-01T10:00:00.000Z';

export function sco(type: string, properties: JsonObject, extra: JsonObject = {}): JsonObject {
  return { type, spec_version: '2.1', id: generateScoId(type, properties), ...properties, ...extra };
}

export const ip = sco('ipv4-addr', { value: '203.0.113.9' }, { object_marking_refs: [TLP_1.green.id], labels: ['c2'] });
export const domain = sco('domain-name', { value: 'evil.example' });
export const url = sco('url', { value: 'https://evil.example/gate.php' });
export const email = sco('email-addr', { value: 'phish@evil.example' });
export const file = sco('file', { hashes: { MD5: 'D41D8CD98F00B204E9800998ECF8427E', 'SHA-256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }, name: 'dropper.exe' });
export const secret = sco('ipv4-addr', { value: '198.51.100.66' }, { object_marking_refs: [TLP_2.red.id] });

export const indicator: JsonObject = {
  type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T,
  name: '=HYPERLINK("http://x")', description: 'Beacon "gate", seen twice', labels: ['malicious-activity', 'apt'],
  confidence: 80, created_by_ref: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff',
  pattern: "[domain-name:value = 'c2.evil.example'] OR [file:hashes.'SHA-1' = '3395856ce81f2b7382dee72602f798b642f14140']",
  pattern_type: 'stix', valid_from: T, object_marking_refs: [TLP_1.amber.id],
  external_references: [{ source_name: 'mitre-attack', external_id: 'T1071' }, { source_name: 'cve', external_id: 'CVE-2021-44228' }],
};

export const toSecret: JsonObject = {
  type: 'relationship', spec_version: '2.1', id: 'relationship--0b7c5e86-2a07-4d7e-9a0e-6f2c43e6cb4c', created: T, modified: T,
  relationship_type: 'resolves-to', source_ref: domain['id'], target_ref: secret['id'],
};

export const resolves: JsonObject = {
  type: 'relationship', spec_version: '2.1', id: 'relationship--4b6c2f3b-8d0e-4a86-9a5e-2f1d6b7c8e90', created: T, modified: T,
  relationship_type: 'indicates', source_ref: indicator['id'], target_ref: ip['id'],
};

export const vulnerability: JsonObject = {
  type: 'vulnerability', spec_version: '2.1', id: 'vulnerability--a5e1a8c1-3b2f-5c55-9a0a-9e3d3c2b1a11', created: T, modified: T, name: 'CVE-2021-44228',
};

export const sample: JsonObject[] = [ip, domain, url, email, file, secret, indicator, toSecret, resolves, vulnerability];

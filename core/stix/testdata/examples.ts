/**
 * One valid object of every STIX 2.1 type, written for Magpie's tests (ids of SCOs are
 * their deterministic ones). Tests break one rule at a time on copies of these.
 */
import type { JsonObject } from '../model/properties.ts';

const created = '2024-03-01T10:00:00.000Z';
const modified = '2024-03-02T10:00:00.000Z';
const identityRef = 'identity--5f3c7e6a-1b2d-4c3e-8f9a-0b1c2d3e4f50';
const tlpGreen = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';

const sdo = (type: string, uuid: string, rest: JsonObject): JsonObject => ({
  type, spec_version: '2.1', id: `${type}--${uuid}`, created, modified, created_by_ref: identityRef, ...rest,
});

export const ipv4 = { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4', value: '198.51.100.3' };
export const fileSco = {
  type: 'file', spec_version: '2.1', id: 'file--b91bcf06-0d11-5a89-9c3a-8d4279aefe56',
  hashes: { 'SHA-256': 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db' }, name: 'invoice.pdf.exe',
};

export const validSdos: readonly JsonObject[] = [
  sdo('attack-pattern', '0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', { name: 'Spearphishing Attachment', kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'initial-access' }], external_references: [{ source_name: 'mitre-attack', external_id: 'T1566.001' }] }),
  sdo('campaign', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { name: 'Green Group Attacks', first_seen: '2016-01-01T00:00:00Z', last_seen: '2016-06-01T00:00:00Z' }),
  sdo('course-of-action', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { name: 'Add TCP port 80 filter rule' }),
  sdo('grouping', '84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3', { name: 'Suspicious things', context: 'suspicious-activity', object_refs: [ipv4.id] }),
  sdo('identity', '5f3c7e6a-1b2d-4c3e-8f9a-0b1c2d3e4f50', { name: 'ACME Widget, Inc.', identity_class: 'organization', sectors: ['technology'] }),
  sdo('incident', '6b1c2e3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e', { name: 'Ransomware at site 3' }),
  sdo('indicator', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { name: 'C2 address', indicator_types: ['malicious-activity'], pattern: "[ipv4-addr:value = '198.51.100.3']", pattern_type: 'stix', valid_from: '2024-03-01T00:00:00Z' }),
  sdo('infrastructure', '38c47d93-d984-4fd9-b87b-d69d0841628d', { name: 'Poison Ivy C2', infrastructure_types: ['command-and-control'] }),
  sdo('intrusion-set', '4e78f46f-a023-4e5f-bc24-71b3ca22ec29', { name: 'Bobcat Breakin', aliases: ['Zookeeper'], goals: ['acquisition-theft'] }),
  sdo('location', 'a6e9345f-5a15-4c29-8bb3-7dcc5d168d64', { region: 'south-eastern-asia', country: 'th' }),
  sdo('malware', '0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', { name: 'Cryptolocker', malware_types: ['ransomware'], is_family: false }),
  sdo('malware-analysis', 'd25167b7-fed0-4068-9ccd-a73dd2c5b07c', { product: 'microsoft', result: 'malicious', sample_ref: fileSco.id }),
  sdo('note', '0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', { content: 'This campaign is also known as Operation X.', object_refs: ['campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'] }),
  sdo('observed-data', 'b67d30ff-02ac-498a-92f9-32f845f448cf', { first_observed: '2015-12-21T19:00:00Z', last_observed: '2015-12-21T19:00:00Z', number_observed: 50, object_refs: [ipv4.id] }),
  sdo('opinion', 'b01efc25-77b4-4003-b18b-f6e24b5cd9f7', { opinion: 'strongly-disagree', object_refs: ['indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'] }),
  sdo('report', '84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3', { name: 'The Black Vine Cyberespionage Group', report_types: ['campaign'], published: '2024-01-17T13:49:37.079Z', object_refs: ['indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'] }),
  sdo('threat-actor', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { name: 'Evil Org', threat_actor_types: ['crime-syndicate'], roles: ['director'], sophistication: 'advanced' }),
  sdo('tool', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { name: 'VNC', tool_types: ['remote-access'] }),
  sdo('vulnerability', '0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', { name: 'CVE-2016-1234', external_references: [{ source_name: 'cve', external_id: 'CVE-2016-1234' }] }),
];

export const validSros: readonly JsonObject[] = [
  sdo('relationship', '44298a74-ba52-4f0c-87a3-1824e67d7fad', { relationship_type: 'indicates', source_ref: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', target_ref: 'malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061' }),
  sdo('sighting', 'ee20065d-2555-424f-ad9e-0f8428623c75', { sighting_of_ref: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', where_sighted_refs: [identityRef], count: 3, first_seen: '2024-03-01T00:00:00Z', last_seen: '2024-03-01T01:00:00Z' }),
];

const sco = (rest: JsonObject): JsonObject => ({ spec_version: '2.1', ...rest });

export const validScos: readonly JsonObject[] = [
  sco({ type: 'artifact', id: 'artifact--30db9816-3444-5ab6-8e93-f9262c146d34', mime_type: 'image/jpeg', payload_bin: 'VBORw0KGgoAAAANSUhEUgAAADI==' }),
  sco({ type: 'autonomous-system', id: 'autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff', number: 15139, name: 'Slime Industries', rir: 'ARIN' }),
  sco({ type: 'directory', id: 'directory--0a58d0c1-59e6-5afd-8252-dcd3f13e5622', path: 'C:\\Windows\\System32' }),
  sco({ type: 'domain-name', id: 'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7', value: 'example.com', resolves_to_refs: [ipv4.id] }),
  sco({ type: 'email-addr', id: 'email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934', value: 'john@example.com', display_name: 'John Doe' }),
  sco({ type: 'email-message', id: 'email-message--92fa1bfd-2c62-5a30-8b7c-5b91ea73cf29', is_multipart: false, from_ref: 'email-addr--89f52ea8-d6ef-51e9-8fce-6a29236436ed', subject: 'Saying Hello', body: 'Hi' }),
  fileSco,
  ipv4,
  sco({ type: 'ipv6-addr', id: 'ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f', value: '2001:0db8:85a3:0000:0000:8a2e:0370:7334' }),
  sco({ type: 'mac-addr', id: 'mac-addr--757b1725-9903-54f5-a855-1240691d7659', value: 'd2:fb:49:24:37:18' }),
  sco({ type: 'mutex', id: 'mutex--f93fe911-e545-5239-b9b0-597840d0c871', name: '__CLEANSWEEP__' }),
  sco({ type: 'network-traffic', id: 'network-traffic--a74d91d1-d502-5e11-863c-f4f84d7b8136', src_ref: 'ipv4-addr--4d22aae0-2bf9-5427-8819-e4f6abf20a53', dst_ref: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', protocols: ['ipv4', 'tcp'], src_port: 223, dst_port: 443 }),
  sco({ type: 'process', id: 'process--f52a906a-0dfc-40bd-92f1-e7778ead38a9', pid: 1221, command_line: './gedit-bin --new-window' }),
  sco({ type: 'software', id: 'software--710b0b41-d4d0-5d6c-a400-fc9254554ffc', name: 'Word', cpe: 'cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*', version: '2002', vendor: 'Microsoft' }),
  sco({ type: 'url', id: 'url--47c3cf9a-5027-5bf0-997a-017c7edc7c55', value: 'https://example.com/research/index.html' }),
  sco({ type: 'user-account', id: 'user-account--f94d689e-707d-58c3-b803-c720bb6ed096', account_type: 'unix', user_id: '1001', account_login: 'jdoe', extensions: { 'unix-account-ext': { gid: 1001, groups: ['wheel'], home_dir: '/home/jdoe', shell: '/bin/bash' } } }),
  sco({ type: 'windows-registry-key', id: 'windows-registry-key--67c068a7-2c94-526b-8e90-d0f8d96c630f', key: 'hkey_local_machine\\system\\bar\\foo', values: [{ name: 'Foo', data: 'qwerty', data_type: 'REG_SZ' }] }),
  sco({ type: 'x509-certificate', id: 'x509-certificate--bf86f034-2390-54d7-8426-d08433db3fbe', issuer: 'C=ZA, ST=Western Cape, L=Cape Town, O=Thawte Consulting cc', serial_number: '36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06' }),
];

export const validMeta: readonly JsonObject[] = [
  { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', created: '2017-01-20T00:00:00.000Z', definition_type: 'tlp', name: 'TLP:GREEN', definition: { tlp: 'green' } },
  { type: 'marking-definition', spec_version: '2.1', id: tlpGreen, created: '2022-10-01T00:00:00.000Z', name: 'TLP:GREEN', extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'green' } } },
  sdo('language-content', 'b86b3482-2f9d-4a6b-9e0d-6a2e2b3c4d5e', { object_ref: 'campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', object_modified: modified, contents: { de: { name: 'Bank Angriff 1' } } }),
  sdo('extension-definition', 'd83fce45-ef58-4c6c-a3f4-1fbc32e98c6e', { name: 'Extension Foo Bar', schema: 'https://www.example.com/schema-foo-1/v1/', version: '1.2.1', extension_types: ['property-extension'] }),
];

export const allValidObjects: readonly JsonObject[] = [...validSdos, ...validSros, ...validScos, ...validMeta];

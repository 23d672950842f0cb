import { describe, expect, it } from 'vitest';
import type { Issue } from './issues.ts';
import { allDefinitions } from './model/registry.ts';
import type { JsonObject } from './model/properties.ts';
import { allValidObjects, fileSco, ipv4, validMeta, validScos, validSdos, validSros } from './testdata/examples.ts';
import { validateObject } from './validate.ts';

const errors = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'error');
const warnings = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'warning');

function example(type: string): JsonObject {
  const found = allValidObjects.find((o) => o['type'] === type);
  if (found === undefined) throw new Error(`no example of ${type}`);
  return structuredClone(found);
}

/** A copy of the example of `type` with `changes` applied; `undefined` deletes. */
function broken(type: string, changes: JsonObject): JsonObject {
  const object = example(type);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) Reflect.deleteProperty(object, key);
    else object[key] = value;
  }
  return object;
}

describe('valid objects', () => {
  it.each(allValidObjects.map((o) => [o['type'], o] as const))('%s has no issue', (_type, object) => {
    expect(validateObject(object)).toEqual([]);
  });

  it('has an example of every spec type', () => {
    const covered = new Set(allValidObjects.map((o) => o['type']));
    expect(allDefinitions().map((d) => d.type).filter((t) => !covered.has(t))).toEqual([]);
    expect(validSdos).toHaveLength(19);
    expect(validSros).toHaveLength(2);
    expect(validScos).toHaveLength(18);
    expect(validMeta.length).toBeGreaterThanOrEqual(3);
  });

  it('lets custom properties, extensions and custom objects through', () => {
    const custom = { ...example('malware'), x_acme_score: 7, x_acme_owner_ref: 'identity--5f3c7e6a-1b2d-4c3e-8f9a-0b1c2d3e4f50', extensions: { 'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e': { extension_type: 'property-extension', rank: 5 } } };
    expect(validateObject(custom)).toEqual([]);
    const customObject = { type: 'x-mitre-tactic', id: 'x-mitre-tactic--daa4cbb1-b4f4-4723-a824-7f1efd6e0592', spec_version: '2.1', created: '2018-10-17T00:14:20.652Z', modified: '2019-07-19T17:44:53.176Z', name: 'Reconnaissance', x_mitre_shortname: 'reconnaissance' };
    expect(validateObject(customObject)).toEqual([]);
  });
});

/** [rule under test, object, JSON pointer, rule code] — one row per MUST rule. */
const mustRules: readonly (readonly [string, unknown, string, Issue['rule']])[] = [
  ['an object is a JSON object', ['not', 'an', 'object'], '', 'not-an-object'],
  ['type is required', broken('tool', { type: undefined }), '/type', 'required'],
  ['type is lowercase letters, digits and single hyphens', broken('tool', { type: 'Tool' }), '/type', 'type-name'],
  ['type has at least 3 characters', { type: 'xy', id: 'xy--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }, '/type', 'type-name'],
  ['id is required', broken('tool', { id: undefined }), '/id', 'required'],
  ['id is type--UUID', broken('tool', { id: 'tool--1234' }), '/id', 'id-form'],
  ['id UUID has the RFC 4122 variant', broken('tool', { id: 'tool--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f' }), '/id', 'id-form'],
  ['id starts with the object type', broken('tool', { id: 'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }), '/id', 'id-type-mismatch'],
  ['spec_version is required on SDOs', broken('tool', { spec_version: undefined }), '/spec_version', 'required'],
  ['spec_version is 2.1', broken('tool', { spec_version: '2.0' }), '/spec_version', 'spec-version'],
  ['spec_version on SCOs is 2.1', { ...ipv4, spec_version: '2.2' }, '/spec_version', 'spec-version'],
  ['created is required', broken('tool', { created: undefined }), '/created', 'required'],
  ['modified is required', broken('tool', { modified: undefined }), '/modified', 'required'],
  ['timestamps are RFC 3339', broken('tool', { created: '2024-03-01 10:00:00.000' }), '/created', 'timestamp'],
  ['timestamps are in UTC with Z', broken('tool', { modified: '2024-03-02T10:00:00.000+01:00' }), '/modified', 'timestamp'],
  ['timestamps are real dates', broken('tool', { created: '2023-02-29T10:00:00.000Z' }), '/created', 'timestamp'],
  ['created is precise to the millisecond', broken('tool', { created: '2024-03-01T10:00:00Z' }), '/created', 'timestamp-precision'],
  ['modified is not before created', broken('tool', { modified: '2024-02-01T10:00:00.000Z' }), '/modified', 'created-after-modified'],
  ['created_by_ref points at an identity', broken('tool', { created_by_ref: 'malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061' }), '/created_by_ref', 'ref-type'],
  ['object_marking_refs point at marking definitions', broken('tool', { object_marking_refs: ['identity--5f3c7e6a-1b2d-4c3e-8f9a-0b1c2d3e4f50'] }), '/object_marking_refs/0', 'ref-type'],
  ['references are identifiers', broken('tool', { created_by_ref: 'ACME' }), '/created_by_ref', 'ref-form'],
  ['custom *_ref properties are identifiers', broken('tool', { x_acme_owner_ref: 'someone' }), '/x_acme_owner_ref', 'ref-form'],
  ['custom *_refs properties are lists of identifiers', broken('tool', { x_acme_refs: ['a'] }), '/x_acme_refs/0', 'ref-form'],
  ['confidence is 0 to 100', broken('tool', { confidence: 101 }), '/confidence', 'range'],
  ['labels is a list of strings', broken('tool', { labels: 'evil' }), '/labels', 'value-type'],
  ['lists are not empty', broken('tool', { labels: [] }), '/labels', 'empty-list'],
  ['external references have a source_name', broken('tool', { external_references: [{ url: 'https://example.com' }] }), '/external_references/0/source_name', 'required'],
  ['external references say more than source_name', broken('tool', { external_references: [{ source_name: 'acme' }] }), '/external_references/0', 'at-least-one'],
  ['kill chain phases name both parts', broken('tool', { kill_chain_phases: [{ kill_chain_name: 'lockheed' }] }), '/kill_chain_phases/0/phase_name', 'required'],
  ['granular markings have lang or marking_ref, not both', broken('tool', { granular_markings: [{ lang: 'en', marking_ref: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', selectors: ['name'] }] }), '/granular_markings/0', 'mutually-exclusive'],
  ['custom property names are a-z, 0-9 and _', broken('tool', { 'X-Acme': 1 }), '/X-Acme', 'property-name'],
  ['extension keys are definition ids or *-ext names', broken('tool', { extensions: { acme: { a: 1 } } }), '/extensions/acme', 'property-name'],
  ['known hash algorithms have their digest form', { ...fileSco, hashes: { 'SHA-256': 'abc' } }, '/hashes/SHA-256', 'hash-format'],
  ['enumerations admit only their values', broken('opinion', { opinion: 'meh' }), '/opinion', 'enum'],
  ['indicator valid_until is later than valid_from', broken('indicator', { valid_until: '2024-03-01T00:00:00Z' }), '/valid_until', 'time-order'],
  ['a stix indicator pattern is a valid pattern', broken('indicator', { pattern: "[ipv4-addr:value = '1.2.3.4'" }), '/pattern', 'pattern'],
  ['first_seen is not after last_seen', broken('campaign', { last_seen: '2015-01-01T00:00:00Z' }), '/last_seen', 'time-order'],
  ['relationship endpoints are SDOs or SCOs', broken('relationship', { source_ref: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da' }), '/source_ref', 'ref-type'],
  ['relationship_type is lowercase with hyphens', broken('relationship', { relationship_type: 'Indicates' }), '/relationship_type', 'format'],
  ['sightings are of SDOs', broken('sighting', { sighting_of_ref: ipv4.id }), '/sighting_of_ref', 'ref-type'],
  ['sightings are sighted at identities or locations', broken('sighting', { where_sighted_refs: [ipv4.id] }), '/where_sighted_refs/0', 'ref-type'],
  ['sighting count is at most 999,999,999', broken('sighting', { count: 1_000_000_000 }), '/count', 'range'],
  ['a location names a region, a country or coordinates', broken('location', { region: undefined, country: undefined }), '', 'at-least-one'],
  ['latitude goes with longitude', broken('location', { latitude: 10 }), '/latitude', 'dependency'],
  ['a malware family has a name', broken('malware', { is_family: true, name: undefined }), '/name', 'required'],
  ['malware analysis has a result or analysis SCOs', broken('malware-analysis', { result: undefined }), '', 'at-least-one'],
  ['observed data uses objects or object_refs, not both', broken('observed-data', { objects: { 0: { type: 'ipv4-addr', value: '1.2.3.4' } } }), '/objects', 'mutually-exclusive'],
  ['observed data counts at least one observation', broken('observed-data', { number_observed: 0 }), '/number_observed', 'range'],
  ['observed data refers to SCOs and SROs', broken('observed-data', { object_refs: ['tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'] }), '/object_refs/0', 'ref-type'],
  ['a file has hashes or a name', { type: 'file', id: fileSco.id, size: 3 }, '', 'at-least-one'],
  ['MAC addresses are lowercase and colon-delimited', broken('mac-addr', { value: 'D2-FB-49-24-37-18' }), '/value', 'format'],
  ['IPv4 values are addresses or CIDR blocks', { ...ipv4, value: '300.1.1.1' }, '/value', 'format'],
  ['ports are 0 to 65535', broken('network-traffic', { dst_port: 70000 }), '/dst_port', 'range'],
  ['network traffic has a source or destination', broken('network-traffic', { src_ref: undefined, dst_ref: undefined }), '', 'at-least-one'],
  ['active traffic has no end', broken('network-traffic', { is_active: true, end: '2024-01-01T00:00:00Z' }), '/end', 'mutually-exclusive'],
  ['an artifact has payload_bin or url, not both', broken('artifact', { url: 'https://example.com/a.jpg', hashes: { MD5: '3773a88f65a5e780c8dff9cdc3a056f3' } }), '/url', 'mutually-exclusive'],
  ['an artifact by url carries hashes', broken('artifact', { payload_bin: undefined, url: 'https://example.com/a.jpg' }), '/hashes', 'dependency'],
  ['a multipart e-mail has no body', broken('email-message', { is_multipart: true }), '/body', 'mutually-exclusive'],
  ['a process has a property of its own', { type: 'process', id: 'process--f52a906a-0dfc-40bd-92f1-e7778ead38a9', spec_version: '2.1' }, '', 'at-least-one'],
  ['a marking without extensions has definition_type', broken('marking-definition', { definition_type: undefined }), '/definition_type', 'required'],
  ['a TLP 1.0 marking names a TLP level', broken('marking-definition', { definition: { tlp: 'purple' } }), '/definition/tlp', 'enum'],
  ['an extension definition has a creator', broken('extension-definition', { created_by_ref: undefined }), '/created_by_ref', 'required'],
  ['extension_types come from the enumeration', broken('extension-definition', { extension_types: ['new-thing'] }), '/extension_types/0', 'enum'],
];

describe('each MUST rule rejects a breaking object at the right path', () => {
  it.each(mustRules)('%s', (_rule, object, path, rule) => {
    const found = errors(validateObject(object));
    expect(found.map((i) => [i.path, i.rule])).toContainEqual([path, rule]);
  });

  it('reports issues at the pointer of the object inside its container', () => {
    const found = validateObject(broken('tool', { confidence: -1 }), { path: '/objects/7' });
    expect(found.map((i) => i.path)).toEqual(['/objects/7/confidence']);
  });
});

describe('required properties of every type', () => {
  const cases = allDefinitions().flatMap((definition) =>
    Object.entries(definition.properties)
      .filter(([, spec]) => spec.required)
      .map(([key]) => [definition.type, key] as const),
  );
  it.each(cases)('%s without %s is rejected', (type, key) => {
    const object = example(type);
    Reflect.deleteProperty(object, key);
    const paths = errors(validateObject(object)).map((i) => i.path);
    expect(paths).toContain(`/${key}`);
  });
});

describe('SHOULD rules are warnings', () => {
  it('warns about values outside an open vocabulary', () => {
    const issues = validateObject(broken('malware', { malware_types: ['cute'] }));
    expect(errors(issues)).toEqual([]);
    expect(warnings(issues).map((i) => [i.path, i.rule])).toEqual([['/malware_types/0', 'open-vocab']]);
  });

  it('warns about relationship types the spec defines between other types', () => {
    const issues = validateObject(broken('relationship', { target_ref: 'identity--5f3c7e6a-1b2d-4c3e-8f9a-0b1c2d3e4f50' }));
    expect(errors(issues)).toEqual([]);
    expect(warnings(issues).map((i) => i.rule)).toEqual(['relationship-type']);
  });

  it('accepts custom relationship types between any SDOs and SCOs', () => {
    expect(validateObject(broken('relationship', { relationship_type: 'subtechnique-of', target_ref: ipv4.id }))).toEqual([]);
  });
});

describe('hostile input', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['prototype keys', JSON.parse('{"type":"constructor","id":"constructor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","__proto__":{"x":1},"toString_ref":"x"}') as unknown],
    ['a type named like an Object method', { type: 'hasOwnProperty', id: 'x' }],
    ['a deeply nested pattern', broken('indicator', { pattern: `${'('.repeat(20000)}[a:b = 1]${')'.repeat(20000)}` })],
  ])('does not throw on %s', (_name, input) => {
    expect(() => validateObject(input)).not.toThrow();
    expect(errors(validateObject(input)).length).toBeGreaterThan(0);
  });
});

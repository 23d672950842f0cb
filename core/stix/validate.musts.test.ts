/**
 * The MUST rules hand-typed values break most often (issue 17, point 6), written from the
 * STIX 2.1 text: well-known external ids (§2.5), language tags (§3.2, §7.1, §7.2.3),
 * e-mail addresses (§6.5), granular-marking selectors (§7.2.3.1) and the predefined TLP
 * marking definitions (§7.2.1.4). Each case breaks one rule, and the message must say
 * what to type instead.
 */
import { describe, expect, it } from 'vitest';
import type { Issue } from './issues.ts';
import { TLP_1, TLP_2 } from './markings.ts';
import type { JsonObject } from './model/properties.ts';
import { validateObject } from './validate.ts';

const created = '2016-05-12T08:17:27.000Z';
const attackPattern = (references: unknown[]): JsonObject => ({
  type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', created, modified: created,
  name: 'Spear Phishing', external_references: references,
});
const vulnerability = (references: unknown[]): JsonObject => ({
  type: 'vulnerability', spec_version: '2.1', id: 'vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', created, modified: created,
  name: 'CVE-2016-1234', external_references: references,
});
const tool = (changes: JsonObject): JsonObject => ({
  type: 'tool', spec_version: '2.1', id: 'tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created, modified: created, name: 'VNC', labels: ['remote-access'], ...changes,
});
const emailAddr = (value: string): JsonObject => ({ type: 'email-addr', spec_version: '2.1', id: 'email-addr--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4', value });
const greenMarking = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';

const errorsOf = (object: unknown): Issue[] => validateObject(object).filter((issue) => issue.severity === 'error');

/** [what breaks, object, JSON pointer of the error, text the message must contain]. */
const broken: readonly (readonly [string, JsonObject, string, string])[] = [
  ['a CAPEC id without the CAPEC- prefix', attackPattern([{ source_name: 'capec', external_id: '163' }]), '/external_references/0/external_id', 'CAPEC-163'],
  ['a CAPEC id with letters', attackPattern([{ source_name: 'capec', external_id: 'CAPEC-abc' }]), '/external_references/0/external_id', 'CAPEC-<number>'],
  ['a CAPEC id in lowercase', attackPattern([{ source_name: 'capec', external_id: 'capec-163' }]), '/external_references/0/external_id', 'CAPEC-163'],
  ['a capec reference without its id', attackPattern([{ source_name: 'capec', url: 'https://capec.mitre.org/data/definitions/163.html' }]), '/external_references/0/external_id', 'external_id'],
  ['source_name Capec instead of capec', attackPattern([{ source_name: 'Capec', external_id: 'CAPEC-163' }]), '/external_references/0/source_name', '"capec"'],
  ['a CVE id without the CVE- prefix', vulnerability([{ source_name: 'cve', external_id: '2016-1234' }]), '/external_references/0/external_id', 'CVE-2021-44228'],
  ['a CVE id without the second hyphen', vulnerability([{ source_name: 'cve', external_id: 'CVE-20161234' }]), '/external_references/0/external_id', 'CVE-<year>'],
  ['a CVE id with letters', vulnerability([{ source_name: 'cve', external_id: 'CVE-2016-abc' }]), '/external_references/0/external_id', 'CVE-<year>'],
  ['a CVE id in lowercase', vulnerability([{ source_name: 'cve', external_id: 'cve-2016-1234' }]), '/external_references/0/external_id', 'CVE-2021-44228'],
  ['a CVE number of three digits', vulnerability([{ source_name: 'cve', external_id: 'CVE-2016-123' }]), '/external_references/0/external_id', '4 or more digits'],
  ['a five-digit CVE number with a leading zero', vulnerability([{ source_name: 'cve', external_id: 'CVE-2016-01234' }]), '/external_references/0/external_id', 'CVE-<year>'],
  ['a CVE id with text around it', vulnerability([{ source_name: 'cve', external_id: 'CVE-2016-1234 (Flash)' }]), '/external_references/0/external_id', 'CVE-<year>'],
  ['source_name CVE instead of cve', vulnerability([{ source_name: 'CVE', external_id: 'CVE-2016-1234' }]), '/external_references/0/source_name', '"cve" (lowercase)'],
  ['a lang that is no language', tool({ lang: 'foo' }), '/lang', 'en-US'],
  ['a lang written as a name', tool({ lang: 'English' }), '/lang', 'RFC 5646'],
  ['a lang with an underscore', tool({ lang: 'en_US' }), '/lang', 'RFC 5646'],
  ['a lang with a space', tool({ lang: 'ENGLISH US' }), '/lang', 'RFC 5646'],
  ['a lang with two regions', tool({ lang: 'fr-CA-CA' }), '/lang', 'RFC 5646'],
  ['a lang with an unknown region', tool({ lang: 'en-UX' }), '/lang', 'region'],
  ['a granular marking lang that is no language', tool({ granular_markings: [{ lang: 'klingon', selectors: ['name'] }] }), '/granular_markings/0/lang', 'RFC 5646'],
  ['an e-mail address with its display name', emailAddr('John Doe <jdoe@example.com>'), '/value', 'put the name "John Doe" in display_name'],
  ['an e-mail address in angle brackets', emailAddr('<jdoe@example.com>'), '/value', 'only the address'],
  ['an e-mail address without @', emailAddr('jdoe'), '/value', 'jdoe@example.com'],
  ['an e-mail address without a domain', emailAddr('jdoe@'), '/value', 'local-part@domain'],
  ['an e-mail address with a space', emailAddr('j doe@example.com'), '/value', 'local-part@domain'],
  ['a selector naming a property the object lacks', tool({ granular_markings: [{ marking_ref: greenMarking, selectors: ['description'] }] }), '/granular_markings/0/selectors/0', 'select one it has (type'],
  ['a selector with a misspelt property', tool({ granular_markings: [{ marking_ref: greenMarking, selectors: ['name', 'nmae'] }] }), '/granular_markings/0/selectors/1', 'no property "nmae"'],
  ['a selector past the end of a list', tool({ granular_markings: [{ marking_ref: greenMarking, selectors: ['labels.[1]'] }] }), '/granular_markings/0/selectors/0', 'use [0] to [0]'],
  ['a selector indexing what is not a list', tool({ granular_markings: [{ marking_ref: greenMarking, selectors: ['name.[0]'] }] }), '/granular_markings/0/selectors/0', 'not a list'],
  ['a selector naming a property of a list', tool({ granular_markings: [{ marking_ref: greenMarking, selectors: ['labels.name'] }] }), '/granular_markings/0/selectors/0', 'select an item with [0]'],
  ['a selector that is only an index', { ...TLP_1.green, granular_markings: [{ marking_ref: 'marking-definition--4478bf48-9af2-4afa-9fc5-7075f6af04af', selectors: ['[0]'] }] }, '/granular_markings/0/selectors/0', 'not a list'],
  ['an empty selector', tool({ granular_markings: [{ marking_ref: greenMarking, selectors: [''] }] }), '/granular_markings/0/selectors/0', 'no property ""'],
  ['a new marking definition of type tlp', { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', created: '2024-01-01T00:00:00.000Z', definition_type: 'tlp', name: 'TLP:AMBER', definition: { tlp: 'amber' } }, '/id', 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82'],
  ['a predefined TLP id with another name', { ...TLP_1.green, name: 'TLP:Green' }, '/name', '"TLP:GREEN"'],
  ['a predefined TLP id with another level', { ...TLP_1.green, definition: { tlp: 'red' } }, '/definition/tlp', '"green"'],
  ['a predefined TLP id with another created', { ...TLP_1.red, created: '2020-01-20T00:00:00.000Z' }, '/created', '2017-01-20T00:00:00.000Z'],
  ['a predefined TLP definition with more properties', { ...TLP_1.white, created_by_ref: 'identity--5f3c7e6a-1b2d-4c3e-8f9a-0b1c2d3e4f50' }, '/created_by_ref', 'remove it'],
  ['a marking definition marking itself', { ...TLP_1.green, object_marking_refs: [TLP_1.green.id] }, '/object_marking_refs/0', 'cannot mark itself'],
  ['a marking definition marking itself in part', { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--4a0042fe-8b88-40fe-9600-dfa128ce6fbd', created, definition_type: 'statement', definition: { statement: 'Copyright 2019, Example Corp' }, granular_markings: [{ marking_ref: 'marking-definition--4a0042fe-8b88-40fe-9600-dfa128ce6fbd', selectors: ['definition'] }] }, '/granular_markings/0/marking_ref', 'cannot mark itself'],
  ['a translation keyed by a language name', { type: 'language-content', spec_version: '2.1', id: 'language-content--fa8daccd-4df2-4e83-93a4-e1990a2355c2', created, modified: created, object_ref: 'identity--2d1c6ab3-5e4e-48ac-a32b-f0c01c2836a8', contents: { español: { identity_class: 'organización' } } }, '/contents/español', 'RFC 5646'],
  ['a translation of no property', { type: 'language-content', spec_version: '2.1', id: 'language-content--fa8daccd-4df2-4e83-93a4-e1990a2355c2', created, modified: created, object_ref: 'identity--2d1c6ab3-5e4e-48ac-a32b-f0c01c2836a8', contents: { es: { a: 'boo' } } }, '/contents/es/a', 'property name'],
];

describe('hand-typed values that break a MUST rule are errors that say what to type', () => {
  it.each(broken)('%s', (_what, object, path, advice) => {
    const found = errorsOf(object).filter((issue) => issue.path === path);
    expect(found.map((issue) => issue.message).join('\n')).toContain(advice);
  });
});

/** The same rules must leave well-formed values alone. */
const fine: readonly (readonly [string, JsonObject])[] = [
  ['CAPEC-163 from capec', attackPattern([{ source_name: 'capec', external_id: 'CAPEC-163', url: 'https://capec.mitre.org/data/definitions/163.html' }])],
  ['CVE-2016-1234 and a five-digit CVE from cve', vulnerability([{ source_name: 'cve', external_id: 'CVE-2016-1234' }, { source_name: 'cve', external_id: 'CVE-2021-44228' }, { source_name: 'cve', external_id: 'CVE-2014-0001' }])],
  ['any id from another source', vulnerability([{ source_name: 'cwe', external_id: 'CWE-79' }, { source_name: 'mitre-attack', external_id: 'T1566' }])],
  ['language tags with script, region and private use', tool({ lang: 'zh-Hant-TW', granular_markings: [{ lang: 'es-419', selectors: ['name'] }, { lang: 'en-US-x-twain', selectors: ['labels.[0]'] }] })],
  ['lang ja and en', tool({ lang: 'ja', external_references: [{ source_name: 'acme', url: 'https://example.com' }], granular_markings: [{ lang: 'en', selectors: ['external_references.[0].url', 'id'] }] })],
  ['plain, quoted, tagged and internationalised addresses', emailAddr('jdoe+cti@example.co.uk')],
  ['a quoted local part', emailAddr('"j doe"@example.com')],
  ['an internationalised address', emailAddr('山田@例え.jp')],
  ['every predefined TLP definition', TLP_1.amber],
  ['the predefined TLP 2.0 definitions', TLP_2['amber+strict']],
  ['a statement marking selecting its own id', { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--4a0042fe-8b88-40fe-9600-dfa128ce6fbd', created, definition_type: 'statement', definition: { statement: 'Copyright 2019, Example Corp' }, granular_markings: [{ marking_ref: greenMarking, selectors: ['id'] }] }],
  ['OpenCTI\'s own TLP markings (definition_type "TLP")', { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--826578e1-40ad-459f-bc73-ede076f81f37', created: '2022-01-01T00:00:00.000Z', definition_type: 'TLP', definition: { tlp: 'AMBER+STRICT' }, name: 'TLP:AMBER+STRICT' }],
];

describe('well-formed values stay valid', () => {
  it.each(fine)('%s', (_what, object) => {
    expect(validateObject(object)).toEqual([]);
  });

  it('every predefined TLP 1.0 and 2.0 definition is valid as published', () => {
    for (const marking of [...Object.values(TLP_1), ...Object.values(TLP_2)]) expect(validateObject(marking), marking.id).toEqual([]);
  });
});

describe('SHOULD rules are warnings, not errors', () => {
  it('a CVE id under another source_name is a warning suggesting cve', () => {
    const issues = validateObject(vulnerability([{ source_name: 'NVD', external_id: 'CVE-2016-1234' }]));
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', path: '/external_references/0/source_name', message: expect.stringContaining('"cve"') as unknown })]);
  });

  it('a home-made TLP 2.0 marking is a warning naming the predefined one', () => {
    const homeMade = { ...TLP_2.red, id: 'marking-definition--8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b' };
    expect(validateObject(homeMade)).toEqual([expect.objectContaining({ severity: 'warning', path: '/id', message: expect.stringContaining(TLP_2.red.id) as unknown })]);
  });
});

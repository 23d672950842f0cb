/**
 * Common properties (STIX 2.1 §3) composed once and spread into every type table, and the
 * embedded types they use: external references (§2.5), kill-chain phases (§2.8),
 * granular markings (§7.2.3) and extensions (§7.3).
 */
import { pointer, type IssueList } from '../issues.ts';
import { isTypeName, parseId } from './identifier.ts';
import { languageTag } from './languageTag.ts';
import {
  boolean, embedded, enumeration, hashes, integer, isObject, list, own, ref, required, string, timestamp,
  type Hook, type Prop, type PropertyTable,
} from './properties.ts';
import { enums } from './vocabularies.ts';

/**
 * §2.5 and the OASIS external-reference schema: the two well-known sources carry their id
 * in `external_id`, in exactly the form their registries publish.
 */
const WELL_KNOWN_SOURCES: Readonly<Record<string, { readonly id: RegExp; readonly advice: string }>> = {
  cve: { id: /^CVE-\d{4}-(?:0\d{3}|[1-9]\d{3,})$/, advice: 'Write the CVE id as CVE-<year>-<number of 4 or more digits>, e.g. CVE-2021-44228.' },
  capec: { id: /^CAPEC-\d+$/, advice: 'Write the CAPEC id as CAPEC-<number>, e.g. CAPEC-163.' },
};

function checkWellKnownSource(object: Readonly<Record<string, unknown>>, path: string, issues: IssueList): void {
  const source = object['source_name'];
  const id = object['external_id'];
  if (typeof source !== 'string') return;
  const known = Object.hasOwn(WELL_KNOWN_SOURCES, source) ? WELL_KNOWN_SOURCES[source] : undefined;
  if (known !== undefined) {
    if (id === undefined) issues.error(pointer(path, 'external_id'), 'required', `A ${source} reference carries its id in external_id. ${known.advice}`);
    else if (typeof id === 'string' && !known.id.test(id)) issues.error(pointer(path, 'external_id'), 'format', `"${id}" is not a ${source.toUpperCase()} id. ${known.advice}`);
    return;
  }
  const lower = source.toLowerCase();
  if (Object.hasOwn(WELL_KNOWN_SOURCES, lower)) {
    issues.error(pointer(path, 'source_name'), 'format', `Write source_name as "${lower}" (lowercase) for a ${lower.toUpperCase()} reference.`);
    return;
  }
  for (const [name, known] of Object.entries(WELL_KNOWN_SOURCES)) {
    if (typeof id === 'string' && known.id.test(id)) {
      issues.warn(pointer(path, 'source_name'), 'format', `external_id ${id} is a ${name.toUpperCase()} id: write source_name "${name}" so other tools recognise it, and keep "${source}" in description.`);
    }
  }
}

/** §2.5: besides source_name, at least one of description, url or external_id. */
const externalReferenceHook: Hook = (object, path, issues) => {
  if (object['description'] === undefined && object['url'] === undefined && object['external_id'] === undefined) {
    issues.error(path, 'at-least-one', 'An external reference needs a description, url or external_id besides source_name.');
  }
  checkWellKnownSource(object, path, issues);
};

export const externalReference = embedded(
  { source_name: required(string()), description: string(), url: string(), hashes: hashes(), external_id: string() },
  externalReferenceHook,
);

export const killChainPhase = embedded({ kill_chain_name: required(string()), phase_name: required(string()) });

/** §7.2.3: a granular marking names exactly one of lang and marking_ref. */
const granularMarkingHook: Hook = (object, path, issues) => {
  const hasLang = object['lang'] !== undefined;
  const hasRef = object['marking_ref'] !== undefined;
  if (hasLang === hasRef) issues.error(path, 'mutually-exclusive', 'A granular marking has exactly one of lang and marking_ref.');
};

export const granularMarking = embedded(
  { lang: languageTag(), marking_ref: ref(['marking-definition']), selectors: required(list(string())) },
  granularMarkingHook,
);

const EXTENSION_NAME = /-ext$/;

/**
 * §7.3 extensions: keys are predefined extension names (`*-ext`) or extension-definition
 * ids; values are objects. Predefined extensions known to the type are checked with their
 * own tables; others pass through untouched.
 */
export function extensions(predefined: Readonly<Record<string, Prop>> = {}): Prop<Record<string, Record<string, unknown>>, false> {
  return {
    required: false,
    check(value, path, issues) {
      if (!isObject(value)) return issues.error(path, 'value-type', 'Expected a dictionary of extensions.');
      if (Object.keys(value).length === 0) issues.error(path, 'empty-list', 'extensions must not be empty.');
      for (const [key, content] of Object.entries(value)) {
        const at = pointer(path, key);
        const definitionId = parseId(key);
        if (definitionId?.type !== 'extension-definition' && !(isTypeName(key) && EXTENSION_NAME.test(key))) {
          issues.error(at, 'property-name', 'Extension keys are an extension-definition id or a name ending in -ext.');
        }
        if (!isObject(content)) {
          issues.error(at, 'value-type', 'An extension is an object.');
          continue;
        }
        own(predefined, key)?.check(content, at, issues);
        if (content['extension_type'] !== undefined) enumeration(enums.extensionType).check(content['extension_type'], pointer(at, 'extension_type'), issues);
      }
    },
  };
}

/** §3.1: objects of this spec say "2.1"; 2.0 content is upgraded by bundle/upgrade20.ts first. */
export const specVersion: Prop<'2.1', false> = {
  required: false,
  check(value, path, issues) {
    if (value !== '2.1') issues.error(path, 'spec-version', `spec_version must be "2.1"${typeof value === 'string' ? `, not "${value}"` : ''}.`);
  },
};

/** §3.2: the common properties of SDOs and SROs. */
export const sdoCommon = {
  spec_version: required(specVersion),
  id: required(string()),
  created_by_ref: ref(['identity']),
  created: required(timestamp(true)),
  modified: required(timestamp(true)),
  revoked: boolean(),
  labels: list(string()),
  confidence: integer(0, 100),
  lang: languageTag(),
  external_references: list(externalReference),
  object_marking_refs: list(ref(['marking-definition'])),
  granular_markings: list(granularMarking),
  extensions: extensions(),
} as const satisfies PropertyTable;

/** §6.1: the common properties of SCOs. */
export function scoCommon(predefinedExtensions: Readonly<Record<string, Prop>> = {}) {
  return {
    id: required(string()),
    spec_version: specVersion,
    object_marking_refs: list(ref(['marking-definition'])),
    granular_markings: list(granularMarking),
    defanged: boolean(),
    extensions: extensions(predefinedExtensions),
  } as const satisfies PropertyTable;
}

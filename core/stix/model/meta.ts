/**
 * The meta objects of STIX 2.1 §7: marking-definition (§7.2.1), language-content (§7.1)
 * and extension-definition (§7.3). They share only part of the SDO common properties.
 */
import { pointer } from '../issues.ts';
import { externalReference, granularMarking, sdoCommon, specVersion } from './common.ts';
import { defineType, omit } from './define.ts';
import { isPropertyName, parseId } from './identifier.ts';
import { languageTagProblem } from './languageTag.ts';
import {
  dictionary, enumeration, isObject, list, ref, required, string, timestamp, type Prop,
} from './properties.ts';
import { checkNotMarkingItself, checkPredefinedTlp } from './markingRules.ts';
import { enums } from './vocabularies.ts';

/** §7.2.1: markings may only be extended through extension-definitions. */
const markingExtensions: Prop<Record<string, Record<string, unknown>>, false> = {
  required: false,
  check(value, path, issues) {
    sdoCommon.extensions.check(value, path, issues);
    if (!isObject(value)) return;
    for (const key of Object.keys(value)) {
      if (parseId(key)?.type !== 'extension-definition') issues.error(pointer(path, key), 'property-name', 'A marking definition is extended only by extension-definition ids.');
    }
  },
};

const TLP_1_LEVELS = ['white', 'green', 'amber', 'red'];

export const markingDefinition = defineType('marking-definition', 'meta', {
  spec_version: required(specVersion),
  id: required(string()),
  created_by_ref: ref(['identity']),
  created: required(timestamp(true)),
  external_references: list(externalReference),
  object_marking_refs: list(ref(['marking-definition'])),
  granular_markings: list(granularMarking),
  name: string(),
  definition_type: string(),
  definition: dictionary(),
  extensions: markingExtensions,
}, (o, path, issues) => {
  checkPredefinedTlp(o, path, issues);
  checkNotMarkingItself(o, path, issues);
  if (o['extensions'] === undefined) {
    for (const key of ['definition_type', 'definition']) {
      if (o[key] === undefined) issues.error(pointer(path, key), 'required', `${key} is required when the marking has no extensions.`);
    }
  }
  const definition = o['definition'];
  if (!isObject(definition)) return;
  if (o['definition_type'] === 'statement' && typeof definition['statement'] !== 'string') {
    issues.error(pointer(pointer(path, 'definition'), 'statement'), 'required', 'A statement marking carries its statement text.');
  }
  if (o['definition_type'] === 'tlp' && !TLP_1_LEVELS.includes(String(definition['tlp']))) {
    issues.error(pointer(pointer(path, 'definition'), 'tlp'), 'enum', 'A TLP marking names white, green, amber or red.');
  }
});

export const languageContent = defineType('language-content', 'meta', {
  ...omit(sdoCommon, 'lang'),
  object_ref: required(ref(['any'])),
  object_modified: timestamp(),
  contents: required(dictionary(dictionary())),
}, (o, path, issues) => {
  // §7.1: contents is keyed by RFC 5646 language tags, each holding property names.
  const contents = o['contents'];
  if (!isObject(contents)) return;
  for (const [language, translated] of Object.entries(contents)) {
    const at = pointer(pointer(path, 'contents'), language);
    const problem = languageTagProblem(language);
    if (problem !== undefined) issues.error(at, 'language-tag', `${problem}: key each translation by an RFC 5646 language tag such as de, ja or fr-CA.`);
    if (!isObject(translated)) continue;
    for (const key of Object.keys(translated)) {
      if (!isPropertyName(key)) issues.error(pointer(at, key), 'property-name', `"${key}" is not a property name: key the translated text by the name of the property it translates, e.g. description.`);
    }
  }
});

export const extensionDefinition = defineType('extension-definition', 'meta', {
  ...omit(sdoCommon, 'lang', 'confidence'),
  created_by_ref: required(ref(['identity'])),
  name: required(string()),
  description: string(),
  schema: required(string()),
  version: required(string()),
  extension_types: required(list(enumeration(enums.extensionType))),
  extension_properties: list(string()),
});

export const metaDefinitions = [markingDefinition, languageContent, extensionDefinition] as const;

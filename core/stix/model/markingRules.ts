/**
 * Rules on marking-definition objects that span several properties (STIX 2.1 §7.2):
 *
 * - §7.2.1.4: TLP 1.0 is expressed only through the four predefined marking definitions;
 *   nobody may create another marking of `definition_type` "tlp", and the predefined ones
 *   are used exactly as published (id, name, created, definition, nothing else).
 * - TLP 2.0 (the OASIS extension-definition): the five predefined definitions are the ones
 *   to refer to; a home-made one is flagged (a SHOULD, so a warning).
 * - A marking definition must not mark itself (no circular references).
 */
import { pointer, type IssueList } from '../issues.ts';
import { TLP_1, TLP_2, TLP_2_EXTENSION_ID, TLP_ORDER, type TlpLevel } from '../markings.ts';
import { isObject, type JsonObject } from './properties.ts';

const TLP_1_DEFINITIONS: readonly JsonObject[] = Object.values(TLP_1);

/** What every predefined TLP 1.0 definition holds; anything else is not the predefined one. */
const TLP_1_KEYS = new Set(['type', 'spec_version', 'id', 'created', 'definition_type', 'name', 'definition']);

function tlp1Advice(level: unknown): string {
  const known = TLP_1_DEFINITIONS.find((definition) => isObject(definition['definition']) && definition['definition']['tlp'] === level);
  const which = known === undefined
    ? TLP_1_DEFINITIONS.map((definition) => `${String(definition['name'])} ${String(definition['id'])}`).join(', ')
    : `${String(known['name'])}: ${String(known['id'])}`;
  return `Refer to the predefined TLP marking definition in object_marking_refs instead of creating one (${which}).`;
}

export function checkPredefinedTlp(o: Readonly<JsonObject>, path: string, issues: IssueList): void {
  if (o['definition_type'] === 'tlp') checkTlp1(o, path, issues);
  const extensions = o['extensions'];
  const tlp2 = isObject(extensions) ? extensions[TLP_2_EXTENSION_ID] : undefined;
  if (isObject(tlp2)) checkTlp2(o, tlp2, path, issues);
}

function checkTlp1(o: Readonly<JsonObject>, path: string, issues: IssueList): void {
  const definition = o['definition'];
  const level = isObject(definition) ? definition['tlp'] : undefined;
  const predefined = TLP_1_DEFINITIONS.find((candidate) => candidate['id'] === o['id']);
  if (predefined === undefined) {
    issues.error(pointer(path, 'id'), 'tlp-definition', `Only the four predefined TLP marking definitions may have definition_type "tlp". ${tlp1Advice(level)}`);
    return;
  }
  for (const key of ['name', 'created', 'spec_version'] as const) {
    if (o[key] !== predefined[key]) {
      issues.error(pointer(path, key), 'tlp-definition', `The predefined ${String(predefined['name'])} marking has ${key} ${JSON.stringify(predefined[key])}: copy it exactly, or just refer to ${String(predefined['id'])}.`);
    }
  }
  const expected = isObject(predefined['definition']) ? predefined['definition']['tlp'] : undefined;
  if (level !== expected) {
    issues.error(pointer(pointer(path, 'definition'), 'tlp'), 'tlp-definition', `${String(predefined['id'])} is ${String(predefined['name'])}: its definition is { "tlp": "${String(expected)}" }.`);
  }
  for (const key of Object.keys(o)) {
    if (!TLP_1_KEYS.has(key)) issues.error(pointer(path, key), 'tlp-definition', `The predefined ${String(predefined['name'])} marking carries no ${key}: remove it.`);
  }
}

function checkTlp2(o: Readonly<JsonObject>, extension: Readonly<JsonObject>, path: string, issues: IssueList): void {
  const level = extension['tlp_2_0'];
  const at = pointer(pointer(pointer(path, 'extensions'), TLP_2_EXTENSION_ID), 'tlp_2_0');
  if (typeof level !== 'string' || !(TLP_ORDER as readonly string[]).includes(level)) {
    issues.error(at, 'enum', `tlp_2_0 is one of ${TLP_ORDER.join(', ')}.`);
    return;
  }
  const predefined = TLP_2[level as TlpLevel];
  if (o['id'] !== predefined.id) {
    issues.warn(pointer(path, 'id'), 'tlp-definition', `TLP:${level.toUpperCase()} has a predefined marking definition: refer to ${predefined.id} instead of a new one.`);
  }
}

/** No circular references: a marking definition is not marked by itself. */
export function checkNotMarkingItself(o: Readonly<JsonObject>, path: string, issues: IssueList): void {
  const id = o['id'];
  const refs = o['object_marking_refs'];
  if (Array.isArray(refs)) {
    refs.forEach((ref: unknown, index) => {
      if (ref === id) issues.error(pointer(pointer(path, 'object_marking_refs'), index), 'self-reference', 'A marking definition cannot mark itself: remove its own id, or refer to another marking.');
    });
  }
  const granular = o['granular_markings'];
  if (Array.isArray(granular)) {
    granular.forEach((marking: unknown, index) => {
      if (isObject(marking) && marking['marking_ref'] === id) {
        issues.error(pointer(pointer(pointer(path, 'granular_markings'), index), 'marking_ref'), 'self-reference', 'A marking definition cannot mark itself: refer to another marking.');
      }
    });
  }
}

/**
 * The create and edit forms, as data generated from the STIX property tables of
 * core/stix/model (issue 17): which fields a type has, which control each gets, and how
 * typed values become a STIX object and back. The validator checks the same tables, so a
 * form cannot offer a property the validator does not know, nor miss a required one.
 */
import { generateScoId, idContribution, randomId } from '../../../../core/stix/ids.ts';
import { TLP_2, TLP_ORDER, tlpLevelOf, type TlpLevel } from '../../../../core/stix/markings.ts';
import { isScoType, SDO_TYPES, SRO_TYPES, type RefTarget } from '../../../../core/stix/model/categories.ts';
import type { JsonObject, PropertyTable, Shape } from '../../../../core/stix/model/properties.ts';
import { definitionOf } from '../../../../core/stix/model/registry.ts';

export type FieldControl =
  | { kind: 'text'; multiline: boolean }
  | { kind: 'number'; integer: boolean; min: number; max: number }
  | { kind: 'boolean' }
  | { kind: 'timestamp' }
  | { kind: 'choice'; values: readonly string[]; open: boolean; multiple: boolean }
  | { kind: 'tags' }
  | { kind: 'ref'; targets: readonly RefTarget[]; multiple: boolean }
  | { kind: 'hashes' }
  | { kind: 'rows'; columns: readonly { key: string; required: boolean }[] }
  | { kind: 'tlp' };

export interface FieldSpec {
  key: string;
  required: boolean;
  control: FieldControl;
}

/** What the form sets itself, or what an analyst does not type (§3.2 bookkeeping, §7 markings detail). */
const NOT_TYPED = new Set(['type', 'id', 'spec_version', 'created', 'modified', 'created_by_ref', 'revoked', 'lang', 'granular_markings', 'extensions', 'defanged', 'objects']);
const LONG_TEXT = new Set(['description', 'content', 'explanation', 'abstract', 'pattern', 'body', 'objective']);
/** Shown after the type's own properties, in this order. */
const COMMON_LAST = ['labels', 'confidence', 'object_marking_refs', 'external_references'];

/** The SCOs an analyst types by hand; the others (process, traffic, messages…) come from tools. */
export const TYPED_SCOS = [
  'ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file', 'autonomous-system', 'mac-addr',
  'user-account', 'windows-registry-key', 'mutex', 'software', 'x509-certificate', 'directory',
] as const;

function controlFor(key: string, shape: Shape | undefined): FieldControl | null {
  if (key === 'object_marking_refs') return { kind: 'tlp' };
  if (!shape) return null;
  switch (shape.kind) {
    case 'string':
      return { kind: 'text', multiline: LONG_TEXT.has(key) };
    case 'integer':
    case 'float':
      return { kind: 'number', integer: shape.kind === 'integer', min: shape.min, max: shape.max };
    case 'boolean':
      return { kind: 'boolean' };
    case 'timestamp':
      return { kind: 'timestamp' };
    case 'vocab':
      return { kind: 'choice', values: shape.values, open: shape.open, multiple: false };
    case 'ref':
      return { kind: 'ref', targets: shape.targets, multiple: false };
    case 'hashes':
      return { kind: 'hashes' };
    case 'list':
      return listControl(shape.item);
    default:
      // Dictionaries and free JSON have no sensible form control; the raw STIX tab shows them.
      return null;
  }
}

function listControl(item: Shape | undefined): FieldControl | null {
  if (item?.kind === 'string') return { kind: 'tags' };
  if (item?.kind === 'vocab') return { kind: 'choice', values: item.values, open: item.open, multiple: true };
  if (item?.kind === 'ref') return { kind: 'ref', targets: item.targets, multiple: true };
  if (item?.kind === 'embedded' && embeddedIsFlat(item.table)) {
    return { kind: 'rows', columns: Object.entries(item.table).filter(([, prop]) => prop.shape?.kind === 'string').map(([key, prop]) => ({ key, required: prop.required })) };
  }
  return null;
}

/** Embedded objects made of strings (kill-chain phases, external references) become rows of text boxes. */
function embeddedIsFlat(table: PropertyTable): boolean {
  return Object.values(table).some((prop) => prop.shape?.kind === 'string');
}

/** The form's fields for one STIX type: its own properties first, the common ones after. */
export function fieldsFor(type: string): FieldSpec[] {
  const definition = definitionOf(type);
  if (!definition) return [];
  const fields: FieldSpec[] = [];
  for (const [key, prop] of Object.entries(definition.properties)) {
    if (NOT_TYPED.has(key)) continue;
    const control = controlFor(key, prop.shape);
    if (control) fields.push({ key, required: prop.required, control });
  }
  const rank = (key: string) => COMMON_LAST.indexOf(key);
  const own = fields.filter((field) => rank(field.key) < 0);
  // Required ones first within the type's own, so what must be typed is at the top.
  own.sort((a, b) => Number(b.required) - Number(a.required));
  return [...own, ...fields.filter((field) => rank(field.key) >= 0).sort((a, b) => rank(a.key) - rank(b.key))];
}

export type FormValue = string | number | boolean | string[] | Record<string, string> | Record<string, string>[] | null;
export type FormValues = Record<string, FormValue>;

/** Empty values are left out of the object: STIX has no use for "" or []. */
function isEmpty(value: FormValue | undefined): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** The TLP level an object is marked with (the form's one TLP choice), and its other markings. */
export function splitMarkings(refs: unknown): { tlp: TlpLevel | null; others: string[] } {
  const list = Array.isArray(refs) ? refs.filter((ref): ref is string => typeof ref === 'string') : [];
  const tlp = list.map((ref) => tlpLevelOf(ref)).find((level): level is TlpLevel => level !== undefined) ?? null;
  return { tlp, others: list.filter((ref) => tlpLevelOf(ref) === undefined) };
}

function cleanRows(rows: Record<string, string>[]): Record<string, string>[] {
  const cleaned = rows.map((row): Record<string, string> => {
    const entries: [string, string][] = Object.entries(row).map(([key, text]) => [key, text.trim()]);
    return Object.fromEntries(entries.filter(([, text]) => text !== ''));
  });
  return cleaned.filter((row) => Object.keys(row).length > 0);
}

/**
 * The STIX object the form describes. `base` is the stored version when editing: its
 * id, `created` and the properties the form does not show are kept.
 */
export function buildObject(type: string, values: FormValues, now: string, base?: JsonObject): JsonObject {
  const shown = fieldsFor(type);
  // What the form shows is written from the form; everything else is kept from `base`.
  const object: JsonObject = base ? Object.fromEntries(Object.entries(base).filter(([key]) => !shown.some((field) => field.key === key))) : { type, spec_version: '2.1' };
  for (const field of shown) {
    const value = values[field.key];
    if (field.control.kind === 'tlp') {
      const others = splitMarkings(base?.['object_marking_refs']).others;
      const tlp = typeof value === 'string' && (TLP_ORDER as readonly string[]).includes(value) ? [TLP_2[value as TlpLevel].id] : [];
      if (tlp.length + others.length > 0) object[field.key] = [...tlp, ...others];
      continue;
    }
    const cleaned = field.control.kind === 'rows' && Array.isArray(value) ? cleanRows(value as Record<string, string>[]) : typeof value === 'string' ? value.trim() : value;
    if (!isEmpty(cleaned)) object[field.key] = cleaned;
  }
  if (!base) {
    if (isScoType(type)) {
      object['id'] = generateScoId(type, object);
    } else {
      object['id'] = randomId(type);
      object['created'] = now;
      object['modified'] = now;
    }
  }
  return object;
}

/** Whether the SCO's id follows from what is typed (so "creating it again" finds it). */
export function hasDeterministicId(type: string, object: JsonObject): boolean {
  return isScoType(type) && idContribution(type, object) !== undefined;
}

/** The form's values for a stored object, or the defaults of a new one. */
export function valuesFrom(type: string, object: JsonObject | undefined, defaults: { tlp: TlpLevel | null; now: string }): FormValues {
  const values: FormValues = {};
  for (const field of fieldsFor(type)) {
    const value = object?.[field.key];
    if (field.control.kind === 'tlp') values[field.key] = object ? splitMarkings(value).tlp : defaults.tlp;
    else if (value !== undefined) values[field.key] = value as FormValue;
    else if (!object && field.required && field.control.kind === 'timestamp') values[field.key] = defaults.now;
    else if (!object && field.required && field.control.kind === 'boolean') values[field.key] = false;
    else values[field.key] = null;
  }
  return values;
}

/** The form field a validator issue belongs to (`/aliases/1` → aliases), or null for the whole object. */
export function fieldOfIssue(path: string): string | null {
  const key = path.split('/')[1];
  return key ? key.replaceAll('~1', '/').replaceAll('~0', '~') : null;
}

/** Which kinds of object a "New…" menu offers, grouped as the spec groups them. */
export function creatableTypes(): { sdo: string[]; sco: string[]; sro: string[] } {
  return { sdo: [...SDO_TYPES], sco: [...TYPED_SCOS], sro: [...SRO_TYPES] };
}

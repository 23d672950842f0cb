/**
 * The property kinds of STIX 2.1 §2 (common data types), as small declarative values:
 * each knows how to check one present value and, at the type level, what it holds. Type
 * tables (sdos.ts, scos.ts, …) are records of these, and the STIX object types are
 * derived from the tables, so the runtime rules and the static types cannot drift.
 */
import { pointer, type IssueList } from '../issues.ts';
import { refAllows, type RefTarget } from './categories.ts';
import { CUSTOM_HASH_NAME, HASH_FORMATS, hashFormatLoosely } from './hashFormats.ts';
import { parseId } from './identifier.ts';
import { parseTimestamp } from './timestamp.ts';

export type Check = (value: unknown, path: string, issues: IssueList) => void;

/**
 * What kind of value a property holds, as data, so forms can be generated from the same
 * tables the validator checks (issue 17). Absent on hand-written props (extensions).
 */
export type Shape =
  | { readonly kind: 'string' | 'boolean' | 'timestamp' | 'hashes' | 'json' | 'dictionary' }
  | { readonly kind: 'integer' | 'float'; readonly min: number; readonly max: number }
  | { readonly kind: 'vocab'; readonly values: readonly string[]; readonly open: boolean }
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'ref'; readonly targets: readonly RefTarget[] }
  | { readonly kind: 'list'; readonly item: Shape | undefined }
  | { readonly kind: 'embedded'; readonly table: PropertyTable };

export interface Prop<T = unknown, R extends boolean = boolean> {
  readonly required: R;
  readonly check: Check;
  readonly shape?: Shape;
  /** Present only in the type system: what a valid value of this property is. */
  readonly valueType?: T;
}

export type PropertyTable = Readonly<Record<string, Prop>>;

type ValueOf<P> = P extends Prop<infer T> ? T : never;
type RequiredKeys<T extends PropertyTable> = { [K in keyof T]: T[K]['required'] extends true ? K : never }[keyof T];

/** The object a table describes: required properties present, the others optional. */
export type ObjectOf<T extends PropertyTable> = {
  -readonly [K in RequiredKeys<T>]: ValueOf<T[K]>;
} & {
  -readonly [K in Exclude<keyof T, RequiredKeys<T>>]?: ValueOf<T[K]>;
};

/** Any JSON object; the validator never assumes more than this about its input. */
export type JsonObject = Record<string, unknown>;

export type Hook = (object: Readonly<JsonObject>, path: string, issues: IssueList) => void;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: an input key such as `constructor` must not find Object.prototype. */
export function own(table: PropertyTable, key: string): Prop | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function prop<T>(check: Check, shape: Shape): Prop<T, false> {
  return { required: false, check, shape };
}

export function required<T>(p: Prop<T>): Prop<T, true> {
  return { ...p, required: true };
}

function typeError(issues: IssueList, path: string, expected: string): void {
  issues.error(path, 'value-type', `Expected ${expected}.`);
}

export function string(): Prop<string, false> {
  return prop((value, path, issues) => {
    if (typeof value !== 'string') typeError(issues, path, 'a string');
  }, { kind: 'string' });
}

/** A string that must match a pattern, for formats the spec makes MUST rules. */
export function formatted(pattern: RegExp, what: string): Prop<string, false> {
  return prop((value, path, issues) => {
    if (typeof value !== 'string') typeError(issues, path, 'a string');
    else if (!pattern.test(value)) issues.error(path, 'format', `Expected ${what}.`);
  }, { kind: 'string' });
}

export function literal<const V extends string>(expected: V): Prop<V, false> {
  return prop((value, path, issues) => {
    if (value !== expected) issues.error(path, 'value-type', `Expected "${expected}".`);
  }, { kind: 'literal', value: expected });
}

function numberProp(integer: boolean, min: number, max: number): Prop<number, false> {
  return prop((value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      typeError(issues, path, integer ? 'an integer' : 'a number');
    } else if (value < min || value > max) {
      issues.error(path, 'range', `Expected a value from ${min} to ${max}.`);
    }
  }, { kind: integer ? 'integer' : 'float', min, max });
}

export function integer(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Prop<number, false> {
  return numberProp(true, min, max);
}

export function float(min = -Number.MAX_VALUE, max = Number.MAX_VALUE): Prop<number, false> {
  return numberProp(false, min, max);
}

export function boolean(): Prop<boolean, false> {
  return prop((value, path, issues) => {
    if (typeof value !== 'boolean') typeError(issues, path, 'true or false');
  }, { kind: 'boolean' });
}

/** `millis`: `created` and `modified` must be precise to the millisecond (§3.2). */
export function timestamp(millis = false): Prop<string, false> {
  return prop((value, path, issues) => {
    const parts = typeof value === 'string' ? parseTimestamp(value) : undefined;
    if (parts === undefined) issues.error(path, 'timestamp', 'Expected an RFC 3339 UTC timestamp such as 2016-05-12T08:17:27.000Z.');
    else if (millis && parts.fraction.length < 3) issues.error(path, 'timestamp-precision', 'This timestamp must be precise to the millisecond.');
  }, { kind: 'timestamp' });
}

/** An identifier that refers to another object, of one of the given types. */
export function ref(targets: readonly RefTarget[]): Prop<string, false> {
  return prop((value, path, issues) => checkRef(value, path, issues, targets), { kind: 'ref', targets });
}

export function checkRef(value: unknown, path: string, issues: IssueList, targets: readonly RefTarget[]): void {
  const id = parseId(value);
  if (id === undefined) issues.error(path, 'ref-form', 'Expected an identifier of the form type--UUID.');
  else if (!refAllows(targets, id.type)) issues.error(path, 'ref-type', `A reference to ${id.type} is not allowed here (allowed: ${targets.join(', ')}).`);
}

export function list<T>(item: Prop<T>): Prop<T[], false> {
  return prop((value, path, issues) => {
    if (!Array.isArray(value)) return typeError(issues, path, 'a list');
    if (value.length === 0) issues.error(path, 'empty-list', 'A list property must not be empty.');
    value.forEach((entry: unknown, index) => item.check(entry, pointer(path, index), issues));
  }, { kind: 'list', item: item.shape });
}

/** Open vocabulary (§10): a value outside it is allowed but worth a warning. */
export function openVocab(values: readonly string[], name: string): Prop<string, false> {
  return prop((value, path, issues) => {
    if (typeof value !== 'string') typeError(issues, path, 'a string');
    else if (!values.includes(value)) issues.warn(path, 'open-vocab', `"${value}" is not in the ${name} vocabulary.`);
  }, { kind: 'vocab', values, open: true });
}

/** Enumeration (§10): only the listed values are valid. */
export function enumeration<const V extends string>(values: readonly V[]): Prop<V, false> {
  return prop((value, path, issues) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      issues.error(path, 'enum', `Expected one of: ${values.join(', ')}.`);
    }
  }, { kind: 'vocab', values, open: false });
}

/** §2.7: keys of at most 250 ASCII characters. */
function checkDictionaryKeys(value: JsonObject, path: string, issues: IssueList): void {
  for (const key of Object.keys(value)) {
    // eslint-disable-next-line no-control-regex -- the rule is literally "ASCII only"
    if (key.length > 250 || !/^[\x00-\x7f]*$/.test(key)) issues.error(pointer(path, key), 'dictionary-key', 'Dictionary keys must be ASCII and at most 250 characters.');
  }
}

export function dictionary<T = unknown>(entry?: Prop<T>): Prop<Record<string, T>, false> {
  return prop((value, path, issues) => {
    if (!isObject(value)) return typeError(issues, path, 'a dictionary');
    checkDictionaryKeys(value, path, issues);
    if (entry) for (const [key, item] of Object.entries(value)) entry.check(item, pointer(path, key), issues);
  }, { kind: 'dictionary' });
}

/** §2.6 hashes: algorithm → digest; digests of known algorithms must have their form. */
export function hashes(): Prop<Record<string, string>, false> {
  return prop((value, path, issues) => {
    if (!isObject(value)) return typeError(issues, path, 'a dictionary of hashes');
    checkDictionaryKeys(value, path, issues);
    if (Object.keys(value).length === 0) issues.error(path, 'empty-list', 'hashes must name at least one hash.');
    for (const [algorithm, digest] of Object.entries(value)) {
      const at = pointer(path, algorithm);
      const format = Object.hasOwn(HASH_FORMATS, algorithm) ? HASH_FORMATS[algorithm] : undefined;
      if (typeof digest !== 'string') typeError(issues, at, 'a string');
      else if (format !== undefined && !format.pattern.test(digest)) issues.error(at, 'hash-format', `This is not a valid ${algorithm} value: write ${format.shape}.`);
      else if (format !== undefined) continue;
      else if (!CUSTOM_HASH_NAME.test(algorithm)) issues.error(at, 'property-name', `"${algorithm}" is not a hash algorithm name: use one of ${Object.keys(HASH_FORMATS).join(', ')}, or a name of 3–250 letters, digits, _ and -.`);
      else {
        const spelt = hashFormatLoosely(algorithm)?.name;
        issues.warn(at, 'open-vocab', `"${algorithm}" is not in the hash-algorithm vocabulary${spelt === undefined ? '' : `: write ${spelt}`}.`);
      }
    }
  }, { kind: 'hashes' });
}

export function hex(): Prop<string, false> {
  return formatted(/^([a-fA-F0-9]{2})*$/, 'an even number of hexadecimal digits');
}

export function binary(): Prop<string, false> {
  return formatted(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'base64-encoded data');
}

/** Any JSON value (custom content the spec leaves open). */
export function json(): Prop<unknown, false> {
  return prop(() => undefined, { kind: 'json' });
}

/** An embedded object with its own table and, optionally, its own constraint hook. */
export function embedded<const T extends PropertyTable>(table: T, hook?: Hook): Prop<ObjectOf<T> & JsonObject, false> {
  return prop((value, path, issues) => {
    if (!isObject(value)) return typeError(issues, path, 'an object');
    checkTable(table, value, path, issues);
    hook?.(value, path, issues);
  }, { kind: 'embedded', table });
}

/** Required properties present, present ones valid; other keys are left to the caller. */
export function checkTable(table: PropertyTable, object: JsonObject, path: string, issues: IssueList): void {
  for (const [key, spec] of Object.entries(table)) {
    const value = Object.hasOwn(object, key) ? object[key] : undefined;
    if (value === undefined) {
      if (spec.required) issues.error(pointer(path, key), 'required', `${key} is required.`);
    } else {
      spec.check(value, pointer(path, key), issues);
    }
  }
}

/**
 * One definition per STIX type: its name, its category, its property table and its one
 * constraint hook for the rules that span several properties.
 */
import type { IssueList } from '../issues.ts';
import type { Category } from './categories.ts';
import { compareTimestamps, isTimestamp } from './timestamp.ts';
import { literal, required, type Hook, type JsonObject, type ObjectOf, type Prop, type PropertyTable } from './properties.ts';
import { pointer } from '../issues.ts';

export interface TypeDefinition<T extends PropertyTable = PropertyTable> {
  readonly type: string;
  readonly category: Category;
  readonly properties: T;
  readonly constraints: Hook | undefined;
}

export function defineType<const N extends string, const T extends PropertyTable>(
  type: N,
  category: Category,
  properties: T,
  constraints?: Hook,
): TypeDefinition<T & { readonly type: Prop<N, true> }> {
  return { type, category, properties: { type: required(literal(type)), ...properties }, constraints };
}

/**
 * Custom properties (§11.1) pass through: an object type is its table plus anything
 * else, which the code must narrow before use.
 */
export type StixObjectOf<D> = D extends TypeDefinition<infer T> ? ObjectOf<T> & JsonObject : never;

// Helpers for constraint hooks. Each names the rule it enforces, so the hooks read as the spec.

/** `later` must not precede `earlier` (or must follow it, when `strict`). */
export function timeOrder(o: Readonly<JsonObject>, path: string, issues: IssueList, earlier: string, later: string, strict = false): void {
  const a = o[earlier];
  const b = o[later];
  if (!isTimestamp(a) || !isTimestamp(b)) return;
  const order = compareTimestamps(a, b);
  if (order > 0 || (strict && order === 0)) {
    issues.error(pointer(path, later), 'time-order', `${later} must be ${strict ? 'later than' : 'the same as or later than'} ${earlier}.`);
  }
}

export function atLeastOne(o: Readonly<JsonObject>, path: string, issues: IssueList, keys: readonly string[]): void {
  if (!keys.some((key) => o[key] !== undefined)) issues.error(path, 'at-least-one', `At least one of ${keys.join(', ')} is required.`);
}

export function notBoth(o: Readonly<JsonObject>, path: string, issues: IssueList, a: string, b: string): void {
  if (o[a] !== undefined && o[b] !== undefined) issues.error(pointer(path, b), 'mutually-exclusive', `${b} must not be present together with ${a}.`);
}

/** `dependent` may only be present when `on` is. */
export function requires(o: Readonly<JsonObject>, path: string, issues: IssueList, dependent: string, on: string): void {
  if (o[dependent] !== undefined && o[on] === undefined) issues.error(pointer(path, dependent), 'dependency', `${dependent} requires ${on}.`);
}

/** A table without some of its properties (e.g. common properties a meta object lacks). */
export function omit<T extends PropertyTable, K extends keyof T>(table: T, ...keys: readonly K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(table).filter(([key]) => !keys.includes(key as K))) as Omit<T, K>;
}

/**
 * Reading the observables out of an indicator's pattern, so an imported indicator can be
 * linked to the SCOs it detects. Only equality comparisons on identifying properties are
 * read; within one observation, comparisons joined by AND describe one object (§9.5), so
 * they build one observable per object type, and OR'd alternatives build one each.
 * Anything else (LIKE, ranges, NOT, qualifiers' timing) is not an observable: the result
 * says `exact: false` when such parts were left out.
 */
import { generateScoId } from '../ids.ts';
import { isScoType } from '../model/categories.ts';
import { isObject, type JsonObject } from '../model/properties.ts';
import type { ComparisonExpression, ObservationExpression } from './ast.ts';
import { parsePattern } from './parse.ts';

export interface PatternObservable {
  readonly type: string;
  /** The deterministic id the SCO has in the knowledge base (ids.ts). */
  readonly id: string;
  readonly properties: JsonObject;
}

export type ObservablesResult =
  | { readonly ok: true; readonly observables: readonly PatternObservable[]; readonly exact: boolean }
  | { readonly ok: false; readonly error: string };

type Leaf = Extract<ComparisonExpression, { kind: 'comparison' | 'exists' }>;

const MAX_GROUPS = 256;

/**
 * The comparison expression as OR of AND-groups (disjunctive normal form). Patterns whose
 * normal form grows past MAX_GROUPS describe no handful of observables: `undefined`.
 */
function disjuncts(expression: ComparisonExpression): Leaf[][] | undefined {
  if (expression.kind === 'comparison' || expression.kind === 'exists') return [[expression]];
  const parts = expression.operands.map(disjuncts);
  if (parts.some((part) => part === undefined)) return undefined;
  const defined = parts as Leaf[][][];
  let result: Leaf[][] = expression.kind === 'or' ? defined.flat() : [[]];
  if (expression.kind === 'and') {
    for (const part of defined) {
      result = result.flatMap((group) => part.map((d) => [...group, ...d]));
      if (result.length > MAX_GROUPS) return undefined;
    }
  }
  return result.length > MAX_GROUPS ? undefined : result;
}

function observations(expression: ObservationExpression): ComparisonExpression[] {
  switch (expression.kind) {
    case 'observation':
      return [expression.expression];
    case 'qualified':
      return observations(expression.expression);
    default:
      return expression.operands.flatMap(observations);
  }
}

/** Sets `properties[a][b] = value` for a one- or two-step property path. */
function assign(properties: JsonObject, names: readonly string[], value: unknown): boolean {
  const [first, second, ...rest] = names;
  if (first === undefined || rest.length > 0) return false;
  if (second === undefined) {
    if (properties[first] !== undefined && properties[first] !== value) return false;
    properties[first] = value;
    return true;
  }
  const nested = properties[first] ?? {};
  if (!isObject(nested)) return false;
  nested[second] = value;
  properties[first] = nested;
  return true;
}

export function observablesFromPattern(pattern: string): ObservablesResult {
  const parsed = parsePattern(pattern);
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  let exact = true;
  const found = new Map<string, PatternObservable>();
  const groups: Leaf[][] = [];
  for (const expression of observations(parsed.pattern)) {
    const normal = disjuncts(expression);
    if (normal === undefined) exact = false;
    else groups.push(...normal);
  }
  for (const group of groups) {
    const byType = new Map<string, JsonObject>();
    for (const leaf of group) {
      const simple = leaf.kind === 'comparison' && leaf.operator === '=' && !leaf.negated && !Array.isArray(leaf.value);
      const names = leaf.path.steps.map((step) => (step.kind === 'property' ? step.name : undefined));
      const value = simple && !Array.isArray(leaf.value) ? (leaf.value as { value: unknown }).value : undefined;
      const properties = byType.get(leaf.path.objectType) ?? {};
      if (!simple || !isScoType(leaf.path.objectType) || names.includes(undefined) || !assign(properties, names as string[], value)) {
        exact = false;
        continue;
      }
      byType.set(leaf.path.objectType, properties);
    }
    for (const [type, properties] of byType) {
      const id = generateScoId(type, properties);
      // Without ID-contributing properties the id is random and links to nothing.
      if (/^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-4/.test(id)) {
        exact = false;
        continue;
      }
      if (!found.has(id)) found.set(id, { type, id, properties });
    }
  }
  return { ok: true, observables: [...found.values()], exact };
}

/**
 * What the export observes: every SCO it holds, and every value an indicator's STIX pattern
 * names that no SCO holds (with the id that SCO would have), each with the indicators that
 * detect it. Detection-rule indicators are kept apart; what maps to nothing is counted.
 */
import { isScoType } from '../../stix/model/categories.ts';
import type { JsonObject } from '../../stix/model/properties.ts';
import { observablesFromPattern } from '../../stix/pattern/observables.ts';
import { ruleOf, singleOf } from './attributes.ts';
import { NOT_EXPORTED_WHY, type MispNotExported, type NotExportedReason } from './types.ts';

export interface Observed {
  readonly sco: JsonObject;
  /** True when only a pattern names it: there is no SCO to read more from. */
  readonly fromPattern: boolean;
  readonly detectors: JsonObject[];
}

export class NotExported {
  private readonly counts = new Map<string, MispNotExported>();

  add(what: string, reason: NotExportedReason): void {
    const key = `${what}\u0000${reason}`;
    const known = this.counts.get(key);
    this.counts.set(key, { what, reason, why: NOT_EXPORTED_WHY[reason], count: (known?.count ?? 0) + 1 });
  }

  list(): MispNotExported[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count || a.what.localeCompare(b.what));
  }
}

export function isObservable(object: JsonObject): boolean {
  const type = String(object['type']);
  return isScoType(type) || type === 'cryptocurrency-wallet';
}

export interface Reading {
  readonly observed: Map<string, Observed>;
  readonly rules: JsonObject[];
}

/**
 * An SCO's value as MISP writes it, so a pattern finds its SCO even where the SCO's id is not
 * the deterministic one (objects from elsewhere); files and keys are matched by id only.
 */
function valueKey(sco: JsonObject): string | undefined {
  const single = singleOf(sco);
  return single === undefined ? undefined : `${single.type}|${single.value}`;
}

export function readObserved(objects: readonly JsonObject[], notExported: NotExported): Reading {
  const observed = new Map<string, Observed>();
  const byValue = new Map<string, Observed>();
  const rules: JsonObject[] = [];
  for (const object of objects) {
    if (!isObservable(object) || typeof object['id'] !== 'string') continue;
    const item: Observed = { sco: object, fromPattern: false, detectors: [] };
    observed.set(object['id'], item);
    const key = valueKey(object);
    if (key !== undefined && !byValue.has(key)) byValue.set(key, item);
  }
  for (const indicator of objects) {
    if (indicator['type'] !== 'indicator') continue;
    const patternType = typeof indicator['pattern_type'] === 'string' ? indicator['pattern_type'] : 'stix';
    if (patternType !== 'stix') {
      if (ruleOf(indicator) !== undefined) rules.push(indicator);
      else notExported.add(`indicator (${patternType})`, 'pattern-language');
      continue;
    }
    const result = typeof indicator['pattern'] === 'string' ? observablesFromPattern(indicator['pattern']) : undefined;
    if (result === undefined || !result.ok || result.observables.length === 0) {
      notExported.add('indicator (stix)', 'pattern-no-value');
      continue;
    }
    for (const { id, type, properties } of result.observables) {
      const sco = { ...properties, type, id };
      const key = valueKey(sco);
      const known: Observed = observed.get(id) ?? (key === undefined ? undefined : byValue.get(key)) ?? { sco, fromPattern: true, detectors: [] };
      known.detectors.push(indicator);
      if (!observed.has(String(known.sco['id']))) observed.set(id, known);
      if (key !== undefined && !byValue.has(key)) byValue.set(key, known);
    }
  }
  return { observed, rules };
}

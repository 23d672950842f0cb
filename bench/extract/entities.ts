/**
 * Name matching scored on the labelled paragraphs of entityCases.ts against ATT&CK
 * Enterprise's names and aliases: precision and recall per type, of what the review
 * lists and of what it ticks by default.
 */
import { buildNameIndex, findEntityNames, knownEntitiesOf, type EntityMatch } from '../../core/extract/entityNames/index.ts';
import type { StixObject } from '../../core/stix/model/types.ts';
import { ENTITY_CASES, PLACES_AND_SECTORS, type EntityCase } from './entityCases.ts';

export interface TypeScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface EntityScores {
  names: number;
  cases: number;
  listed: Record<string, TypeScore>;
  ticked: Record<string, TypeScore>;
  /** What went wrong, case by case: `+` listed but not there, `-` there but missed. */
  errors: string[];
  millisecondsPerCase: number;
}

const ratio = (numerator: number, denominator: number): number => (denominator === 0 ? 1 : Math.round((numerator / denominator) * 1000) / 1000);

function score(cases: readonly EntityCase[], found: ReadonlyMap<string, readonly EntityMatch[]>, keep: (match: EntityMatch) => boolean, errors?: string[]): Record<string, TypeScore> {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (type: string, field: 'tp' | 'fp' | 'fn'): void => {
    const entry = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    entry[field]++;
    counts.set(type, entry);
  };
  for (const entry of cases) {
    const got = new Set((found.get(entry.id) ?? []).filter(keep).map((match) => `${match.type}|${match.name}`));
    const expected = new Set(entry.expect);
    for (const key of got) {
      const type = key.split('|')[0] ?? '';
      if (expected.has(key)) bump(type, 'tp');
      else {
        bump(type, 'fp');
        errors?.push(`${entry.id}: + ${key}`);
      }
    }
    for (const key of expected) {
      if (got.has(key)) continue;
      bump(key.split('|')[0] ?? '', 'fn');
      errors?.push(`${entry.id}: - ${key}`);
    }
  }
  const all = { tp: 0, fp: 0, fn: 0 };
  const result: Record<string, TypeScore> = {};
  const toScore = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }): TypeScore => ({ truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) });
  for (const [type, entry] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    result[type] = toScore(entry);
    all.tp += entry.tp;
    all.fp += entry.fp;
    all.fn += entry.fn;
  }
  result['all'] = toScore(all);
  return result;
}

/** The cases against `objects` (ATT&CK's) and the countries and sectors a knowledge base from OpenCTI holds (entityCases.ts). */
export function scoreEntityCases(objects: readonly StixObject[], cases: readonly EntityCase[] = ENTITY_CASES): EntityScores {
  const index = buildNameIndex(knownEntitiesOf([...objects, ...PLACES_AND_SECTORS]));
  const found = new Map<string, EntityMatch[]>();
  const started = performance.now();
  for (const entry of cases) found.set(entry.id, findEntityNames([{ page: 1, text: entry.text }], index));
  const elapsed = performance.now() - started;
  const errors: string[] = [];
  return {
    names: index.size,
    cases: cases.length,
    listed: score(cases, found, () => true, errors),
    ticked: score(cases, found, (match) => match.ticked),
    errors,
    millisecondsPerCase: Math.round((elapsed / cases.length) * 100) / 100,
  };
}

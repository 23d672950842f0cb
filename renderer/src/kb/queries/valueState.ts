/**
 * What the lookup (issue 21, point 1) says of a known value beyond where it came from: the
 * object that is the value, its score and confidence, and whether its indicator is still
 * live. Pure: read from the records the known-values query already holds.
 */
import { isExpired } from '../../../../core/exports/leaveOut.ts';
import { displayName } from '../../../../core/knowledge/objectFacts.ts';
import { decayedScore } from '../../../../core/lifecycle/decay.ts';
import type { StoredObject } from '../records.ts';

/** An indicator's state (STIX 2.1 §4.7): revoked wins over expired; `valid` when neither. */
export type IndicatorState = 'valid' | 'expired' | 'revoked';

export interface ValueState {
  /** The observable (else the indicator, else whatever was found), for a link to its page. */
  object: { id: string; type: string; name: string };
  /**
   * 0–100, the highest of its indicators' scores decayed to `now` (issue 21, point 2; the
   * default model) and its observables' `x_opencti_score` (an enrichment's verdict).
   */
  score: number | null;
  /** STIX `confidence` (0–100), the highest. */
  confidence: number | null;
  /** The best state of its indicators (one live indicator makes the value live); null when none. */
  indicatorState: IndicatorState | null;
}

const STATE_RANK: Record<IndicatorState, number> = { valid: 2, expired: 1, revoked: 0 };

const highest = (records: readonly StoredObject[], property: string): number | null => {
  const numbers = records.map((record) => record.stix[property]).filter((value): value is number => typeof value === 'number');
  return numbers.length === 0 ? null : Math.max(...numbers);
};

function score(records: readonly StoredObject[], now: Date): number | null {
  const scores = records.map((record) => (record.type === 'indicator' ? Math.round(decayedScore(record.stix, now)) : record.stix['x_opencti_score'])).filter((value): value is number => typeof value === 'number');
  return scores.length === 0 ? null : Math.max(...scores);
}

export function indicatorState(record: StoredObject, now: Date): IndicatorState {
  if (record.stix['revoked'] === true) return 'revoked';
  return isExpired(record.stix, now) ? 'expired' : 'valid';
}

/** `records` is never empty: a value with no record is unknown and has no state. */
export function valueState(records: readonly StoredObject[], now: Date): ValueState {
  const primary = records.find((record) => record.type !== 'indicator') ?? records[0];
  if (primary === undefined) throw new Error('valueState needs at least one record.');
  let state: IndicatorState | null = null;
  for (const record of records) {
    if (record.type !== 'indicator') continue;
    const next = indicatorState(record, now);
    if (state === null || STATE_RANK[next] > STATE_RANK[state]) state = next;
  }
  return {
    object: { id: primary.id, type: primary.type, name: displayName(primary.stix) },
    score: score(records, now),
    confidence: highest(records, 'confidence'),
    indicatorState: state,
  };
}

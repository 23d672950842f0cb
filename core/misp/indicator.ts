/**
 * Indicators for MISP values flagged `to_ids` (STIX 2.1 §4.7), based on the observables
 * they detect, as OpenCTI's MISP connector links them (`based-on` from the indicator to
 * each observable; the spec lists only observed-data as a target, so the validator warns).
 */
import { compareTimestamps, type JsonObject } from '../stix/index.ts';
import { relationship, sdoBase, type EventContext, type Times } from './context.ts';
import { fromDate } from './time.ts';

export interface IndicatorInput {
  readonly id: string;
  readonly name: string;
  readonly pattern: string;
  readonly patternType: string;
  readonly description?: string | undefined;
  readonly labels: readonly string[];
  readonly firstSeen?: string | undefined;
  readonly lastSeen?: string | undefined;
  readonly basedOn: readonly string[];
}

/** The indicator and its `based-on` relationships. */
export function indicatorFor(context: EventContext, input: IndicatorInput, times: Times): JsonObject[] {
  // MISP's first_seen/last_seen bound when the value was malicious; without them, from when MISP knew it.
  const validFrom = fromDate(input.firstSeen) ?? times.created;
  const lastSeen = fromDate(input.lastSeen);
  const validUntil = lastSeen !== undefined && compareTimestamps(lastSeen, validFrom) > 0 ? lastSeen : undefined;
  const indicator: JsonObject = {
    ...sdoBase(context, 'indicator', input.id, times, input.labels),
    name: input.name,
    ...(input.description === undefined || input.description.trim() === '' ? {} : { description: input.description }),
    indicator_types: ['malicious-activity'],
    pattern: input.pattern,
    pattern_type: input.patternType,
    ...(input.patternType === 'stix' ? { pattern_version: '2.1' } : {}),
    valid_from: validFrom,
    ...(validUntil === undefined ? {} : { valid_until: validUntil }),
  };
  return [indicator, ...input.basedOn.map((target) => relationship(context, input.id, 'based-on', target, times))];
}

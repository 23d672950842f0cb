/**
 * What a machine-bound export leaves out (issue 21, "Exports and streams honour it"):
 * revoked objects, indicators whose `valid_until` has passed, and values on a
 * false-positive warninglist. TXT, CSV, MISP, feed exports and stream targets all call
 * `leaveOutForExport` so they agree on what "stale or benign" means, and each says how
 * many it left out and why; the analyst can ask for each reason to be included.
 */
import type { JsonObject } from '../stix/model/properties.ts';
import { defaultWarninglistIndex, isBenignHit, type WarninglistHit, type WarninglistIndex } from '../warninglists/index.ts';
import { observedIn, type ValueKind } from './values.ts';

export const LEAVE_OUT_REASONS = ['revoked', 'expired', 'warninglisted'] as const;
export type LeaveOutReason = (typeof LEAVE_OUT_REASONS)[number];

export interface LeaveOutOptions {
  /** The clock expiry is judged against (default: now). */
  readonly now?: Date;
  /** Reasons whose objects are kept anyway (`--include-revoked` …, the dialog's checkbox). */
  readonly include?: Partial<Record<LeaveOutReason, boolean>>;
  /** The warninglists in force (default: the shipped ones). */
  readonly warninglists?: WarninglistIndex;
}

export interface LeftOut {
  readonly kept: JsonObject[];
  /** Objects left out, by reason; each object counts once, under the first reason that applies. */
  readonly counts: Record<LeaveOutReason, number>;
  /** Whether a single value is on a false-positive warninglist (for value-level formats: TXT lines, MISP attributes); always false when warninglisted values are included. */
  readonly isWarninglisted: (kind: ValueKind, value: string) => boolean;
}

/** The STIX type a value kind is matched as; kinds no warninglist speaks of are absent. */
const STIX_TYPE: Partial<Record<ValueKind, string>> = { ipv4: 'ipv4-addr', ipv6: 'ipv6-addr', domain: 'domain-name', url: 'url', email: 'email-addr' };
const VALUE_TYPES = new Set(Object.values(STIX_TYPE));

export const noneLeftOut = (): Record<LeaveOutReason, number> => ({ revoked: 0, expired: 0, warninglisted: 0 });

/** An indicator is expired once its `valid_until` is not after `now` (STIX 2.1 §4.7: valid_until is exclusive). */
export function isExpired(object: JsonObject, now: Date): boolean {
  if (object['type'] !== 'indicator' || typeof object['valid_until'] !== 'string') return false;
  const until = Date.parse(object['valid_until']);
  return !Number.isNaN(until) && until <= now.getTime();
}

/** The warninglist hits of each value an object observes or detects; undefined when it holds no value a list could match. */
function valueHits(object: JsonObject, index: WarninglistIndex): WarninglistHit[][] | undefined {
  const values = observedIn(object).filter(({ type, properties }) => VALUE_TYPES.has(type) && typeof properties['value'] === 'string');
  if (values.length === 0) return undefined;
  return values.map(({ type, properties }) => index.hits(String(properties['value']), type));
}

/** Why an object is left out by default, if it is: revoked before expired before warninglisted. */
export function leaveOutReason(object: JsonObject, now: Date, index: WarninglistIndex = defaultWarninglistIndex()): LeaveOutReason | undefined {
  // Revoked and expired are an indicator's states (STIX 2.1 §4.7); other objects carry no detection values.
  if (object['type'] === 'indicator' && object['revoked'] === true) return 'revoked';
  if (isExpired(object, now)) return 'expired';
  // An object goes when every value it holds is benign; an indicator that also names a real value stays (its benign values are dropped per value).
  const hits = valueHits(object, index);
  if (hits !== undefined && hits.every(isBenignHit)) return 'warninglisted';
  return undefined;
}

export function leaveOutForExport(objects: readonly JsonObject[], options: LeaveOutOptions = {}): LeftOut {
  const now = options.now ?? new Date();
  const index = options.warninglists ?? defaultWarninglistIndex();
  const include = options.include ?? {};
  const counts = noneLeftOut();
  const kept = objects.filter((object) => {
    const reason = leaveOutReason(object, now, index);
    if (reason === undefined || include[reason] === true) return true;
    counts[reason] += 1;
    return false;
  });
  const isWarninglisted = include.warninglisted === true
    ? () => false
    : (kind: ValueKind, value: string) => {
      const type = STIX_TYPE[kind];
      return type !== undefined && isBenignHit(index.hits(value, type));
    };
  return { kept, counts, isWarninglisted };
}

const REASON_WORDS: Readonly<Record<LeaveOutReason, string>> = {
  revoked: 'revoked',
  expired: 'expired (valid_until passed)',
  warninglisted: 'on a warninglist',
};

/** One English line for stderr and logs, e.g. "left out 2 revoked, 1 expired (valid_until passed)"; undefined when nothing was. */
export function leftOutSentence(counts: Readonly<Record<LeaveOutReason, number>>, extraValues = 0): string | undefined {
  const parts = LEAVE_OUT_REASONS.flatMap((reason) => (counts[reason] > 0 ? [`${counts[reason]} ${REASON_WORDS[reason]}`] : []));
  if (extraValues > 0) parts.push(`${extraValues} warninglisted value(s) of indicators that were kept`);
  return parts.length === 0 ? undefined : `left out ${parts.join(', ')}`;
}

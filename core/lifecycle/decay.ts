/**
 * Indicators that age (issue 21, point 2): one decay model that gives every indicator a
 * score and a validity window, in the spirit of OpenCTI's decay rules (a base score, a
 * lifetime per observable type, a revoke score; OpenCTI issue #2859) and MISP's decaying
 * models (the polynomial model of MISP/misp-decaying-models):
 *
 *   score(t) = base × (1 − (t / τ)^(1/δ))        for 0 ≤ t ≤ τ, 0 after
 *
 * t is the time since the lifetime (re)started, τ the lifetime of the indicator's type and
 * δ the decay speed. The lifetime ends at `valid_until`, so it starts τ before it; an
 * indicator valid from earlier than that kept its full score until then. Worked by hand
 * (README, "Indicators that age"): an IPv4 indicator with base 80, 15 days into its 30
 * days, scores 80 × (1 − (15/30)^(1/0.5)) = 80 × (1 − 0.25) = 60.
 *
 * Pure: no clock of its own (every function takes `at`), no storage; the settings the
 * analyst edits are parsed here and kept by the knowledge base (renderer/src/kb/decaySettings.ts).
 */
import { z } from 'zod';
import type { JsonObject } from '../stix/model/properties.ts';

export const DECAY_TYPES = ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file', 'other'] as const;
export type DecayType = (typeof DECAY_TYPES)[number];

const DAY_MS = 86_400_000;

export interface DecaySettings {
  /** Days from a (re)start of the lifetime to `valid_until`, per type. */
  readonly lifetimeDays: Readonly<Record<DecayType, number>>;
  /** An indicator whose score has decayed below this is revoked (0 to 100). */
  readonly revokeScore: number;
  /** δ of the polynomial: below 1 the score holds up early and falls near the end; 1 is a straight line; above 1 it falls fast at first. */
  readonly speed: number;
}

/**
 * The defaults and why (also in the README):
 * - IPv4/IPv6 30 days: addresses are rented, shared and recycled (cloud, VPS, residential
 *   proxies); after a month an attacker's address is as likely to be someone else's.
 * - URL 60 days: a URL names one path on one host; payload and phishing paths are taken
 *   down within weeks, but outlive the address they were served from.
 * - Domain 90 days: registered for a year at a time and reused across campaigns, yet
 *   parked, sinkholed or sold within a season.
 * - E-mail 180 days: sender and drop addresses are reused across campaigns for months.
 * - File hashes 365 days: a hash never changes meaning; a sample stays malicious, only its
 *   relevance fades (as in OpenCTI's one-year fallback rule).
 * - Others (registry keys, wallets, mutexes, AS numbers…) 180 days: no better knowledge,
 *   the middle ground.
 * - Revoke score 20: OpenCTI's first decay rules revoked at 20 ("revoked when score is <=
 *   20"); under a fifth of a full score a value is not worth blocking.
 * - Speed δ = 0.5: an analyst acts on a report's values for weeks, so the curve keeps most
 *   of the score through most of the lifetime and drops towards its end (a base 80 IPv4 is
 *   still 60 at half-life, 20 at day 26); δ = 3 (OpenCTI's factor) halves it in days.
 */
export const DEFAULT_DECAY: DecaySettings = {
  lifetimeDays: { 'ipv4-addr': 30, 'ipv6-addr': 30, 'domain-name': 90, url: 60, 'email-addr': 180, file: 365, other: 180 },
  revokeScore: 20,
  speed: 0.5,
};

/** The analyst's overrides as stored (any subset); anything missing keeps its default. */
export const DecayOverrides = z.object({
  lifetimeDays: z.partialRecord(z.enum(DECAY_TYPES), z.number().int().min(1).max(3650)).optional(),
  revokeScore: z.number().int().min(0).max(100).optional(),
  speed: z.number().min(0.1).max(10).optional(),
}).strict();
export type DecayOverrides = z.infer<typeof DecayOverrides>;

export function decaySettings(overrides: DecayOverrides = {}): DecaySettings {
  return {
    lifetimeDays: { ...DEFAULT_DECAY.lifetimeDays, ...overrides.lifetimeDays },
    revokeScore: overrides.revokeScore ?? DEFAULT_DECAY.revokeScore,
    speed: overrides.speed ?? DEFAULT_DECAY.speed,
  };
}

/**
 * The source's reliability (the Admiralty scale OpenCTI keeps on identities as
 * `x_opencti_reliability`: "A - Completely reliable" … "F - Reliability cannot be judged")
 * as a weight on the confidence. F, and no reliability at all, weigh like C: not judged is
 * neither trusted nor doubted.
 */
const RELIABILITY_WEIGHT: Readonly<Record<string, number>> = { A: 1, B: 0.9, C: 0.75, D: 0.5, E: 0.25, F: 0.75 };

/** Confidence assumed when the source gives none: 50, "moderate" on STIX 2.1's scales (Appendix A). */
export const DEFAULT_CONFIDENCE = 50;

export function reliabilityWeight(reliability: string | undefined): number {
  const grade = reliability?.trim().charAt(0).toUpperCase() ?? '';
  return RELIABILITY_WEIGHT[grade] ?? RELIABILITY_WEIGHT['F'] ?? 0.75;
}

/** A new indicator's base score (0–100): its confidence weighed by its source's reliability. */
export function baseScore(confidence: number | undefined, reliability?: string): number {
  const value = confidence ?? DEFAULT_CONFIDENCE;
  return Math.round(Math.min(100, Math.max(0, value)) * reliabilityWeight(reliability));
}

/** The curve itself: the score `days` into a lifetime of `lifetime` days. */
export function decayCurve(base: number, days: number, lifetime: number, speed: number): number {
  if (days <= 0) return base;
  if (days >= lifetime) return 0;
  return base * (1 - (days / lifetime) ** (1 / speed));
}

const PATTERN_TYPE = /\[\s*([a-z0-9-]+):/i;

/** The observable type an indicator detects, from OpenCTI's main type or its STIX pattern's first comparison. */
export function decayTypeOf(indicator: JsonObject): DecayType {
  const main = indicator['x_opencti_main_observable_type'];
  const raw = typeof main === 'string' ? main.toLowerCase() : PATTERN_TYPE.exec(typeof indicator['pattern'] === 'string' ? indicator['pattern'] : '')?.[1]?.toLowerCase();
  if (raw === 'stixfile' || raw === 'artifact') return 'file';
  return (DECAY_TYPES as readonly string[]).includes(raw ?? '') ? (raw as DecayType) : 'other';
}

export function lifetimeDaysOf(type: DecayType, settings: DecaySettings = DEFAULT_DECAY): number {
  return settings.lifetimeDays[type];
}

/** `valid_until` for a lifetime of `type` (re)started at `from`. */
export function validUntilFor(type: DecayType, from: Date, settings: DecaySettings = DEFAULT_DECAY): string {
  return new Date(from.getTime() + lifetimeDaysOf(type, settings) * DAY_MS).toISOString();
}

function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** The base score an indicator decays from: the score it was given (x_opencti_score), else its confidence's. */
export function baseOf(indicator: JsonObject): number {
  const score = indicator['x_opencti_score'];
  if (typeof score === 'number' && score >= 0 && score <= 100) return score;
  return baseScore(typeof indicator['confidence'] === 'number' ? indicator['confidence'] : undefined);
}

/** The end of the indicator's lifetime: its `valid_until`, else one lifetime after `valid_from`. */
export function lifetimeEnd(indicator: JsonObject, settings: DecaySettings = DEFAULT_DECAY): number | undefined {
  const until = timeOf(indicator['valid_until']);
  if (until !== undefined) return until;
  const from = timeOf(indicator['valid_from']);
  return from === undefined ? undefined : from + lifetimeDaysOf(decayTypeOf(indicator), settings) * DAY_MS;
}

/** The indicator's score at `at` (0–100, unrounded); a revoked one scores 0. */
export function decayedScore(indicator: JsonObject, at: Date, settings: DecaySettings = DEFAULT_DECAY): number {
  if (indicator['revoked'] === true) return 0;
  const end = lifetimeEnd(indicator, settings);
  const base = baseOf(indicator);
  if (end === undefined) return base;
  const lifetime = lifetimeDaysOf(decayTypeOf(indicator), settings);
  const days = lifetime - (end - at.getTime()) / DAY_MS;
  return decayCurve(base, days, lifetime, settings.speed);
}

export type RevokeReason = 'expired' | 'decayed';

/**
 * Why the pass revokes this indicator now, if it does: its `valid_until` has passed (STIX
 * 2.1 §4.7, exclusive), or its score has decayed under the revoke score. One that starts
 * under the revoke score (a low-confidence source) is not revoked by its score, only by its
 * `valid_until`: it never was above the line, so falling further says nothing new.
 */
export function revokeReason(indicator: JsonObject, at: Date, settings: DecaySettings = DEFAULT_DECAY): RevokeReason | undefined {
  if (indicator['type'] !== 'indicator' || indicator['revoked'] === true) return undefined;
  const end = lifetimeEnd(indicator, settings);
  if (end === undefined) return undefined;
  if (end <= at.getTime()) return 'expired';
  return baseOf(indicator) >= settings.revokeScore && decayedScore(indicator, at, settings) < settings.revokeScore ? 'decayed' : undefined;
}

export function shouldRevoke(indicator: JsonObject, at: Date, settings: DecaySettings = DEFAULT_DECAY): boolean {
  return revokeReason(indicator, at, settings) !== undefined;
}

/**
 * What a source left out, filled from the model (extraction, feeds): `valid_until` one
 * lifetime after `at` (or after `valid_from` when that is later), the default confidence,
 * and the base score as `x_opencti_score`, the property OpenCTI reads its score from, so a
 * bundle sent to OpenCTI carries it. Values the source gave are kept as they are.
 */
export function fillFromModel(indicator: JsonObject, at: Date, options: { settings?: DecaySettings; reliability?: string } = {}): JsonObject {
  if (indicator['type'] !== 'indicator') return indicator;
  const settings = options.settings ?? DEFAULT_DECAY;
  const next: JsonObject = { ...indicator };
  const from = timeOf(indicator['valid_from']);
  if (indicator['valid_until'] === undefined) {
    next['valid_until'] = validUntilFor(decayTypeOf(indicator), new Date(Math.max(at.getTime(), from ?? 0)), settings);
  }
  if (typeof indicator['confidence'] !== 'number') next['confidence'] = DEFAULT_CONFIDENCE;
  if (typeof indicator['x_opencti_score'] !== 'number') next['x_opencti_score'] = baseScore(next['confidence'] as number, options.reliability);
  return next;
}

/**
 * A new sighting or a re-import at `at` restarts the lifetime: the same indicator with
 * `valid_until` one lifetime from `at`. Undefined when nothing would change by more than a
 * day (a feed polled hourly must not write a version an hour), or for a revoked indicator:
 * revoked stays revoked (STIX 2.1 §3.6, core/stix/merge.ts rule 3).
 */
export function restartedLifetime(indicator: JsonObject, at: Date, settings: DecaySettings = DEFAULT_DECAY): JsonObject | undefined {
  if (indicator['type'] !== 'indicator' || indicator['revoked'] === true) return undefined;
  const until = validUntilFor(decayTypeOf(indicator), at, settings);
  const current = lifetimeEnd(indicator, settings);
  if (current !== undefined && Date.parse(until) - current < DAY_MS) return undefined;
  return { ...indicator, valid_until: until };
}

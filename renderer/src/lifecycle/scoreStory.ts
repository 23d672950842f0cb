/**
 * What an indicator's score section says (issue 21, point 2): its score now, when it falls
 * to the revoke score, its validity window and when its lifetime was reset, worked out
 * from its versions with the one decay model (core/lifecycle/decay.ts), the same model the
 * expiry pass revokes by, so the page never promises what the pass will not do.
 */
import { baseOf, decayedScore, decayTypeOf, lifetimeDaysOf, lifetimeEnd, type DecaySettings } from '../../../core/lifecycle/decay.ts';
import { scoreSeries, type ScorePoint } from '../../../core/lifecycle/scoreSeries.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';

const DAY_MS = 86_400_000;

/** Who wrote a version, as the history names it (kb/versions/editObject.ts). */
export interface StorySource {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

export interface StoryVersion {
  readonly stix: JsonObject;
  readonly source: StorySource;
}

export interface ScoreReset {
  readonly at: number;
  /** The score the lifetime restarted with. */
  readonly score: number;
  readonly source: StorySource;
}

/**
 * - live: above the revoke score and inside its validity;
 * - under: decayed under the revoke score, waiting for the next expiry pass;
 * - expired: past `valid_until`, waiting for the next expiry pass;
 * - revoked: a revoked version (by the pass, the analyst or its source) scores 0;
 * - timeless: no `valid_from` nor `valid_until`, so the model cannot place a lifetime.
 */
export type StoryState = 'live' | 'under' | 'expired' | 'revoked' | 'timeless';

export interface ScoreStory {
  readonly state: StoryState;
  /** Rounded, as the analyst reads it. */
  readonly score: number;
  readonly base: number;
  readonly revokeScore: number;
  /** When the score falls to the revoke score; absent when it starts under it (only `valid_until` revokes it then). */
  readonly revokeAt?: number;
  readonly validFrom?: number;
  readonly validUntil?: number;
  readonly revokedAt?: number;
  /** What the source left out and the model assumed: no `x_opencti_score` (base from confidence), no `valid_until`. */
  readonly assumedBase: boolean;
  readonly assumedUntil: boolean;
  readonly resets: readonly ScoreReset[];
  /** The chart's points from the first version to the end of the lifetime (or now, when later). */
  readonly points: readonly ScorePoint[];
  readonly now: number;
}

function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** When the current lifetime's curve reaches `score` (the inverse of decayCurve), if it starts above it. */
export function crossingTime(indicator: JsonObject, score: number, settings: DecaySettings): number | undefined {
  const end = lifetimeEnd(indicator, settings);
  const base = baseOf(indicator);
  if (end === undefined || base < score || base <= 0) return undefined;
  const lifetime = lifetimeDaysOf(decayTypeOf(indicator), settings);
  const days = lifetime * (1 - score / base) ** settings.speed;
  return end - (lifetime - days) * DAY_MS;
}

function stateOf(current: JsonObject, score: number, now: number, settings: DecaySettings): StoryState {
  if (current['revoked'] === true) return 'revoked';
  const end = lifetimeEnd(current, settings);
  if (end === undefined) return 'timeless';
  if (end <= now) return 'expired';
  return baseOf(current) >= settings.revokeScore && score < settings.revokeScore ? 'under' : 'live';
}

/** Steps enough that a reset shows as a jump, not a slope, on a chart some hundreds of pixels wide. */
const STEPS = 240;

/** The story of an indicator from its versions, oldest first (the current one last). */
export function scoreStory(versions: readonly StoryVersion[], now: Date, settings: DecaySettings): ScoreStory | undefined {
  const current = versions.at(-1);
  if (!current) return undefined;
  const stix = current.stix;
  const at = now.getTime();
  const score = decayedScore(stix, now, settings);
  const state = stateOf(stix, score, at, settings);
  const end = lifetimeEnd(stix, settings);
  // Past and future on one axis: up to the end of the lifetime, so the fall to the revoke score shows.
  const to = state === 'live' || state === 'under' ? Math.max(at, end ?? at) : at;
  const series = scoreSeries(versions.map((version) => version.stix), new Date(to), settings, STEPS);
  const byTime = new Map(versions.map((version) => [timeOf(version.stix['modified'] ?? version.stix['created']), version] as const));
  const resets = series.resets.flatMap((resetAt): ScoreReset[] => {
    const version = byTime.get(resetAt);
    return version ? [{ at: resetAt, score: decayedScore(version.stix, new Date(resetAt), settings), source: version.source }] : [];
  });
  const revokeAt = state === 'live' || state === 'under' ? crossingTime(stix, settings.revokeScore, settings) : undefined;
  const revokedAt = state === 'revoked' ? timeOf(versions.find((version) => version.stix['revoked'] === true)?.stix['modified']) : undefined;
  const validFrom = timeOf(stix['valid_from']);
  return {
    state,
    score: Math.round(score),
    base: Math.round(baseOf(stix)),
    revokeScore: settings.revokeScore,
    ...(revokeAt !== undefined ? { revokeAt } : {}),
    ...(validFrom !== undefined ? { validFrom } : {}),
    ...(end !== undefined ? { validUntil: end } : {}),
    ...(revokedAt !== undefined ? { revokedAt } : {}),
    assumedBase: typeof stix['x_opencti_score'] !== 'number',
    assumedUntil: timeOf(stix['valid_until']) === undefined,
    resets,
    points: series.points,
    now: at,
  };
}

/** The resets grouped by who made them, most first: "Indicator lifecycle" ×2, a feed ×1. */
export function resetsBySource(resets: readonly ScoreReset[]): { source: StorySource; count: number }[] {
  const groups = new Map<string, { source: StorySource; count: number }>();
  for (const reset of resets) {
    const group = groups.get(reset.source.id);
    if (group) group.count += 1;
    else groups.set(reset.source.id, { source: reset.source, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/**
 * The points of an indicator's score-over-time chart (issue 21, point 2: "the indicator
 * page shows the score over time, with the points where it was reset"), from its versions
 * oldest first: each version rules from its `modified` until the next, and a version whose
 * `valid_until` moved later than the one before is a reset (a sighting, a feed's re-pull).
 */
import type { JsonObject } from '../stix/model/properties.ts';
import { DEFAULT_DECAY, decayedScore, type DecaySettings } from './decay.ts';

export interface ScorePoint {
  readonly at: number;
  readonly score: number;
}

export interface ScoreSeries {
  readonly points: ScorePoint[];
  /** When the lifetime restarted. */
  readonly resets: number[];
}

export function scoreSeries(versions: readonly JsonObject[], to: Date, settings: DecaySettings = DEFAULT_DECAY, steps = 60): ScoreSeries {
  const timed = versions.flatMap((stix) => {
    const at = Date.parse(String(stix['modified'] ?? stix['created']));
    return Number.isNaN(at) ? [] : [{ at, stix }];
  });
  const first = timed[0];
  if (!first || to.getTime() <= first.at) return { points: [], resets: [] };
  const resets = timed.slice(1).filter(({ stix }, index) => Date.parse(String(stix['valid_until'])) > Date.parse(String(timed[index]?.stix['valid_until']))).map(({ at }) => at);
  const points: ScorePoint[] = [];
  const span = to.getTime() - first.at;
  for (let step = 0; step <= steps; step += 1) {
    const at = first.at + (span * step) / steps;
    const ruling = timed.filter((version) => version.at <= at).at(-1) ?? first;
    points.push({ at, score: decayedScore(ruling.stix, new Date(at), settings) });
  }
  return { points, resets };
}

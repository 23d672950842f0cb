/**
 * The geometry of the score-over-time chart (renderer/src/lifecycle/ScoreChart.tsx): time
 * left to right, score 0–100 bottom to top, the part after now drawn apart (it is the
 * model's forecast, not history), the revoke score as a line and each reset as a marker.
 * Pure numbers, so the drawing is tested without a browser.
 */
import type { ScorePoint } from '../../../core/lifecycle/scoreSeries.ts';
import type { ScoreStory } from './scoreStory.ts';

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room for the axis labels: left for the scores, bottom for the dates. */
  readonly left: number;
  readonly bottom: number;
  readonly top: number;
  readonly right: number;
}

export const CHART_BOX: ChartBox = { width: 880, height: 220, left: 36, bottom: 24, top: 10, right: 12 };

export interface ChartGeometry {
  /** SVG path data of the past (up to now) and of the forecast (from now). */
  readonly past: string;
  readonly future: string;
  readonly revokeY: number;
  readonly nowX: number | undefined;
  readonly resets: readonly { x: number; y: number; at: number; score: number }[];
  readonly current: { x: number; y: number } | undefined;
  readonly yTicks: readonly { y: number; score: number }[];
  readonly xTicks: readonly { x: number; at: number }[];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function pathOf(points: readonly { x: number; y: number }[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`).join(' ');
}

export function chartGeometry(story: Pick<ScoreStory, 'points' | 'resets' | 'revokeScore' | 'now' | 'score'>, box: ChartBox = CHART_BOX): ChartGeometry | undefined {
  const first = story.points[0];
  const last = story.points.at(-1);
  if (!first || !last || last.at <= first.at) return undefined;
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (at: number) => box.left + ((at - first.at) / (last.at - first.at)) * plotWidth;
  const y = (score: number) => box.top + (1 - Math.min(100, Math.max(0, score)) / 100) * plotHeight;
  const toXY = (point: ScorePoint) => ({ x: x(point.at), y: y(point.score) });
  const inRange = story.now >= first.at && story.now <= last.at;
  // The point at now belongs to both halves, so the line is unbroken where it changes style.
  const nowPoint: ScorePoint = { at: story.now, score: story.score };
  const past = story.points.filter((point) => point.at < story.now);
  const future = story.points.filter((point) => point.at > story.now);
  const pastPoints = inRange ? [...past, nowPoint] : past;
  const futurePoints = inRange ? [nowPoint, ...future] : future;
  const middle = first.at + (last.at - first.at) / 2;
  return {
    past: pastPoints.length > 1 ? pathOf(pastPoints.map(toXY)) : '',
    future: futurePoints.length > 1 ? pathOf(futurePoints.map(toXY)) : '',
    revokeY: round(y(story.revokeScore)),
    nowX: inRange ? round(x(story.now)) : undefined,
    resets: story.resets.map((reset) => ({ x: round(x(reset.at)), y: round(y(reset.score)), at: reset.at, score: reset.score })),
    current: inRange ? { x: round(x(story.now)), y: round(y(story.score)) } : undefined,
    yTicks: [0, 50, 100].map((score) => ({ y: round(y(score)), score })),
    xTicks: [first.at, middle, last.at].map((at) => ({ x: round(x(at)), at })),
  };
}

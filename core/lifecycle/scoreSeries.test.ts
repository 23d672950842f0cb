import { describe, expect, it } from 'vitest';
import { decayedScore, fillFromModel, restartedLifetime } from './decay.ts';
import { scoreSeries } from './scoreSeries.ts';

const DAY = 86_400_000;
const start = new Date('2025-01-01T00:00:00.000Z');
const dayOf = (days: number) => new Date(start.getTime() + days * DAY);

describe('the score-over-time chart of an indicator', () => {
  it('follows the curve, jumps back at a reset and marks it', () => {
    const first = fillFromModel({ type: 'indicator', pattern: "[ipv4-addr:value = '45.77.12.9']", valid_from: start.toISOString(), modified: start.toISOString(), x_opencti_score: 80 }, start);
    const restarted = { ...restartedLifetime(first, dayOf(20)), modified: dayOf(20).toISOString() };
    const { points, resets } = scoreSeries([first, restarted], dayOf(30), undefined, 30);
    expect(resets).toEqual([dayOf(20).getTime()]);
    expect(points[15]?.score).toBeCloseTo(60, 9);
    expect(points[19]?.score).toBeCloseTo(decayedScore(first, dayOf(19)), 9);
    expect(points[20]?.score).toBe(80);
    expect(points[30]?.score).toBeCloseTo(decayedScore(restarted, dayOf(30)), 9);
  });
});

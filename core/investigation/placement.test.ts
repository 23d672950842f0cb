import { describe, expect, it } from 'vitest';
import { centroid, gridPositions, NODE_SPACING, ringPositions, separateCoincident } from './placement.ts';

function closestPair(points: { x: number; y: number }[]): number {
  let best = Infinity;
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      const a = points[i];
      const b = points[j];
      if (a && b) best = Math.min(best, Math.hypot(a.x - b.x, a.y - b.y));
    }
  }
  return best;
}

describe('ringPositions', () => {
  it('places every new node clear of the centre and of each other', () => {
    const centre = { x: 100, y: -40 };
    const points = ringPositions(centre, 250);
    expect(points).toHaveLength(250);
    expect(closestPair(points)).toBeGreaterThanOrEqual(NODE_SPACING * 0.99);
    for (const point of points) expect(Math.hypot(point.x - centre.x, point.y - centre.y)).toBeGreaterThanOrEqual(NODE_SPACING);
  });

  it('keeps a small expansion on one ring around the node it came from', () => {
    const points = ringPositions({ x: 0, y: 0 }, 5);
    const radii = points.map((point) => Math.round(Math.hypot(point.x, point.y)));
    expect(new Set(radii).size).toBe(1);
  });
});

describe('gridPositions', () => {
  it('lays nodes out on a square grid centred on the origin', () => {
    const points = gridPositions(9);
    expect(centroid(points).x).toBeCloseTo(0);
    expect(centroid(points).y).toBeCloseTo(0);
    expect(closestPair(points)).toBeGreaterThanOrEqual(NODE_SPACING);
  });
});

describe('separateCoincident', () => {
  it('rings nodes stacked on one spot and leaves the others and the fixed ones alone', () => {
    const stacked = Array.from({ length: 12 }, () => ({ x: 10, y: 10 }));
    const points = [...stacked, { x: 900, y: 900 }, { x: 10, y: 10 }];
    const fixed = new Set([13]);
    const result = separateCoincident(points, fixed);
    expect(result[12]).toEqual({ x: 900, y: 900 });
    expect(result[13]).toEqual({ x: 10, y: 10 });
    expect(closestPair(result)).toBeGreaterThanOrEqual(NODE_SPACING * 0.99);
  });
});

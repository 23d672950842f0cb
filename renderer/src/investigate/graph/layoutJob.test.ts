import { describe, expect, it } from 'vitest';
import { layoutNames } from '../../../../core/investigation/types.ts';
import { runLayoutJob, type LayoutJob } from './layoutJob.ts';
import { effectiveLayout } from './layouts.ts';

/** A report with 30 objects, a few of them related to each other, all stacked at the origin. */
function job(layout: LayoutJob['layout']): LayoutJob {
  const nodes = [{ id: 'report--r', x: 0, y: 0, pinned: false }, ...Array.from({ length: 30 }, (_, index) => ({ id: `malware--${String(index)}`, x: 0, y: 0, pinned: false }))];
  nodes[5] = { id: 'malware--4', x: 1234, y: -567, pinned: true };
  const edges = [...nodes.slice(1).map((node) => ({ source: 'report--r', target: node.id })), { source: 'malware--1', target: 'malware--2' }];
  return { layout, nodes, edges, roots: ['report--r'] };
}

describe('layout jobs', () => {
  it.each(layoutNames)('%s spreads the nodes out and leaves pinned ones where they were', (layout) => {
    const input = job(layout);
    const reply = runLayoutJob(input);
    if (reply.kind !== 'positions') throw new Error(reply.error);
    const points = input.nodes.map((_, index) => ({ x: reply.positions[index * 2] ?? NaN, y: reply.positions[index * 2 + 1] ?? NaN }));
    expect(points.every((point) => Number.isFinite(point.x) && Number.isFinite(point.y))).toBe(true);
    expect(points[5]).toEqual({ x: 1234, y: -567 });
    const distinct = new Set(points.map((point) => `${point.x.toFixed(0)},${point.y.toFixed(0)}`));
    expect(distinct.size).toBe(points.length);
  });

  it('uses full-quality force layout only where it stays fast', () => {
    expect(effectiveLayout('force', 100)).toBe('fcose');
    expect(effectiveLayout('force', 2_000)).toBe('fcose-draft');
    expect(effectiveLayout('force', 20_000)).toBe('grid');
    expect(effectiveLayout('fast', 20_000)).toBe('grid');
  });
});

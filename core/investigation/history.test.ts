import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, record, redo, undo, type History } from './history.ts';

describe('history', () => {
  it('starts with nothing to undo or redo', () => {
    const h = createHistory('a');
    expect(h).toEqual({ past: [], present: 'a', future: [] });
    expect(canUndo(h)).toBe(false);
    expect(canRedo(h)).toBe(false);
  });

  it('undoes and redoes recorded states in order', () => {
    const h = record(record(createHistory('a'), 'b'), 'c');
    expect(h).toEqual({ past: ['a', 'b'], present: 'c', future: [] });
    const back = undo(undo(h));
    expect(back).toEqual({ past: [], present: 'a', future: ['b', 'c'] });
    expect(canUndo(back)).toBe(false);
    expect(canRedo(back)).toBe(true);
    expect(redo(back)).toEqual({ past: ['a'], present: 'b', future: ['c'] });
  });

  it('returns the same history when there is nothing to undo or redo', () => {
    const h = createHistory({ n: 1 });
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('treats recording the present itself as a no-op, but an equal copy as a step', () => {
    const state = { n: 1 };
    const h = createHistory(state);
    expect(record(h, state)).toBe(h);
    expect(canUndo(record(h, { n: 1 }))).toBe(true);
  });

  it('drops the redo branch when a new state is recorded', () => {
    const h = record(undo(record(createHistory(1), 2)), 3);
    expect(h).toEqual({ past: [1], present: 3, future: [] });
  });

  it('forgets the oldest states past the limit', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 5; i += 1) h = record(h, i, 3);
    expect(h).toEqual({ past: [2, 3, 4], present: 5, future: [] });
    expect(record(h, 6, 0)).toEqual({ past: [], present: 6, future: [] });
  });

  it('keeps 100 states by default', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 150; i += 1) h = record(h, i);
    expect(h.past).toHaveLength(100);
    expect(h.past[0]).toBe(50);
  });

  it('never changes the history it is given', () => {
    const h = Object.freeze({ past: Object.freeze([1]), present: 2, future: Object.freeze([3]) });
    expect(() => [record(h, 4), undo(h), redo(h)]).not.toThrow();
    expect(h).toEqual({ past: [1], present: 2, future: [3] });
  });

  it('keeps undo and redo inverse and the past within the limit over any sequence (seeded)', () => {
    type Step = { kind: 'record'; value: number } | { kind: 'undo' } | { kind: 'redo' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.integer({ min: 0, max: 5 }).map((value) => ({ kind: 'record' as const, value })),
      fc.constant({ kind: 'undo' as const }),
      fc.constant({ kind: 'redo' as const }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (steps, limit) => {
        let h: History<number> = createHistory(-1);
        for (const s of steps) {
          h = s.kind === 'record' ? record(h, s.value, limit) : s.kind === 'undo' ? undo(h) : redo(h);
          expect(h.past.length).toBeLessThanOrEqual(limit);
          if (canUndo(h)) expect(redo(undo(h))).toEqual(h);
          if (canRedo(h)) expect(undo(redo(h))).toEqual(h);
        }
      }),
      { seed: 1729, numRuns: 300 },
    );
  });
});

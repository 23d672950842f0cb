import { describe, expect, it } from 'vitest';
import { addDuration, createScheduler, nextRunAt, parseDuration, scheduleProblem } from './schedule.ts';

describe('connector schedules', () => {
  it('reads the ISO 8601 durations analysts write', () => {
    expect(parseDuration('P1D')).toMatchObject({ days: 1, hours: 0 });
    expect(parseDuration('PT6H')).toMatchObject({ hours: 6 });
    expect(parseDuration('P1W')).toMatchObject({ weeks: 1 });
    expect(parseDuration('PT30M')).toMatchObject({ minutes: 30, months: 0 });
    expect(parseDuration('P1DT12H')).toMatchObject({ days: 1, hours: 12 });
    for (const bad of ['', 'P', 'PT', '1D', 'P1H', 'PT1D', 'P-1D', 'P1.5D', 'daily']) expect(parseDuration(bad), bad).toBeNull();
  });

  it('adds months on the calendar and the rest as elapsed time', () => {
    const start = new Date('2026-01-31T10:00:00Z');
    expect(addDuration(start, parseDuration('PT6H') ?? expect.fail()).toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(addDuration(start, parseDuration('P1W') ?? expect.fail()).toISOString()).toBe('2026-02-07T10:00:00.000Z');
    expect(addDuration(new Date('2026-01-15T00:00:00Z'), parseDuration('P1M') ?? expect.fail()).toISOString()).toBe('2026-02-15T00:00:00.000Z');
  });

  it('refuses schedules that are not durations or run more than once a minute', () => {
    expect(scheduleProblem('P1D')).toBeNull();
    expect(scheduleProblem('once')).toBeNull();
    expect(scheduleProblem('every day')).toMatch(/PT6H/);
    expect(scheduleProblem('PT10S')).toMatch(/at least a minute/);
  });

  it('runs a never-run connector now, and later ones an interval after the last start', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(nextRunAt('PT6H', null, now)).toEqual(now);
    expect(nextRunAt('PT6H', '2026-03-01T10:00:00Z', now)?.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    // Missed while the laptop was closed: run at once rather than skip.
    expect(nextRunAt('PT6H', '2026-02-20T00:00:00Z', now)).toEqual(now);
    expect(nextRunAt('once', null, now)).toEqual(now);
  });

  it('keeps at most N runs going and never queues the same connector twice', async () => {
    const started: string[] = [];
    const finishers = new Map<string, () => void>();
    const scheduler = createScheduler({
      maxConcurrent: 2,
      run: (id) => {
        started.push(id);
        return new Promise<void>((resolve) => finishers.set(id, resolve));
      },
    });
    expect(scheduler.request('a', 'manual')).toBe(true);
    expect(scheduler.request('b', 'manual')).toBe(true);
    expect(scheduler.request('c', 'schedule')).toBe(true);
    expect(scheduler.request('a', 'manual')).toBe(false);
    expect(scheduler.request('c', 'manual')).toBe(false);
    expect(started).toEqual(['a', 'b']);
    expect(scheduler.isWaiting('c')).toBe(true);
    finishers.get('a')?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a', 'b', 'c']);
    finishers.get('b')?.();
    finishers.get('c')?.();
    await scheduler.idle();
    scheduler.stop();
  });

  it('splits waits longer than a timer can hold', () => {
    const timers: { callback: () => void; ms: number }[] = [];
    const runs: string[] = [];
    const now = new Date('2026-01-01T00:00:00Z');
    const scheduler = createScheduler({
      now: () => now,
      timers: { set: (callback, ms) => timers.push({ callback, ms }), clear: () => undefined },
      run: (id) => {
        runs.push(id);
        return Promise.resolve();
      },
    });
    scheduler.plan('kev', new Date('2026-03-01T00:00:00Z'));
    expect(timers[0]?.ms).toBe(2 ** 31 - 1);
    timers[0]?.callback();
    expect(runs).toEqual([]);
    expect(timers).toHaveLength(2);
  });
});

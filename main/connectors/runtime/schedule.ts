/**
 * When connectors run. A schedule is an ISO 8601 duration (`PT30M`, `PT6H`, `P1D`, `P1W`)
 * between the starts of two runs, or `once` (run-and-terminate: one run, then the connector
 * switches itself off). At most `maxConcurrent` runs go at once; the rest wait their turn.
 */

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export const RUN_ONCE = 'once';
/** Anything more frequent is unkind to free public feeds and gains nothing for an analyst. */
export const MIN_INTERVAL_MS = 60_000;

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** ISO 8601 §4.4.3.2 durations with whole-number parts; null when not one. */
export function parseDuration(text: string): Duration | null {
  const match = DURATION.exec(text.trim().toUpperCase());
  if (!match) return null;
  const part = (index: number): number => Number(match[index] ?? 0);
  return { years: part(1), months: part(2), weeks: part(3), days: part(4), hours: part(5), minutes: part(6), seconds: part(7) };
}

/** The date `duration` after `from`, with years and months on the calendar (UTC). */
export function addDuration(from: Date, duration: Duration): Date {
  const result = new Date(from.getTime());
  if (duration.years !== 0 || duration.months !== 0) result.setUTCMonth(result.getUTCMonth() + duration.years * 12 + duration.months);
  const ms = ((((duration.weeks * 7 + duration.days) * 24 + duration.hours) * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
  return new Date(result.getTime() + ms);
}

/** Why a schedule is not acceptable, or null when it is. */
export function scheduleProblem(schedule: string): string | null {
  if (schedule === RUN_ONCE) return null;
  const duration = parseDuration(schedule);
  if (!duration) return `"${schedule}" is not an ISO 8601 duration; write for example PT6H (every 6 hours), P1D (daily) or P1W (weekly).`;
  const origin = new Date(0);
  if (addDuration(origin, duration).getTime() - origin.getTime() < MIN_INTERVAL_MS) return `Runs must be at least a minute apart; ${schedule} is shorter.`;
  return null;
}

/**
 * When an enabled connector runs next: `interval` after the last run started, or now if
 * that is past or it never ran. A `once` connector runs now if it has not run since it was
 * switched on.
 */
export function nextRunAt(schedule: string, lastStartedAt: string | null, now: Date): Date | null {
  if (schedule === RUN_ONCE) return lastStartedAt === null ? now : null;
  const duration = parseDuration(schedule);
  if (!duration) return null;
  if (lastStartedAt === null) return now;
  const next = addDuration(new Date(lastStartedAt), duration);
  return next.getTime() < now.getTime() ? now : next;
}

export type Trigger = 'schedule' | 'manual';

export interface Timers {
  set: (callback: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

export interface SchedulerOptions {
  maxConcurrent?: number;
  now?: () => Date;
  timers?: Timers;
  run: (id: string, trigger: Trigger) => Promise<void>;
  onError?: (id: string, error: unknown) => void;
}

export interface Scheduler {
  /** Sets (or with null clears) when `id` runs next. */
  plan: (id: string, at: Date | null) => void;
  /** Queues a run; false if one is already running or waiting. */
  request: (id: string, trigger: Trigger) => boolean;
  isRunning: (id: string) => boolean;
  isWaiting: (id: string) => boolean;
  /** Resolves once no run is going or waiting (tests, and the CLI's shutdown). */
  idle: () => Promise<void>;
  stop: () => void;
}

/** setTimeout's delay is a signed 32-bit number; longer waits are taken in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

const realTimers: Timers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createScheduler(options: SchedulerOptions): Scheduler {
  const maxConcurrent = options.maxConcurrent ?? 2;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? realTimers;
  const planned = new Map<string, unknown>();
  const running = new Set<string>();
  const waiting: { id: string; trigger: Trigger }[] = [];
  let idleWaiters: (() => void)[] = [];
  let stopped = false;

  function pump(): void {
    while (!stopped && running.size < maxConcurrent && waiting.length > 0) {
      const next = waiting.shift();
      if (!next) break;
      running.add(next.id);
      options
        .run(next.id, next.trigger)
        .catch((error: unknown) => options.onError?.(next.id, error))
        .finally(() => {
          running.delete(next.id);
          pump();
        });
    }
    if (running.size === 0 && waiting.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function request(id: string, trigger: Trigger): boolean {
    if (stopped || running.has(id) || waiting.some((entry) => entry.id === id)) return false;
    waiting.push({ id, trigger });
    pump();
    return true;
  }

  function plan(id: string, at: Date | null): void {
    const existing = planned.get(id);
    if (existing !== undefined) timers.clear(existing);
    planned.delete(id);
    if (at === null || stopped) return;
    const delay = Math.max(0, at.getTime() - now().getTime());
    const handle = timers.set(
      () => {
        planned.delete(id);
        if (delay > LONGEST_TIMER_MS) plan(id, at);
        else request(id, 'schedule');
      },
      Math.min(delay, LONGEST_TIMER_MS),
    );
    planned.set(id, handle);
  }

  return {
    plan,
    request,
    isRunning: (id) => running.has(id),
    isWaiting: (id) => waiting.some((entry) => entry.id === id),
    idle: () =>
      running.size === 0 && waiting.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            idleWaiters.push(resolve);
          }),
    stop: () => {
      stopped = true;
      for (const handle of planned.values()) timers.clear(handle);
      planned.clear();
      waiting.length = 0;
    },
  };
}

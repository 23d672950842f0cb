/**
 * When to try again: exponential backoff with full jitter (AWS Architecture Blog,
 * "Exponential Backoff And Jitter"), unless the server said when in `Retry-After`
 * (RFC 9110 §10.2.3: delay-seconds or an HTTP date).
 */

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/** The wait before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, { baseDelayMs, maxDelayMs, random }: BackoffOptions): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * The wait a `Retry-After` value asks for, capped at `maxMs`; undefined when the header is
 * absent or unreadable (the caller falls back to backoff).
 */
export function retryAfterDelay(value: string | null | undefined, now: Date, maxMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  let waitMs: number;
  if (/^\d+$/.test(trimmed)) {
    waitMs = Number(trimmed) * 1000;
  } else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    waitMs = at - now.getTime();
  }
  return Math.min(Math.max(0, waitMs), maxMs);
}

/** 408, 429 and 5xx are worth another try; other statuses will not change by waiting. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

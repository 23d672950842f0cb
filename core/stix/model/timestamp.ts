/**
 * STIX timestamps (STIX 2.1 §3.2, "timestamp"): RFC 3339 in UTC, written with a capital
 * `Z`, seconds always present, any number of fractional digits. `created` and `modified`
 * must carry at least millisecond precision (§3.2, common properties).
 */

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/;

export interface TimestampParts {
  /** Digits after the decimal point; `''` when there are none. */
  readonly fraction: string;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The parts of a valid STIX timestamp, or `undefined` when the text is not one. */
export function parseTimestamp(text: string): TimestampParts | undefined {
  const match = TIMESTAMP.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return undefined;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day < 1 || day > monthDays) return undefined;
  // RFC 3339 allows second 60 for leap seconds.
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  return { fraction: fraction ?? '' };
}

export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && parseTimestamp(value) !== undefined;
}

/**
 * Orders two valid timestamps. Text comparison alone is wrong when the fractions differ
 * in length (`…:00Z` vs `…:00.5Z`), so the fraction is compared as a decimal.
 */
export function compareTimestamps(a: string, b: string): number {
  const [aWhole = '', aFraction = ''] = a.slice(0, -1).split('.');
  const [bWhole = '', bFraction = ''] = b.slice(0, -1).split('.');
  if (aWhole !== bWhole) return aWhole < bWhole ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  const af = aFraction.padEnd(width, '0');
  const bf = bFraction.padEnd(width, '0');
  return af === bf ? 0 : af < bf ? -1 : 1;
}

/** A timestamp in the form Magpie writes: UTC, millisecond precision. */
export function formatTimestamp(date: Date): string {
  return date.toISOString();
}

/**
 * The `modified` of a new version: `now`, or one millisecond after the version it replaces
 * when the clock has not moved past it (§3.6: a new version is modified strictly later).
 */
export function nextModified(previous: unknown, now: string): string {
  const before = typeof previous === 'string' ? Date.parse(previous) : Number.NaN;
  return Number.isNaN(before) || Date.parse(now) > before ? now : new Date(before + 1).toISOString();
}

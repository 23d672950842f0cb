/**
 * MISP times to STIX timestamps (STIX 2.1 §3.2: UTC, millisecond precision for created and
 * modified). MISP writes epoch seconds as text ("1715767121"), event dates as "YYYY-MM-DD"
 * and first_seen/last_seen as ISO 8601 with an offset and microseconds.
 */
import { compareTimestamps } from '../stix/index.ts';

/** Epoch seconds to a timestamp; `undefined` for absent, zero (never published) or malformed values. */
export function fromEpoch(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const seconds = Number(value);
  if (seconds <= 0) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A calendar date (midnight UTC) or an ISO 8601 date-time with its offset. */
export function fromDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  // Without a zone, JavaScript reads date-times as local time; MISP means UTC.
  const withZone = dateOnly || /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) ? trimmed : `${trimmed}Z`;
  if (!dateOnly && !/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return undefined;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function earliest(...times: (string | undefined)[]): string | undefined {
  return times.reduce<string | undefined>((best, time) => (time !== undefined && (best === undefined || compareTimestamps(time, best) < 0) ? time : best), undefined);
}

export function latest(...times: (string | undefined)[]): string | undefined {
  return times.reduce<string | undefined>((best, time) => (time !== undefined && (best === undefined || compareTimestamps(time, best) > 0) ? time : best), undefined);
}

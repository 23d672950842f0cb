/**
 * The TAXII cursor: per collection, the `added_after` for the next run. Keyed by the
 * collection's full URL, so pointing the connector at another server or API root never
 * reuses a date that belongs to a different collection with the same id.
 */
import { compareTimestamps, isTimestamp } from '../../../core/stix/index.ts';

export interface TaxiiCursor {
  addedAfter: Record<string, string>;
}

/** Reads what the last successful run left; anything unreadable is ignored (a full re-read is safe: ids dedupe). */
export function readCursor(cursor: Readonly<Record<string, unknown>>): TaxiiCursor {
  const stored = cursor['addedAfter'];
  const addedAfter: Record<string, string> = {};
  if (typeof stored === 'object' && stored !== null && !Array.isArray(stored)) {
    for (const [url, value] of Object.entries(stored)) if (isTimestamp(value)) addedAfter[url] = value;
  }
  return { addedAfter };
}

/**
 * How far a server's clock is set back when it is the only date there is: objects indexed
 * a little before the request that read them are read again rather than missed.
 */
export const SERVER_CLOCK_MARGIN_MS = 60_000;

export interface CollectionProgress {
  /** The latest X-TAXII-Date-Added-Last seen. */
  lastAdded: string | undefined;
  /** The server's Date on the first page, for servers that send no date headers. */
  firstServerDate: string | undefined;
  objectCount: number;
}

export type CursorSource = 'date-added' | 'server-clock' | 'unchanged';

/**
 * The collection's next `added_after`: its last date_added when the server says it; else
 * the server's clock at the start of the read (less a margin), only when objects came back
 * without date headers (OpenCTI); else the previous value. Never moves backwards.
 */
export function nextAddedAfter(previous: string | undefined, progress: CollectionProgress): { value: string | undefined; source: CursorSource } {
  let candidate: string | undefined;
  let source: CursorSource = 'unchanged';
  if (progress.lastAdded !== undefined) {
    candidate = progress.lastAdded;
    source = 'date-added';
  } else if (progress.objectCount > 0 && progress.firstServerDate !== undefined) {
    candidate = new Date(Date.parse(progress.firstServerDate) - SERVER_CLOCK_MARGIN_MS).toISOString();
    source = 'server-clock';
  }
  if (candidate === undefined || (previous !== undefined && compareTimestamps(candidate, previous) <= 0)) return { value: previous, source: 'unchanged' };
  return { value: candidate, source };
}

export function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareTimestamps(a, b) >= 0 ? a : b;
}

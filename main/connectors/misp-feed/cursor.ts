/**
 * What a run leaves for the next: the manifest timestamp of every event imported from this
 * feed, so a later run fetches only events that are new or whose timestamp changed, and
 * the events whose file could not be read, retried next time even when the manifest is
 * unchanged (answered 304). A cursor left by another feed URL is ignored.
 */
import { z } from 'zod';
import type { ManifestEntry } from './manifest.ts';

const Stamps = z.record(z.string(), z.number());

const Cursor = z.object({ feed: z.string(), events: Stamps, failed: Stamps.default({}) });

export type FeedCursor = z.infer<typeof Cursor>;

export function readCursor(value: unknown, feed: string): FeedCursor {
  const parsed = Cursor.safeParse(value);
  return parsed.success && parsed.data.feed === feed ? parsed.data : { feed, events: {}, failed: {} };
}

/** The manifest entries to fetch this run, oldest change first. */
export function eventsToFetch(entries: readonly ManifestEntry[], cursor: FeedCursor, since: number): ManifestEntry[] {
  return entries
    .filter((entry) => entry.timestamp >= since && cursor.events[entry.uuid] !== entry.timestamp)
    .sort((a, b) => a.timestamp - b.timestamp || a.uuid.localeCompare(b.uuid));
}

/** Events that failed last time, when the manifest itself has not changed. */
export function eventsToRetry(cursor: FeedCursor): ManifestEntry[] {
  return Object.entries(cursor.failed).map(([uuid, timestamp]) => ({ uuid, info: uuid, timestamp }));
}

/** Imported events still listed in the manifest (events dropped from the feed are forgotten). */
export function keepListed(events: Readonly<Record<string, number>>, entries: readonly ManifestEntry[] | undefined): Record<string, number> {
  if (entries === undefined) return { ...events };
  const listed = new Set(entries.map((entry) => entry.uuid));
  return Object.fromEntries(Object.entries(events).filter(([uuid]) => listed.has(uuid)));
}

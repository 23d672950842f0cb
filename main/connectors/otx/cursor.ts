/**
 * Where the next run starts: the latest `modified` among the pulses imported, and the ids
 * of the pulses modified at exactly that time. OTX's `modified_since` includes that instant,
 * so those pulses come back next run and are recognised as seen instead of imported twice.
 * The runtime keeps the cursor only once everything emitted is delivered.
 */
import { z } from 'zod';
import { compareTimestamps } from '../../../core/stix/index.ts';

const Cursor = z.object({ modifiedSince: z.string(), seen: z.array(z.string()).default([]) });

export type OtxCursor = z.infer<typeof Cursor>;

export function readCursor(value: unknown): OtxCursor | undefined {
  const parsed = Cursor.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Whether a pulse modified at `modified` was imported by an earlier run (or is older than asked for). */
export function alreadySeen(since: OtxCursor, id: string, modified: string | undefined): boolean {
  if (modified === undefined) return false;
  const order = compareTimestamps(modified, since.modifiedSince);
  return order < 0 || (order === 0 && since.seen.includes(id));
}

/** The cursor after importing a pulse modified at `modified`. */
export function advance(cursor: OtxCursor, id: string, modified: string | undefined): OtxCursor {
  if (modified === undefined) return cursor;
  const order = compareTimestamps(modified, cursor.modifiedSince);
  if (order > 0) return { modifiedSince: modified, seen: [id] };
  if (order === 0 && !cursor.seen.includes(id)) return { modifiedSince: cursor.modifiedSince, seen: [...cursor.seen, id] };
  return cursor;
}

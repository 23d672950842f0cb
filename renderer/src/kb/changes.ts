/**
 * The knowledge base's change feed (issue 8): what stream consumers follow. Rows are
 * appended inside the transaction that makes the change, so a change is in the feed if
 * and only if it is in the store; readers page through it by sequence number.
 */
import { customTlpLevels, tlpOf, unofficialMarkingRefs } from '../../../core/stix/markings.ts';
import type { FeedPage } from '../../../core/streams/pump.ts';
import type { ChangeEvent } from '../../../core/streams/types.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import type { ChangeRecord } from './records.ts';

const MAX_PAGE = 5000;

/** Appends rows; the caller's transaction must include `db.changes`. */
export async function recordChanges(db: Pick<KbDatabase, 'changes'>, rows: readonly ChangeRecord[]): Promise<void> {
  if (rows.length > 0) await db.changes.bulkAdd([...rows]);
}

export async function changeHead(db: KbDatabase): Promise<number> {
  const last = await db.changes.orderBy(':id').lastKey();
  return typeof last === 'number' ? last : 0;
}

/**
 * Up to `limit` events after `after`. A create or update whose object has been deleted
 * since is skipped: its delete, later in the feed, carries the object. Read in one
 * transaction so a page never sees half an ingest.
 */
export async function changesAfter(db: KbDatabase, after: number, limit: number): Promise<FeedPage> {
  const size = Math.max(1, Math.min(limit, MAX_PAGE));
  return db.transaction('r', [db.changes, db.objects], async () => {
    const rows = await db.changes.where(':id').above(after).limit(size).toArray();
    const head = await changeHead(db);
    const live = rows.filter((row) => row.op !== 'delete').map((row) => row.id);
    const stored = live.length === 0 ? [] : await db.objects.bulkGet([...new Set(live)]);
    const current = new Map(stored.flatMap((record) => (record ? [[record.id, record.stix] as const] : [])));
    const objects = rows.map((row) => (row.op === 'delete' ? row.object : current.get(row.id)));
    // TLP markings under other ids (OpenCTI's own) are read from their stored definitions,
    // so a consumer's TLP limit holds for them too.
    const unofficial = [...new Set(objects.flatMap((object) => (object ? unofficialMarkingRefs(object) : [])))];
    const definitions = unofficial.length === 0 ? [] : await db.objects.bulkGet(unofficial);
    const custom = customTlpLevels(definitions.flatMap((record) => (record ? [record.stix] : [])));
    const events: ChangeEvent[] = [];
    rows.forEach((row, index) => {
      const object = objects[index];
      if (object === undefined || row.seq === undefined) return;
      const tlp = tlpOf(object, custom);
      events.push({ seq: row.seq, op: row.op, at: row.at, id: row.id, type: row.type, ...(row.source === undefined ? {} : { source: row.source }), ...(tlp === undefined ? {} : { tlp }), object });
    });
    return { events, through: rows.at(-1)?.seq ?? after, head };
  });
}

/**
 * Drops the rows up to `through` (every follower is past them); returns how many went.
 * One transaction, so a reader never sees a half-trimmed feed.
 */
export async function trimChanges(db: KbDatabase, through: number): Promise<number> {
  return db.transaction('rw', db.changes, () => db.changes.where(':id').belowOrEqual(through).delete());
}

/**
 * Where the feed may be cut: below every follower's place (stream consumers, stopped ones
 * included, and the automatic enricher) and never within the newest `floor` changes, so
 * a consumer added "from the beginning" still gets recent history. -1: nothing to cut.
 */
export function trimPoint(head: number, followers: readonly number[], floor: number): number {
  return Math.min(head - floor, ...followers);
}

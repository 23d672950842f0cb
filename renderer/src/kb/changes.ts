/**
 * The knowledge base's change feed (issue 8): what stream consumers follow. Rows are
 * appended inside the transaction that makes the change, so a change is in the feed if
 * and only if it is in the store; readers page through it by sequence number.
 */
import { customTlpLevels, tlpOf, unofficialMarkingRefs } from '../../../core/stix/markings.ts';
import type { FeedPage } from '../../../core/streams/pump.ts';
import type { ChangeEvent } from '../../../core/streams/types.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import type { ChangeBatch, ChangeRecord, ChangeRow } from './records.ts';

const MAX_PAGE = 5000;
/** Rows read per request when paging: a row holds one write's changes (up to a batch of 5,000). */
const ROWS_PER_READ = 16;

function isBatch(row: ChangeRow): row is ChangeBatch {
  return 'changes' in row;
}

/** The changes of one stored row, each with its sequence number. */
function changesOf(row: ChangeRow): ChangeRecord[] {
  if (!isBatch(row)) return [row];
  return row.changes.map((change, index) => ({ ...change, seq: row.first + index }));
}

/**
 * Appends one write's changes; the caller's transaction must include `db.changes`.
 *
 * They are kept as ONE row (issue 14: a row per object was a fifth of an ATT&CK import's
 * time), keyed by the sequence number of its last change, so every change still has a
 * number of its own, one more than the one before, as readers and followers expect. An
 * empty feed (new, emptied or trimmed to nothing) asks IndexedDB's key generator where it
 * stands, so numbers are never reused after a wipe and a follower's place stays valid.
 */
export async function recordChanges(db: Pick<KbDatabase, 'changes'>, rows: readonly ChangeRecord[]): Promise<void> {
  if (rows.length === 0) return;
  let head = await db.changes.orderBy(':id').lastKey();
  if (typeof head !== 'number') {
    const probe = await db.changes.add({ first: 0, changes: [] });
    await db.changes.delete(probe);
    head = probe - 1;
  }
  const changes = rows.map((row) => {
    const { seq: _seq, ...change } = row;
    return change;
  });
  await db.changes.put({ seq: head + rows.length, first: head + 1, changes });
}

export async function changeHead(db: Pick<KbDatabase, 'changes'>): Promise<number> {
  const last = await db.changes.orderBy(':id').lastKey();
  return typeof last === 'number' ? last : 0;
}

/**
 * Up to `limit` changes after `after`, in order, each with its number. Rows written
 * before the feed was batched (one change each) are read the same way.
 */
export async function changeRecordsAfter(db: Pick<KbDatabase, 'changes'>, after: number, limit: number): Promise<ChangeRecord[]> {
  const found: ChangeRecord[] = [];
  let from = after;
  while (found.length < limit) {
    const rows = await db.changes.where(':id').above(from).limit(ROWS_PER_READ).toArray();
    for (const row of rows) {
      for (const change of changesOf(row)) if ((change.seq ?? 0) > after && found.length < limit) found.push(change);
    }
    const last = rows.at(-1)?.seq;
    if (rows.length < ROWS_PER_READ || last === undefined) break;
    from = last;
  }
  return found;
}

/**
 * Up to `limit` events after `after`. A create or update whose object has been deleted
 * since is skipped: its delete, later in the feed, carries the object. Read in one
 * transaction so a page never sees half an ingest.
 */
export async function changesAfter(db: KbDatabase, after: number, limit: number): Promise<FeedPage> {
  const size = Math.max(1, Math.min(limit, MAX_PAGE));
  return db.transaction('r', [db.changes, db.objects], async () => {
    const rows = await changeRecordsAfter(db, after, size);
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
 * Drops the changes up to `through` (every follower is past them); returns how many went.
 * A row that holds changes on both sides keeps only the later ones. One transaction, so a
 * reader never sees a half-trimmed feed.
 */
export async function trimChanges(db: KbDatabase, through: number): Promise<number> {
  return db.transaction('rw', db.changes, async () => {
    const below = db.changes.where(':id').belowOrEqual(through);
    let trimmed = 0;
    await below.each((row) => {
      trimmed += isBatch(row) ? row.changes.length : 1;
    });
    await below.delete();
    const straddling = await db.changes.where(':id').above(through).first();
    if (straddling && isBatch(straddling) && straddling.first <= through) {
      const cut = through - straddling.first + 1;
      await db.changes.put({ ...straddling, first: through + 1, changes: straddling.changes.slice(cut) });
      trimmed += cut;
    }
    return trimmed;
  });
}

/**
 * Where the feed may be cut: below every follower's place (stream consumers, stopped ones
 * included, and the automatic enricher) and never within the newest `floor` changes, so
 * a consumer added "from the beginning" still gets recent history. -1: nothing to cut.
 */
export function trimPoint(head: number, followers: readonly number[], floor: number): number {
  return Math.min(head - floor, ...followers);
}

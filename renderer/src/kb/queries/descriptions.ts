/**
 * Search's second tier (descriptions) from memory. Reading every domain object per
 * keystroke cost ~1 s at 40,000 objects and grows with the store (bench:kb-scale), so the
 * worker keeps each domain object's description, lowercased, and keeps it current through
 * the change feed: only what changed since is read again. A store replaced wholesale (a
 * new store identity) or a feed with a gap (trimmed past this point) is read afresh.
 */
import { SDO_TYPES } from '../../../../core/stix/model/categories.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';
import { storeIdentity } from '../storeIdentity.ts';
import { byType } from './byType.ts';
import { changeHead, changeRecordsAfter } from '../changes.ts';

interface Descriptions {
  identity: string;
  /** The feed's sequence number this copy is current to. */
  through: number;
  text: Map<string, { type: string; description: string }>;
}

const SDO = new Set<string>(SDO_TYPES);
const FEED_PAGE = 20_000;
const held = new WeakMap<KbDatabase, Descriptions>();
const refreshing = new WeakMap<KbDatabase, Promise<Descriptions>>();

function keep(text: Descriptions['text'], record: StoredObject): void {
  const description = record.stix['description'];
  if (SDO.has(record.type) && typeof description === 'string') text.set(record.id, { type: record.type, description: description.toLowerCase() });
  else text.delete(record.id);
}

async function readAll(db: KbDatabase, identity: string): Promise<Descriptions> {
  // The head is read first: a change made while reading is applied again next time, which is harmless.
  const through = await changeHead(db);
  const text: Descriptions['text'] = new Map();
  for (const type of SDO_TYPES) await byType(db, type).each((record) => keep(text, record));
  return { identity, through, text };
}

/** Applies the feed after `through`; false when the feed cannot say what changed (a gap). */
async function catchUp(db: KbDatabase, copy: Descriptions, head: number): Promise<boolean> {
  while (copy.through < head) {
    const rows = await changeRecordsAfter(db, copy.through, FEED_PAGE);
    if (rows.length === 0 || rows[0]?.seq !== copy.through + 1) return false;
    const changed = [...new Set(rows.filter((row) => SDO.has(row.type)).map((row) => row.id))];
    const records = changed.length === 0 ? [] : await db.objects.bulkGet(changed);
    changed.forEach((id, index) => {
      const record = records[index];
      if (record) keep(copy.text, record);
      else copy.text.delete(id);
    });
    copy.through = rows.at(-1)?.seq ?? head;
  }
  return true;
}

async function refresh(db: KbDatabase): Promise<Descriptions> {
  const identity = await storeIdentity(db);
  const head = await changeHead(db);
  const copy = held.get(db);
  if (copy && copy.identity === identity && head >= copy.through && (await catchUp(db, copy, head))) return copy;
  const fresh = await readAll(db, identity);
  held.set(db, fresh);
  return fresh;
}

/**
 * The domain objects whose description holds every word, of the given types (all SDO types
 * when null), at most `max` of them, read from the store.
 */
export async function descriptionMatches(db: KbDatabase, words: readonly string[], types: ReadonlySet<string> | null, max: number): Promise<StoredObject[]> {
  // One refresh at a time; keystrokes arriving meanwhile share it.
  let pending = refreshing.get(db);
  if (!pending) {
    pending = refresh(db).finally(() => refreshing.delete(db));
    refreshing.set(db, pending);
  }
  const { text } = await pending;
  const ids: string[] = [];
  for (const [id, entry] of text) {
    if (types && !types.has(entry.type)) continue;
    if (words.every((word) => entry.description.includes(word))) ids.push(id);
    if (ids.length >= max) break;
  }
  return (await db.objects.bulkGet(ids)).filter((record): record is StoredObject => record !== undefined);
}

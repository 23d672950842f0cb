/**
 * Versions 8 and 9: the `objects` table gets a compact binary primary key (issue 14; why in
 * ../compactKeys.ts). IndexedDB cannot change a store's key, so the records move twice, as
 * Dexie's guide to changing a primary key does: v8 copies them into `objectsV7` (no indexes,
 * so the copy writes only the records) and drops `objects`; v9 creates `objects` again,
 * keyed outbound by the compact key, copies them back and drops `objectsV7`. Both run in the
 * one upgrade transaction: an upgrade that fails leaves version 7 as it was.
 */
import type { Table, Transaction } from 'dexie';
import { compactKey } from '../compactKeys.ts';

const PAGE = 2000;

/** Every record of `from`, a page at a time in primary-key order, written to `to`. */
async function copyRecords(from: Table<{ id: string }, string>, write: (rows: { id: string }[]) => Promise<unknown>): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const rows = await (last === undefined ? from.orderBy(':id') : from.where(':id').above(last)).limit(PAGE).toArray();
    if (rows.length === 0) return;
    await write(rows);
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1]?.id;
  }
}

export const v8 = {
  version: 8,
  stores: {
    objects: null,
    objectsV7: 'id',
  },
  upgrade: async (transaction: Transaction): Promise<void> => {
    const target = transaction.table<{ id: string }, string>('objectsV7');
    await copyRecords(transaction.table<{ id: string }, string>('objects'), (rows) => target.bulkPut(rows));
  },
} as const;

export const v9 = {
  version: 9,
  stores: {
    objectsV7: null,
    objects: ', [type+modified], [type+name], *labels, *refs, *terms, *sources',
  },
  upgrade: async (transaction: Transaction): Promise<void> => {
    const target = transaction.table<{ id: string }, Uint8Array>('objects');
    await copyRecords(transaction.table<{ id: string }, string>('objectsV7'), (rows) => target.bulkPut(rows, rows.map((row) => compactKey(row.id))));
  },
} as const;

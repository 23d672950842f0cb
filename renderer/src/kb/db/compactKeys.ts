/**
 * The `objects` table's primary key, stored compact (schema v9, issue 14).
 *
 * IndexedDB in Chromium writes every index entry as (index key, primary key) and keeps the
 * primary key again in the entry's value, in UTF-16. A STIX id is 46 characters on average,
 * so each of the ~8 index entries of an object carried ~180 bytes of id: the store was 3.2×
 * the size of a bare table and, past ~100,000 objects, its ingest fell from 2,000 to 300
 * objects/s as LevelDB's tables outgrew its caches (bench:kb-scale; a bare table of the same
 * records with the same indexes but short keys held ~1,200 objects/s to 200,000).
 *
 * So the table is keyed outbound by a binary form of the id — the type's UTF-8 bytes, a
 * zero byte and the UUID's 16 bytes, 25 bytes for "indicator--…" — and this Dexie
 * middleware translates at the storage layer: callers still read and write by the string id
 * (`get(id)`, `bulkGet(ids)`, `primaryKeys()`, `where(':id').above(id)`), and records keep
 * their `id` field, which is where the key comes from on every write.
 *
 * Ordering: keys sort by type, then by UUID, as the strings did for lowercase ids; nothing
 * relies on more than "the same order for writing and reading" (backups page by key).
 */
import type { DBCore, DBCoreCursor, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

export const COMPACT_KEY_TABLE = 'objects';

const UUID = /^([\x21-\x7e]+?)--([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/;
const STIX_FORM = 1;
const OTHER_FORM = 2;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The stored key of an id; the same bytes for the same id, a different key for every id. */
export function compactKey(id: string): Uint8Array {
  const match = UUID.exec(id);
  if (!match) {
    // Not a STIX id with a lowercase UUID (refused by the validator, but never lost here).
    const bytes = encoder.encode(id);
    const key = new Uint8Array(bytes.length + 1);
    key[0] = OTHER_FORM;
    key.set(bytes, 1);
    return key;
  }
  const type = encoder.encode(match[1]);
  const hex = match.slice(2).join('');
  const key = new Uint8Array(type.length + 18);
  key[0] = STIX_FORM;
  key.set(type, 1);
  key[type.length + 1] = 0;
  for (let index = 0; index < 16; index += 1) key[type.length + 2 + index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return key;
}

function bytesOf(key: ArrayBuffer | ArrayBufferView): Uint8Array {
  return key instanceof ArrayBuffer ? new Uint8Array(key) : new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
}

/** The id a stored key stands for. */
export function idOfCompactKey(key: ArrayBuffer | ArrayBufferView): string {
  const bytes = bytesOf(key);
  if (bytes[0] === OTHER_FORM) return decoder.decode(bytes.subarray(1));
  const zero = bytes.indexOf(0, 1);
  const hex = Array.from(bytes.subarray(zero + 1), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${decoder.decode(bytes.subarray(1, zero))}--${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Strings become keys; anything else (Dexie's MIN/MAX sentinels, keys already compact) is left as it is. */
const toStored = (key: unknown): unknown => (typeof key === 'string' ? compactKey(key) : key);
const fromStored = (key: unknown): unknown => (key instanceof ArrayBuffer || ArrayBuffer.isView(key) ? idOfCompactKey(key) : key);

function storedRange(range: DBCoreKeyRange): DBCoreKeyRange {
  return { ...range, lower: toStored(range.lower), upper: toStored(range.upper) };
}

function idOf(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') throw new TypeError('A knowledge-base record has no id.');
  return id;
}

function storedMutation(request: DBCoreMutateRequest): DBCoreMutateRequest {
  switch (request.type) {
    case 'add':
    case 'put': {
      const keys = request.keys ? request.keys.map(toStored) : request.values.map((value) => compactKey(idOf(value)));
      return { ...request, keys };
    }
    case 'delete':
      return { ...request, keys: request.keys.map(toStored) };
    case 'deleteRange':
      return { ...request, range: storedRange(request.range) };
  }
}

/** A cursor that hands out ids and takes them back, over one that walks compact keys. */
function idCursor(cursor: DBCoreCursor, primaryIndex: boolean): DBCoreCursor {
  const wrapped = Object.create(cursor, {
    key: { get: (): unknown => (primaryIndex ? fromStored(cursor.key) : (cursor.key as unknown)) },
    primaryKey: { get: (): unknown => fromStored(cursor.primaryKey) },
    value: { get: (): unknown => cursor.value },
    done: { get: () => cursor.done },
    continue: { value: (key?: unknown) => cursor.continue(key === undefined ? undefined : primaryIndex ? toStored(key) : key) },
    continuePrimaryKey: { value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(primaryIndex ? toStored(key) : key, toStored(primaryKey)) },
    advance: { value: (count: number) => cursor.advance(count) },
    start: { value: (onNext: () => void) => cursor.start(onNext) },
    stop: { value: (value?: unknown) => cursor.stop(value) },
    next: { value: () => cursor.next().then((next) => idCursor(next, primaryIndex)) },
    fail: { value: (error: Error) => cursor.fail(error) },
  }) as DBCoreCursor;
  return wrapped;
}

function compactKeyTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (request) =>
      table.mutate(storedMutation(request)).then((response) => ({ ...response, results: response.results?.map(fromStored), lastResult: fromStored(response.lastResult) })),
    get: (request) => table.get({ ...request, key: toStored(request.key) }),
    getMany: (request) => table.getMany({ ...request, keys: request.keys.map(toStored) }),
    query: (request) => {
      const primaryIndex = request.query.index.isPrimaryKey === true;
      const query = primaryIndex ? { ...request.query, range: storedRange(request.query.range) } : request.query;
      // Without values the answer is primary keys, whichever index was walked.
      return table.query({ ...request, query }).then((response) => (request.values ? response : { ...response, result: response.result.map(fromStored) }));
    },
    openCursor: (request) => {
      const primaryIndex = request.query.index.isPrimaryKey === true;
      const query = primaryIndex ? { ...request.query, range: storedRange(request.query.range) } : request.query;
      return table.openCursor({ ...request, query }).then((cursor) => (cursor ? idCursor(cursor, primaryIndex) : null));
    },
    count: (request) => {
      const primaryIndex = request.query.index.isPrimaryKey === true;
      return table.count(primaryIndex ? { ...request, query: { ...request.query, range: storedRange(request.query.range) } } : request);
    },
  };
}

/**
 * Below Dexie's own middlewares (hooks, observation), so they see string ids; applied only
 * while `objects` has the outbound compact key (schema v9 on), not to the older table an
 * upgrade copies from.
 */
export const compactKeys: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'compactObjectKeys',
  level: -10,
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return name === COMPACT_KEY_TABLE && table.schema.primaryKey.outbound === true ? compactKeyTable(table) : table;
    },
  }),
};

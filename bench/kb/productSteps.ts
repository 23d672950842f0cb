/**
 * The product's own import path, run in a plain worker without the RPC, step by step on
 * the ATT&CK bundle: where `importBundleFile` spends what a bare `bulkPut` does not
 * (issue 14: the change feed, index entries, validation, batching). Each figure uses a
 * fresh knowledge base, deleted afterwards.
 */
import Dexie from 'dexie';
import { readParsedBundle } from '../../core/stix/bundle/read.ts';
import { KbDatabase, openKnowledgeBase } from '../../renderer/src/kb/db/KbDatabase.ts';
import { importBundleFile } from '../../renderer/src/kb/importFile.ts';
import { ingest, type IngestItem } from '../../renderer/src/kb/ingest.ts';
import type { ChangeRecord, StoredObject } from '../../renderer/src/kb/records.ts';

export interface ProductSteps {
  /** importBundleFile in this worker: hash, decode, parse, validate, ingest, keep the file; no RPC. */
  importFileMs: number;
  /** The same with batches of 5,000 instead of 1,000. */
  importFileBatch5000Ms: number;
  /** ingest() of the already validated items only: records, index entries, feed rows, sources. */
  ingestOnlyMs: number;
  /** The change feed alone: one row per object, 25 bulkAdds into `changes: '++seq'`. */
  changeFeedMs: number;
  /** The KB's records put (batches of 1,000) into the KB's schema without its multi-entry indexes. */
  withoutMultiEntryMs: number;
  /** Index entries per object in the KB's schema, by index (ATT&CK's averages). */
  entriesPerObject: Record<string, number>;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function freshKb(name: string): Promise<KbDatabase> {
  await Dexie.delete(name);
  return openKnowledgeBase(new KbDatabase(name));
}

async function onFresh(name: string, work: (db: KbDatabase) => Promise<unknown>): Promise<number> {
  const db = await freshKb(name);
  try {
    return await timed(() => work(db));
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

class FeedOnly extends Dexie {
  declare changes: Dexie.Table<ChangeRecord, number>;
  declare objects: Dexie.Table<StoredObject, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ changes: '++seq', objects: 'id, [type+modified], [type+name]' });
  }
}

export async function productSteps(db: string, text: string, records: StoredObject[]): Promise<ProductSteps> {
  const file = new Blob([text], { type: 'application/json' });
  const importFileMs = await onFresh(`${db}-import`, (kb) => importBundleFile(kb, { file, name: 'attack.json' }));
  const importFileBatch5000Ms = await onFresh(`${db}-import5000`, (kb) => importBundleFile(kb, { file, name: 'attack.json' }, { batchSize: 5000 }));
  const items: IngestItem[] = [];
  for (const event of readParsedBundle(JSON.parse(text), { repair: true })) if (event.kind === 'object') items.push({ object: event.object, path: `/objects/${event.index}`, issues: event.issues });
  const ingestOnlyMs = await onFresh(`${db}-ingest`, (kb) => ingest(kb, items, { id: 'file:bench', kind: 'file', name: 'attack.json' }));

  const plain = new FeedOnly(`${db}-feed`);
  await plain.open();
  const at = new Date().toISOString();
  const changeFeedMs = await timed(async () => {
    for (let from = 0; from < records.length; from += 1000) {
      const rows = records.slice(from, from + 1000).map((record): ChangeRecord => ({ op: 'create', at, id: record.id, type: record.type, source: 'file:bench' }));
      await plain.transaction('rw', plain.changes, () => plain.changes.bulkAdd(rows));
    }
  });
  const withoutMultiEntryMs = await timed(async () => {
    for (let from = 0; from < records.length; from += 1000) {
      const batch = records.slice(from, from + 1000);
      await plain.transaction('rw', plain.objects, () => plain.objects.bulkPut(batch));
    }
  });
  plain.close();
  await Dexie.delete(`${db}-feed`);

  const perObject = (count: (record: StoredObject) => number): number => Math.round((records.reduce((sum, record) => sum + count(record), 0) / records.length) * 100) / 100;
  const entriesPerObject = {
    '[type+modified]': 1,
    '[type+name]': perObject((record) => (record.name === undefined ? 0 : 1)),
    '*labels': perObject((record) => new Set(record.labels).size),
    '*refs': perObject((record) => new Set(record.refs).size),
    '*terms': perObject((record) => new Set(record.terms).size),
    '*sources': perObject((record) => new Set(record.sources).size),
  };
  return { importFileMs, importFileBatch5000Ms, ingestOnlyMs, changeFeedMs, withoutMultiEntryMs, entriesPerObject };
}

/**
 * The baseline of STACK-MEASUREMENTS §1, in its own dedicated Worker: fetch the bundle's
 * text, JSON.parse it, and write every object with one Dexie `bulkPut` into a table with
 * no logic (`objects: 'id, type, modified'`).
 *
 * After that figure it can also time the product's steps one by one on the same parsed
 * objects (validation, record building, a bulkPut into the knowledge base's real schema),
 * so a slow ingest can be attributed without a profiler. Those steps never overlap the
 * baseline's timings.
 */
import Dexie, { type Table } from 'dexie';
import { readParsedBundle } from '../../core/stix/bundle/read.ts';
import type { JsonObject } from '../../core/stix/model/properties.ts';
import { compactKeys } from '../../renderer/src/kb/db/compactKeys.ts';
import { migrations } from '../../renderer/src/kb/db/migrations/index.ts';
import { toRecord, type StoredObject } from '../../renderer/src/kb/records.ts';
import { productSteps, type ProductSteps } from './productSteps.ts';

export interface BareRequest {
  url: string;
  db: string;
  breakdown: boolean;
}

export interface BareResult {
  objects: number;
  fetchMs: number;
  parseMs: number;
  bulkPutMs: number;
  /** Present when `breakdown` was asked for. */
  breakdown?: {
    /** readParsedBundle over the parsed value: repairs, duplicate check, validation. */
    validateMs: number;
    /** toRecord for every object (display name, refs, search terms). */
    recordsMs: number;
    /** One bulkPut of those records into the KB's `objects` schema (every index), no logic. */
    kbSchemaBulkPutMs: number;
    /** The same records in batches of 1,000, one transaction each, with a bulkGet first (ingest's shape). */
    kbSchemaBatchedMs: number;
    /** The same batches without the bulkGet. */
    kbSchemaBatchedNoGetMs: number;
    /** SHA-256 of the file's bytes (importFile names the source by it). */
    hashMs: number;
    /** Keeping the original file: one put of the Blob. */
    storeFileMs: number;
    /** The product's path step by step (productSteps.ts). */
    product: ProductSteps;
  };
}

class BareDatabase extends Dexie {
  declare objects: Table<JsonObject, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ objects: 'id, type, modified' });
  }
}

class KbShapedDatabase extends Dexie {
  declare objects: Table<StoredObject, string>;
  declare files: Table<{ sha256: string; blob: Blob }, string>;
  constructor(name: string) {
    super(name);
    // The KB's own key translation (schema v9), so the records are stored as the KB stores them.
    this.use(compactKeys);
    const objects = migrations.map((migration) => migration.stores['objects']).filter((schema) => typeof schema === 'string').at(-1) ?? 'id';
    this.version(1).stores({ objects, files: 'sha256' });
  }
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

async function measure(request: BareRequest): Promise<BareResult> {
  const [text, fetchMs] = await timed(async () => (await fetch(request.url)).text());
  const [bundle, parseMs] = await timed(() => JSON.parse(text) as { objects: JsonObject[] });
  const objects = bundle.objects;
  const bare = new BareDatabase(`${request.db}-bare`);
  await bare.open();
  const [, bulkPutMs] = await timed(() => bare.objects.bulkPut(objects));
  bare.close();
  await Dexie.delete(`${request.db}-bare`);
  const result: BareResult = { objects: objects.length, fetchMs, parseMs, bulkPutMs };
  if (!request.breakdown) return result;

  const [, validateMs] = await timed(() => {
    let count = 0;
    for (const event of readParsedBundle(JSON.parse(text), { repair: true })) if (event.kind === 'object') count += 1;
    return count;
  });
  const at = new Date().toISOString();
  const [records, recordsMs] = await timed(() => objects.map((object) => toRecord(object, ['file:bench'], at, at)));
  const shaped = new KbShapedDatabase(`${request.db}-kb-shaped`);
  await shaped.open();
  const [, kbSchemaBulkPutMs] = await timed(() => shaped.objects.bulkPut(records));
  await shaped.objects.clear();
  const [, kbSchemaBatchedMs] = await timed(async () => {
    for (let at = 0; at < records.length; at += 1000) {
      const batch = records.slice(at, at + 1000);
      await shaped.transaction('rw', shaped.objects, async () => {
        await shaped.objects.bulkGet(batch.map((record) => record.id));
        await shaped.objects.bulkPut(batch);
      });
    }
  });
  await shaped.objects.clear();
  const [, kbSchemaBatchedNoGetMs] = await timed(async () => {
    for (let at = 0; at < records.length; at += 1000) {
      const batch = records.slice(at, at + 1000);
      await shaped.transaction('rw', shaped.objects, () => shaped.objects.bulkPut(batch));
    }
  });
  const blob = new Blob([text], { type: 'application/json' });
  const [, hashMs] = await timed(async () => crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  const [, storeFileMs] = await timed(() => shaped.files.put({ sha256: 'bench', blob }));
  shaped.close();
  await Dexie.delete(`${request.db}-kb-shaped`);
  const product = await productSteps(request.db, text, records);
  return { ...result, breakdown: { validateMs, recordsMs, kbSchemaBulkPutMs, kbSchemaBatchedMs, kbSchemaBatchedNoGetMs, hashMs, storeFileMs, product } };
}

self.addEventListener('message', (event: MessageEvent<BareRequest>) => {
  measure(event.data).then(
    (result) => self.postMessage({ ok: true, result }),
    (error: unknown) => self.postMessage({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});

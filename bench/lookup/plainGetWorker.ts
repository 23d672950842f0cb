/**
 * The baseline of `bench:lookup`: a plain indexed Dexie read of the same keys, in a worker
 * of its own on the same IndexedDB database as the knowledge base (opened as it is, no
 * schema, nothing written). Per value it is the one index read the lookup starts from —
 * `objects.where('terms').equals(value)` — and nothing else: no deterministic-id get, no
 * references, containers, sources, warninglists or answer to build.
 */
import Dexie from 'dexie';

export interface PlainGetRequest {
  database: string;
  /** Each value's term: its lower-cased first 64 characters, as the terms index keys it. */
  /** Read in one transaction, as the lookup reads a batch. */
  terms: string[];
}

export interface PlainGetResult {
  ms: number;
  found: number;
}

let db: Dexie | undefined;

async function read(request: PlainGetRequest): Promise<PlainGetResult> {
  if (!db) {
    db = new Dexie(request.database);
    await db.open();
  }
  const objects = db.table('objects');
  const started = performance.now();
  const hits = await db.transaction('r', objects, () => Promise.all(request.terms.map((term) => objects.where('terms').equals(term).toArray())));
  return { ms: performance.now() - started, found: hits.filter((records) => records.length > 0).length };
}

self.addEventListener('message', (event: MessageEvent<PlainGetRequest>) => {
  read(event.data).then(
    (result) => self.postMessage(result),
    (error: unknown) => self.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});

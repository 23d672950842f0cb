/**
 * The baseline of `bench:kb-scale`: the same seeded objects as the knowledge base gets,
 * written with Dexie `bulkPut` into a table with no logic (`objects: 'id, type, modified'`,
 * STACK-MEASUREMENTS §1), one transaction per call of the same size. It grows step by step
 * beside the knowledge base, so each step's ratio is taken under the same load.
 */
import Dexie, { type Table } from 'dexie';
import { scaleMix, type StixLike } from './synthetic.ts';

export interface ScaleBareRequest {
  count: number;
  chunk: number;
  seed: number;
  /** On the first call of a resumed run: the objects the table already holds, skipped by the generator. */
  skip?: number;
}

export interface ScaleBareResult {
  ms: number;
  objects: number;
}

class BareDatabase extends Dexie {
  declare objects: Table<StixLike, string>;
  constructor() {
    super('bench-scale-bare');
    this.version(1).stores({ objects: 'id, type, modified' });
  }
}

let state: { db: BareDatabase; mix: ReturnType<typeof scaleMix> } | null = null;

async function step(request: ScaleBareRequest): Promise<ScaleBareResult> {
  if (!state) {
    const resuming = (request.skip ?? 0) > 0;
    if (!resuming) await Dexie.delete('bench-scale-bare');
    const db = new BareDatabase();
    await db.open();
    const mix = scaleMix(request.seed);
    for (let done = 0; done < (request.skip ?? 0); done += request.chunk) mix.take(Math.min(request.chunk, (request.skip ?? 0) - done));
    state = { db, mix };
  }
  const { db, mix } = state;
  let ms = 0;
  for (let done = 0; done < request.count; done += request.chunk) {
    const objects = mix.take(Math.min(request.chunk, request.count - done));
    const started = performance.now();
    await db.objects.bulkPut(objects);
    ms += performance.now() - started;
  }
  return { ms, objects: request.count };
}

self.addEventListener('message', (event: MessageEvent<ScaleBareRequest>) => {
  step(event.data).then(
    (result) => self.postMessage({ ok: true, result }),
    (error: unknown) => self.postMessage({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});

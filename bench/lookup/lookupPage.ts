/**
 * The page `npm run bench:lookup` drives (issue 21, Done-when). It looks values up the way
 * the local API's `lookup` does — `lookUpValues`, the function the window answers
 * `magpie kb lookup` with: the KB worker's `knownValues` and `warninglistHits` over its RPC,
 * in calls of 5,000 — and, in the same run, reads the same keys with a plain indexed Dexie
 * `where` in a worker of its own (plainGetWorker.ts). The store is the one `bench:kb-scale`
 * grows (database `bench-scale`, the same seeded mix), or a small one grown here the same way.
 */
import { pastedValues, type PastedValue } from '../../core/lookup/pastedValues.ts';
import { knowledgeBase } from '../../renderer/src/kb/client.ts';
import { lookUpValues } from '../../renderer/src/lookup/lookUpValues.ts';
import { seededRandom } from '../../testkit/seededRandom.ts';
import { SCALE_CHUNK, SCALE_SEED } from '../kb/scalePage.ts';
import { OBSERVABLE_CLASSES, scaleMix, type ObservableClass } from '../kb/synthetic.ts';
import { lookupMix, shuffled, type KnownSample, type MixClass } from './lookupMix.ts';
import type { PlainGetRequest, PlainGetResult } from './plainGetWorker.ts';

export const DATABASE = 'bench-scale';
const MIX_SEED = 0x100c_0b00;
const TERM_LENGTH = 64;

export interface Prepared {
  lines: number;
  classes: Record<MixClass, number>;
  /** The engine's time to find and refang the values in the pasted text (`magpie kb lookup` does it in the CLI). */
  findMs: number;
  values: number;
}

export interface LookupBench {
  stored(): Promise<number>;
  grow(total: number): Promise<{ ms: number; stored: number }>;
  prepare(count: number, storeSize: number): Promise<Prepared>;
  lookupBatched(): Promise<{ ms: number; known: number; warninglisted: number }>;
  lookupEach(): Promise<number[]>;
  plainBatched(): Promise<PlainGetResult>;
  plainEach(): Promise<number[]>;
}

declare global {
  interface Window {
    lookupBench?: LookupBench;
  }
}

let values: PastedValue[] = [];
const terms = (list: readonly PastedValue[]) => list.map((value) => value.value.toLowerCase().slice(0, TERM_LENGTH));

async function grow(total: number): Promise<{ ms: number; stored: number }> {
  const mix = scaleMix(SCALE_SEED);
  const started = performance.now();
  for (let done = 0; done < total; done += SCALE_CHUNK) {
    // As bench:kb-scale grows it: the connector path, in calls of 20,000.
    await knowledgeBase().ingestStix({ objects: mix.take(Math.min(SCALE_CHUNK, total - done)), source: { id: 'connector:bench-scale', kind: 'connector', name: 'Benchmark scale feed' } });
  }
  return { ms: performance.now() - started, stored: (await knowledgeBase().stats({})).total };
}

/** Values the store holds: a seeded sample of the observables the mix gave its first `storeSize` objects. */
function knownSample(storeSize: number, size: number): KnownSample[] {
  const mix = scaleMix(SCALE_SEED);
  const sample: KnownSample[] = [];
  let seen = 0;
  const random = seededRandom(MIX_SEED);
  for (let done = 0; done < storeSize; done += SCALE_CHUNK) {
    for (const object of mix.take(Math.min(SCALE_CHUNK, storeSize - done))) {
      if (!OBSERVABLE_CLASSES.includes(object.type as ObservableClass)) continue;
      const hashes = object['hashes'] as Record<string, string> | undefined;
      const value = object.type === 'file' ? hashes?.['SHA-256'] : (object['value'] as string | undefined);
      if (value === undefined) continue;
      // Reservoir sampling: every observable of the store equally likely.
      seen += 1;
      const slot = seen <= size ? seen - 1 : Math.floor(random() * seen);
      if (slot < size) sample[slot] = { type: object.type as ObservableClass, value };
    }
  }
  return sample;
}

function prepare(count: number, storeSize: number): Promise<Prepared> {
  const mix = lookupMix(knownSample(storeSize, count), Math.ceil(count * 1.1), MIX_SEED);
  const started = performance.now();
  const found = pastedValues(mix.lines.join('\n'));
  const findMs = performance.now() - started;
  // A URL also gives its host: an even share of what the engine found, `count` of them.
  values = shuffled(found, MIX_SEED).slice(0, count);
  return Promise.resolve({ lines: mix.lines.length, classes: mix.classes, findMs, values: values.length });
}

async function lookupBatched() {
  const started = performance.now();
  const answers = await lookUpValues(values);
  return { ms: performance.now() - started, known: answers.filter((answer) => answer.known).length, warninglisted: answers.filter((answer) => (answer.warninglists?.length ?? 0) > 0).length };
}

async function lookupEach(): Promise<number[]> {
  const times: number[] = [];
  for (const value of values) {
    const started = performance.now();
    await lookUpValues([value]);
    times.push(performance.now() - started);
  }
  return times;
}

let plain: Worker | undefined;
function plainRead(request: Omit<PlainGetRequest, 'database'>): Promise<PlainGetResult> {
  plain ??= new Worker(new URL('./plainGetWorker.ts', import.meta.url), { type: 'module', name: 'plain-get' });
  const worker = plain;
  return new Promise((resolve, reject) => {
    worker.addEventListener(
      'message',
      (event: MessageEvent<PlainGetResult | { error: string }>) => ('error' in event.data ? reject(new Error(event.data.error)) : resolve(event.data)),
      { once: true },
    );
    worker.postMessage({ ...request, database: DATABASE } satisfies PlainGetRequest);
  });
}

async function plainBatched(): Promise<PlainGetResult> {
  const started = performance.now();
  const result = await plainRead({ terms: terms(values) });
  // Timed on the page, as the lookup is: the message hop included.
  return { ...result, ms: performance.now() - started };
}

async function plainEach(): Promise<number[]> {
  const times: number[] = [];
  for (const term of terms(values)) {
    const started = performance.now();
    await plainRead({ terms: [term] });
    times.push(performance.now() - started);
  }
  return times;
}

window.lookupBench = {
  stored: async () => (await knowledgeBase().stats({})).total,
  grow,
  prepare,
  lookupBatched,
  lookupEach,
  plainBatched,
  plainEach,
};

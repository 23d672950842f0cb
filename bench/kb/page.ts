/**
 * The page `npm run bench:kb` drives (built to out/bench-kb-ingest, served cross-origin isolated
 * from 127.0.0.1). It talks to the real knowledge base exactly as the UI does —
 * `knowledgeBase()` from renderer/src/kb/client.ts, i.e. the KB worker over its
 * MessagePort RPC; the database name comes from this page's `?kb=NAME` — and runs the
 * bare-Dexie baseline in a second dedicated Worker. Every timing is taken on this page,
 * so the KB figures include the RPC hop.
 */
import { OBSERVABLE_CLASSES, syntheticStix, type ObservableClass } from './synthetic.ts';
import { knowledgeBase } from '../../renderer/src/kb/client.ts';
import type { IngestItem } from '../../renderer/src/kb/ingest.ts';
import type { BareRequest, BareResult } from './bareWorker.ts';
import { timeSearches, type QueryClassResult } from './searchQueries.ts';

export interface LongTasks {
  count: number;
  over100: number;
  maxMs: number;
  totalMs: number;
}

export interface AttackImport {
  ms: number;
  counts: { created: number; updated: number; unchanged: number; rejected: number };
  warnings: number;
  bundleIssues: number;
  progressReports: number;
  longTasks: LongTasks;
}

export interface ObservableIngest {
  ms: number;
  objects: number;
  created: number;
  rejected: number;
  longTasks: LongTasks;
}


export interface KbBench {
  importAttack(url: string, name: string): Promise<AttackImport>;
  bare(request: BareRequest): Promise<BareResult>;
  ingestObservables(count: number, chunk: number): Promise<ObservableIngest>;
  searchQueries(perClass: number): Promise<Record<'prefix' | 'token' | 'full', QueryClassResult>>;
  measureMemory(): Promise<{ bytes: number | null; storage: number }>;
}

declare global {
  interface Window {
    kbBench?: KbBench;
  }
}

// Main-thread long tasks (over 50 ms), collected from page load; each measurement reads its window.
const longTaskEntries: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTaskEntries.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

function nextFrame(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

async function longTasksDuring<T>(work: () => Promise<T>): Promise<[T, LongTasks]> {
  const from = performance.now();
  const value = await work();
  // The observer delivers entries asynchronously: let it catch up before reading.
  await nextFrame();
  await nextFrame();
  const entries = longTaskEntries.filter((entry) => entry.startTime >= from);
  const durations = entries.map((entry) => entry.duration);
  return [
    value,
    {
      count: entries.length,
      over100: durations.filter((duration) => duration > 100).length,
      maxMs: Math.round(Math.max(0, ...durations)),
      totalMs: Math.round(durations.reduce((sum, duration) => sum + duration, 0)),
    },
  ];
}


const { observable } = syntheticStix(0x6d61_6770);
const CLASSES = OBSERVABLE_CLASSES;

/** Every 50th value stored, to draw queries from. */
const sampleValues: string[] = [];
let generated = 0;

async function ingestObservables(count: number, chunk: number): Promise<ObservableIngest> {
  const kb = knowledgeBase();
  await kb.stats({});
  let created = 0;
  let rejected = 0;
  let ms = 0;
  const [, longTasks] = await longTasksDuring(async () => {
    for (let done = 0; done < count; done += chunk) {
      const items: IngestItem[] = [];
      for (let index = done; index < Math.min(count, done + chunk); index += 1) {
        // An equal share of each class, interleaved.
        const { object, value } = observable(CLASSES[(generated + index - done) % 4] as ObservableClass);
        if ((generated + index - done) % 50 === 0) sampleValues.push(value);
        items.push({ object, path: `/objects/${generated + index - done}`, issues: [] });
      }
      generated += items.length;
      // Generation is the page's own work: only the KB call is timed.
      const started = performance.now();
      const result = await kb.ingestObjects({ items, source: { id: 'connector:bench-observables', kind: 'connector', name: 'Benchmark observables' } });
      ms += performance.now() - started;
      created += result.counts.created;
      rejected += result.counts.rejected;
    }
  });
  return { ms, objects: count, created, rejected, longTasks };
}

function searchQueries(perClass: number): Promise<Record<'prefix' | 'token' | 'full', QueryClassResult>> {
  return timeSearches(sampleValues, perClass);
}

async function importAttack(fileUrl: string, name: string): Promise<AttackImport> {
  const kb = knowledgeBase();
  // The worker is started and its database opened before the clock starts, as in the app.
  await kb.stats({});
  const file = await (await fetch(fileUrl)).blob();
  let progressReports = 0;
  let ms = 0;
  const [result, longTasks] = await longTasksDuring(async () => {
    const started = performance.now();
    const imported = await kb.importBundleFile({ file, name }, { onProgress: () => (progressReports += 1) });
    ms = performance.now() - started;
    return imported;
  });
  return { ms, counts: result.counts, warnings: result.warnings, bundleIssues: result.bundleIssues.length, progressReports, longTasks };
}

function bare(request: BareRequest): Promise<BareResult> {
  const worker = new Worker(new URL('./bareWorker.ts', import.meta.url), { type: 'module', name: 'bare-dexie' });
  return new Promise<BareResult>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<{ ok: true; result: BareResult } | { ok: false; error: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(event.data.error));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message));
    });
    worker.postMessage(request);
  });
}

/**
 * The page's memory with its workers (measureUserAgentSpecificMemory needs cross-origin
 * isolation; null without it), and what the origin stores on disk.
 */
async function measureMemory(): Promise<{ bytes: number | null; storage: number }> {
  const measure = (performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> }).measureUserAgentSpecificMemory;
  // Chromium may hold the answer until its next GC; give up after 20 s rather than hang the bench.
  const timeout = new Promise<null>((done) => setTimeout(() => done(null), 20_000));
  const bytes = crossOriginIsolated && measure ? await Promise.race([measure.call(performance).then((result) => result.bytes), timeout]) : null;
  return { bytes, storage: (await navigator.storage.estimate()).usage ?? 0 };
}

window.kbBench = { importAttack, bare, ingestObservables, searchQueries, measureMemory };

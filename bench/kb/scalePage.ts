/**
 * The page `npm run bench:kb-scale` drives. With `?kb=NAME` it grows the real knowledge
 * base through `knowledgeBase()` (the KB worker over its RPC) and measures what an analyst
 * waits for; with `?role=bare` (served under a second origin, so its IndexedDB is a folder
 * of its own on disk) it grows a bare Dexie table with the same seeded objects in a Worker.
 * Only the store calls are timed; generating the objects is the bench's own work.
 */
import { knowledgeBase } from '../../renderer/src/kb/client.ts';
import { knowledgeTypes, observableTypes } from '../../renderer/src/knowledge/stixTypes.ts';
import type { ScaleBareRequest, ScaleBareResult } from './scaleBareWorker.ts';
import { timeSearches, type QueryClassResult } from './searchQueries.ts';
import { scaleMix } from './synthetic.ts';

export const SCALE_SEED = 0x5ca1_e000;
/** Objects per ingest call, as a connector's batch (the RPC message is cloned once per call). */
export const SCALE_CHUNK = 20_000;
const PAGE_SIZE = 200;

export interface StepResult {
  ms: number;
  objects: number;
  created: number;
  rejected: number;
}

export interface OpenList {
  /** stats({}) — the type menu's counts, read first by the page. */
  statsMs: number;
  /** listObjects({types, limit: 1}) — the total. */
  countMs: number;
  /** listObjects({types, offset: 0, limit: 200}) — the first page of rows. */
  firstPageMs: number;
  totalMs: number;
  total: number;
  types: number;
}

export interface Checkpoint {
  search: Record<'prefix' | 'token' | 'full', QueryClassResult>;
  knowledgeList: OpenList;
  observablesList: OpenList;
  hub: { ms: number; nodes: number; edges: number; truncated: boolean };
  storage: { usage: number; quota: number };
}

export interface KbScale {
  /** Resuming: the generator moves past what an earlier run stored; the store's own count comes back. */
  skip(count: number): Promise<{ stored: number }>;
  ingestStep(count: number): Promise<StepResult>;
  /** `skipFirst`: on the first call of a resumed run, what the bare table already holds. */
  bareStep(count: number, skipFirst?: number): Promise<StepResult>;
  checkpoint(perClass: number): Promise<Checkpoint>;
  storage(): Promise<{ usage: number; quota: number }>;
  backupRestore(): Promise<{ backupMs: number; restoreMs: number; bytes: number; objects: number }>;
}

declare global {
  interface Window {
    kbScale?: KbScale;
  }
}

const mix = scaleMix(SCALE_SEED);

async function ingestStep(count: number): Promise<StepResult> {
  const kb = knowledgeBase();
  const result: StepResult = { ms: 0, objects: 0, created: 0, rejected: 0 };
  for (let done = 0; done < count; done += SCALE_CHUNK) {
    const objects = mix.take(Math.min(SCALE_CHUNK, count - done));
    const started = performance.now();
    // The connector path: plain objects in, validated in the worker, merged by id.
    const ingested = await kb.ingestStix({ objects, source: { id: 'connector:bench-scale', kind: 'connector', name: 'Benchmark scale feed' } });
    result.ms += performance.now() - started;
    result.objects += objects.length;
    result.created += ingested.counts.created;
    result.rejected += ingested.counts.rejected;
  }
  return result;
}

async function skip(count: number): Promise<{ stored: number }> {
  for (let done = 0; done < count; done += SCALE_CHUNK) mix.take(Math.min(SCALE_CHUNK, count - done));
  const counts = await knowledgeBase().stats({});
  return { stored: Object.values(counts.byType).reduce((sum, value) => sum + value, 0) };
}

let bareWorker: Worker | null = null;

function bareStep(count: number, skipFirst = 0): Promise<StepResult> {
  bareWorker ??= new Worker(new URL('./scaleBareWorker.ts', import.meta.url), { type: 'module', name: 'bare-dexie-scale' });
  const worker = bareWorker;
  return new Promise<StepResult>((resolve, reject) => {
    const answered = (event: MessageEvent<{ ok: true; result: ScaleBareResult } | { ok: false; error: string }>) => {
      worker.removeEventListener('message', answered);
      if (event.data.ok) resolve({ ...event.data.result, created: event.data.result.objects, rejected: 0 });
      else reject(new Error(event.data.error));
    };
    worker.addEventListener('message', answered);
    worker.postMessage({ count, chunk: SCALE_CHUNK, seed: SCALE_SEED, skip: skipFirst } satisfies ScaleBareRequest);
  });
}

/** Opens a list as ObjectBrowser does: the counts, the total, then the first page. */
async function openList(types: readonly string[]): Promise<OpenList> {
  const kb = knowledgeBase();
  const started = performance.now();
  const stats = await kb.stats({});
  const statsDone = performance.now();
  const present = types.filter((type) => (stats.byType[type] ?? 0) > 0);
  const counted = await kb.listObjects({ types: present, limit: 1 });
  const countDone = performance.now();
  await kb.listObjects({ types: present, offset: 0, limit: PAGE_SIZE });
  const done = performance.now();
  const round = (value: number): number => Math.round(value);
  return { statsMs: round(statsDone - started), countMs: round(countDone - statsDone), firstPageMs: round(done - countDone), totalMs: round(done - started), total: counted.total, types: present.length };
}

async function storage(): Promise<{ usage: number; quota: number }> {
  const estimate = await navigator.storage.estimate();
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
}

async function checkpoint(perClass: number): Promise<Checkpoint> {
  const kb = knowledgeBase();
  const search = await timeSearches(mix.sampleValues, perClass);
  const knowledgeList = await openList(knowledgeTypes);
  const observablesList = await openList(observableTypes);
  // Investigate's expansion of one node, as investigationStore asks for it.
  const started = performance.now();
  const slice = await kb.neighbours({ ids: [mix.hubId], depth: 1, limit: 1 + 20_000 });
  const hub = { ms: Math.round(performance.now() - started), nodes: slice.nodes.length, edges: slice.edges.length, truncated: slice.truncated };
  return { search, knowledgeList, observablesList, hub, storage: await storage() };
}

/**
 * The whole store to one archive and back, as Settings → Backup does it: the archive pulled
 * a chunk at a time over the RPC (each chunk handed to a Blob at once, so the browser may
 * keep it on disk), then restored from that Blob, replacing the store.
 */
async function backupRestore(): Promise<{ backupMs: number; restoreMs: number; bytes: number; objects: number }> {
  const kb = knowledgeBase();
  const started = performance.now();
  const { session } = await kb.backupOpen({ appVersion: 'bench', connectors: { connectors: [] } });
  const parts: Blob[] = [];
  let read = await kb.backupRead({ session });
  while (read.chunk !== null) {
    parts.push(new Blob([read.chunk as Uint8Array<ArrayBuffer>]));
    read = await kb.backupRead({ session });
  }
  const { objects } = read;
  await kb.backupClose({ session });
  const archive = new Blob(parts, { type: 'application/zip' });
  const backupMs = performance.now() - started;
  const restoring = performance.now();
  await kb.restoreBackup({ file: archive, name: 'bench-scale.zip', mode: 'replace' });
  return { backupMs: Math.round(backupMs), restoreMs: Math.round(performance.now() - restoring), bytes: archive.size, objects };
}

window.kbScale = { skip, ingestStep, bareStep, checkpoint, storage, backupRestore };

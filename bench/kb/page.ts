/**
 * The page `npm run bench:kb` drives (built to out/bench-kb, served cross-origin isolated
 * from 127.0.0.1). It talks to the real knowledge base exactly as the UI does —
 * `knowledgeBase()` from renderer/src/kb/client.ts, i.e. the KB worker over its
 * MessagePort RPC; the database name comes from this page's `?kb=NAME` — and runs the
 * bare-Dexie baseline in a second dedicated Worker. Every timing is taken on this page,
 * so the KB figures include the RPC hop.
 */
import { seededRandom } from '../../testkit/seededRandom.ts';
import { knowledgeBase } from '../../renderer/src/kb/client.ts';
import type { IngestItem } from '../../renderer/src/kb/ingest.ts';
import type { BareRequest, BareResult } from './bareWorker.ts';

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

export interface QueryClassResult {
  queries: number;
  p50: number;
  p95: number;
  max: number;
  meanHits: number;
  /** Full values only: share of queries whose first hit is the object with that value. */
  firstHitExact?: number;
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


const random = seededRandom(0x6d61_6770);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const hex = (length: number): string => Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
const letters = (length: number): string => Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]).join('');

function uuid4(): string {
  const h = hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const HOSTING_OCTETS = [5, 23, 31, 37, 45, 46, 62, 77, 78, 80, 85, 89, 91, 92, 93, 94, 95, 103, 104, 107, 109, 139, 141, 146, 149, 151, 154, 157, 159, 162, 164, 167, 172, 176, 178, 185, 188, 192, 193, 194, 195, 198, 199, 203, 204, 205, 209, 212, 213, 217];
const WORDS = ['secure', 'login', 'update', 'account', 'paypal', 'micro', 'soft', 'office', 'cloud', 'verify', 'bank', 'mail', 'support', 'service', 'online', 'portal', 'auth', 'drive', 'share', 'docs', 'cdn', 'static', 'api', 'apple', 'amazon', 'google', 'help', 'wallet', 'crypto', 'invoice', 'billing', 'delivery', 'track', 'parcel', 'dhl', 'tax', 'refund', 'sync', 'storage', 'backup', 'media', 'news', 'health', 'shop', 'store', 'game', 'free', 'best', 'global', 'net'];
const TLDS = ['com', 'net', 'org', 'info', 'biz', 'ru', 'cn', 'top', 'xyz', 'online', 'site', 'club', 'io', 'co', 'me', 'tk', 'ml', 'ga', 'cf', 'pw', 'cc', 'su', 'in', 'br', 'de', 'uk', 'fr', 'jp', 'kr', 'vn'];
const FILES = ['index.php', 'login.php', 'update.exe', 'invoice.zip', 'payload.bin', 'setup.msi', 'doc.pdf', 'gate.php', 'panel', 'config.bin', 'm.js', 'a.ps1'];

function domain(): string {
  if (random() < 0.4) return `${letters(int(8, 16))}.${pick(TLDS)}`;
  let name = pick(WORDS);
  if (random() < 0.5) name += `-${pick(WORDS)}`;
  if (random() < 0.3) name += String(int(1, 999));
  if (random() < 0.3) name = `${pick(WORDS)}.${name}`;
  return `${name}.${pick(TLDS)}`;
}

function url(): string {
  const path = Array.from({ length: int(0, 2) }, () => (random() < 0.7 ? pick(WORDS) : letters(int(4, 10))));
  if (random() < 0.6) path.push(pick(FILES));
  const query = random() < 0.3 ? `?id=${hex(int(6, 16))}` : '';
  return `${random() < 0.6 ? 'https' : 'http'}://${domain()}/${path.join('/')}${query}`;
}

type ObservableClass = 'ipv4-addr' | 'domain-name' | 'url' | 'file';
const CLASSES: readonly ObservableClass[] = ['ipv4-addr', 'domain-name', 'url', 'file'];

function observable(type: ObservableClass): { object: Record<string, unknown>; value: string } {
  const id = `${type}--${uuid4()}`;
  if (type === 'file') {
    const value = hex(64);
    return { object: { type, spec_version: '2.1', id, hashes: { 'SHA-256': value } }, value };
  }
  const value = type === 'ipv4-addr' ? `${pick(HOSTING_OCTETS)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}` : type === 'domain-name' ? domain() : url();
  return { object: { type, spec_version: '2.1', id, value }, value };
}

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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

async function searchQueries(perClass: number): Promise<Record<'prefix' | 'token' | 'full', QueryClassResult>> {
  const kb = knowledgeBase();
  const draw = seededRandom(0x71_7565);
  const sample = (): string => sampleValues[Math.floor(draw() * sampleValues.length)] ?? '';
  const queries = {
    prefix: Array.from({ length: perClass }, () => sample().slice(0, 2 + Math.floor(draw() * 3))),
    token: Array.from({ length: perClass }, () => {
      const tokens = sample()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((token) => token.length >= 3 && token !== 'http' && token !== 'https');
      return tokens[Math.floor(draw() * tokens.length)] ?? sample();
    }),
    full: Array.from({ length: perClass }, () => sample()),
  };
  // Warm-up, not counted: the first queries of a fresh worker pay for JIT and cold pages.
  for (const query of queries.prefix.slice(0, 20)) await kb.search({ query, limit: 50 });
  const results = {} as Record<'prefix' | 'token' | 'full', QueryClassResult>;
  for (const [name, list] of Object.entries(queries) as ['prefix' | 'token' | 'full', string[]][]) {
    const times: number[] = [];
    let hits = 0;
    let exact = 0;
    for (const query of list) {
      const started = performance.now();
      const found = await kb.search({ query, limit: 50 });
      times.push(performance.now() - started);
      hits += found.length;
      if (found[0]?.name.toLowerCase() === query.toLowerCase()) exact += 1;
    }
    times.sort((a, b) => a - b);
    const round = (value: number): number => Math.round(value * 100) / 100;
    results[name] = { queries: list.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1) ?? 0), meanHits: round(hits / list.length) };
    if (name === 'full') results[name].firstHitExact = round(exact / list.length);
  }
  return results;
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

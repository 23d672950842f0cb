/**
 * `npm run bench:kb`: the knowledge base in headless Chromium (no GPU), one JSON line per
 * figure. Anchors: ../shared/STACK-MEASUREMENTS.md §1 (IndexedDB ingest) and §2 (search).
 *
 * (a) The full MITRE ATT&CK Enterprise bundle through the product path —
 *     `knowledgeBase().importBundleFile()` from a page, i.e. the KB worker over its RPC —
 *     and, in the same browser, JSON.parse + one Dexie `bulkPut` of the same objects into a
 *     bare table in a dedicated Worker; the ratio of the two. Fresh browser per run, fresh
 *     database per measurement, the order alternating between runs.
 * (b) Search latency p50/p95 over 200,000 synthetic observables (and 1,000,000 with
 *     BENCH_KB_MILLION=1), with the KB worker's heap after GC.
 * (c) Main-thread long tasks (over 50 ms) during (a).
 *
 *   BENCH_RUNS=3            runs of (a)
 *   BENCH_KB_MILLION=1      also grow the search store to 1,000,000
 *   BENCH_KB_SEARCH=0       skip (b); BENCH_KB_INGEST=0 skips (a) and (c)
 *   BENCH_KB_BREAKDOWN=0    skip the per-step timings that follow each bare run
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { fixturePath, fixturesSkipReason } from '../../testkit/fixtures.ts';
import { launchChromium } from '../../e2e/harness/chromium.ts';
import { serveOnLoopback } from '../../e2e/harness/loopbackServer.ts';
import type { AttackImport, KbBench, ObservableIngest } from './page.ts';
import { mb, workerHeap } from './workerHeap.ts';
import type { BareResult } from './bareWorker.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const outDir = resolve(projectRoot, 'out/bench-kb-ingest');
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const million = process.env['BENCH_KB_MILLION'] === '1';
const breakdown = process.env['BENCH_KB_BREAKDOWN'] !== '0';
const ATTACK = ['mitre-attack', 'enterprise-attack-18.1.stix21-reconstructed.json.gz'] as const;
const ATTACK_OBJECTS = 24_771;

function emit(figure: string, data: Record<string, unknown>): void {
  console.info(JSON.stringify({ figure, ...data }));
}

function stats(values: number[], digits = 0) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length % 2 ? (sorted[(sorted.length - 1) / 2] ?? 0) : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
  const round = (value: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
  return { min: round(sorted[0] ?? Number.NaN), median: round(middle), runs: values.length };
}


await build({ configFile: resolve(import.meta.dirname, 'vite.config.ts'), logLevel: 'warn' });

const attackFile = fixturePath(...ATTACK);
const attackJson = existsSync(attackFile) ? gunzipSync(await readFile(attackFile)) : null;

// Loopback only, with the app's own headers (COOP/COEP: the page is cross-origin isolated).
const server = await serveOnLoopback(outDir, (path) =>
  path === '/data/attack.json' && attackJson
    ? { status: 200, headers: { 'Content-Type': 'application/json', 'Cross-Origin-Resource-Policy': 'same-origin', 'Content-Length': String(attackJson.length) }, body: attackJson }
    : undefined,
);
const { origin } = server;

async function openPage(browser: Browser, database: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => console.warn(`[bench:kb] page error: ${error.message}`));
  await page.goto(`${origin}/index.html?kb=${encodeURIComponent(database)}`);
  await page.waitForFunction(() => window.kbBench !== undefined);
  return page;
}

// ——— (a) and (c): ATT&CK ingest against bare bulkPut ———
if (process.env['BENCH_KB_INGEST'] !== '0') {
  if (!attackJson) {
    for (const figure of ['kb.ingest.attack_ms', 'kb.ingest.bare_bulkput_ms', 'kb.ingest.ratio', 'kb.ingest.main_thread_long_tasks'])
      emit(figure, { skipped: true, reason: `${attackFile} is missing. ${fixturesSkipReason}` });
  } else {
    const ours: AttackImport[] = [];
    const bares: BareResult[] = [];
    for (let run = 0; run < runs; run += 1) {
      const browser = await launchChromium();
      try {
        const tag = `bench-${Date.now()}-${run}`;
        const page = await openPage(browser, `${tag}-kb`);
        const measureOurs = async () => ours.push(await page.evaluate(([url, name]) => (window.kbBench as KbBench).importAttack(url, name), [`${origin}/data/attack.json`, ATTACK[1].replace(/\.gz$/, '')] as const));
        const measureBare = async () => bares.push(await page.evaluate((request) => (window.kbBench as KbBench).bare(request), { url: `${origin}/data/attack.json`, db: tag, breakdown }));
        // Alternate which goes first, so neither always gets the colder browser.
        if (run % 2 === 0) {
          await measureOurs();
          await measureBare();
        } else {
          await measureBare();
          await measureOurs();
        }
      } finally {
        await browser.close();
      }
    }
    const first = ours[0];
    const oursMs = ours.map((run) => run.ms);
    const bulkPut = bares.map((run) => run.bulkPutMs);
    const parseAndPut = bares.map((run) => run.parseMs + run.bulkPutMs);
    const oursStats = stats(oursMs);
    const note = 'headless Chromium, --disable-gpu, no GPU; fresh browser per run, fresh database per measurement, order alternating';
    emit('kb.ingest.attack_ms', {
      ...oursStats,
      objects_per_s: { best: Math.round(ATTACK_OBJECTS / (oursStats.min / 1000)), median: Math.round(ATTACK_OBJECTS / (oursStats.median / 1000)) },
      created: first?.counts.created,
      updated: first?.counts.updated,
      unchanged: first?.counts.unchanged,
      quarantined: first?.counts.rejected,
      warnings: first?.warnings,
      bundle_issues: first?.bundleIssues,
      created_plus_quarantined_is_24771: ours.every((run) => run.counts.created + run.counts.rejected === ATTACK_OBJECTS),
      path: 'knowledgeBase().importBundleFile({file: Blob}) from the page: RPC to the KB worker, hash, text, JSON.parse, validate, ingest in transactions of 1,000 then 5,000 objects, keep the original file',
      note,
    });
    emit('kb.ingest.bare_bulkput_ms', { ...stats(bulkPut), objects_per_s_median: Math.round(ATTACK_OBJECTS / (stats(bulkPut).median / 1000)), schema: "objects: 'id, type, modified'", anchor_median_ms: 1745 });
    emit('kb.ingest.bare_parse_ms', stats(bares.map((run) => run.parseMs)));
    emit('kb.ingest.bare_parse_plus_bulkput_ms', stats(parseAndPut));
    emit('kb.ingest.bare_fetch_text_ms', stats(bares.map((run) => run.fetchMs)));
    emit('kb.ingest.ratio', {
      ours_over_bare_bulkput: { median: Number((oursStats.median / stats(bulkPut).median).toFixed(2)), best: Number((oursStats.min / stats(bulkPut).min).toFixed(2)) },
      ours_over_bare_parse_plus_bulkput: { median: Number((oursStats.median / stats(parseAndPut).median).toFixed(2)), best: Number((oursStats.min / stats(parseAndPut).min).toFixed(2)) },
      goal: 'ours / bare bulkPut ≤ 1.5 (issue 14)',
    });
    const breakdowns = bares.flatMap((run) => (run.breakdown ? [run.breakdown] : []));
    if (breakdowns.length > 0) emit('kb.ingest.breakdown_ms', {
      validate: stats(breakdowns.map((step) => step.validateMs)),
      build_records: stats(breakdowns.map((step) => step.recordsMs)),
      bulkput_kb_schema: stats(breakdowns.map((step) => step.kbSchemaBulkPutMs)),
      bulkget_bulkput_kb_schema_batches_of_1000: stats(breakdowns.map((step) => step.kbSchemaBatchedMs)),
      bulkput_kb_schema_batches_of_1000: stats(breakdowns.map((step) => step.kbSchemaBatchedNoGetMs)),
      sha256_of_file: stats(breakdowns.map((step) => step.hashMs)),
      store_original_file: stats(breakdowns.map((step) => step.storeFileMs)),
      product_import_file_no_rpc: stats(breakdowns.map((step) => step.product.importFileMs)),
      product_import_file_batches_of_5000_no_rpc: stats(breakdowns.map((step) => step.product.importFileBatch5000Ms)),
      product_ingest_of_validated_items: stats(breakdowns.map((step) => step.product.ingestOnlyMs)),
      change_feed_rows_alone: stats(breakdowns.map((step) => step.product.changeFeedMs)),
      kb_records_without_multi_entry_indexes_batches_of_1000: stats(breakdowns.map((step) => step.product.withoutMultiEntryMs)),
      index_entries_per_object: breakdowns[0]?.product.entriesPerObject,
      note: 'each step alone on the parsed ATT&CK objects, in a plain worker with no RPC: where the product path spends its time',
    });
    const long = ours.map((run) => run.longTasks);
    emit('kb.ingest.main_thread_long_tasks', {
      count: stats(long.map((tasks) => tasks.count)),
      max_ms: Math.max(...long.map((tasks) => tasks.maxMs)),
      over_100ms: long.reduce((sum, tasks) => sum + tasks.over100, 0),
      per_run: long,
      goal: 'no long task over 100 ms during the ingest',
    });
  }
}

// ——— (b): search latency over synthetic observables ———
if (process.env['BENCH_KB_SEARCH'] !== '0') {
  const browser = await launchChromium();
  try {
    const page = await openPage(browser, `bench-search-${Date.now()}`);
    const sizes = million ? [200_000, 1_000_000] : [200_000];
    let stored = 0;
    for (const size of sizes) {
      const added: ObservableIngest = await page.evaluate(([count, chunk]) => (window.kbBench as KbBench).ingestObservables(count, chunk), [size - stored, 20_000] as const);
      stored = size;
      emit(`kb.search.${size}.ingest_ms`, {
        ms: Math.round(added.ms),
        objects: added.objects,
        objects_per_s: Math.round(added.objects / (added.ms / 1000)),
        created: added.created,
        rejected: added.rejected,
        main_thread_long_tasks: { ...added.longTasks, note: 'includes the page generating each 20,000 objects and cloning them into the RPC message: bench work, not (c)' },
        path: 'knowledgeBase().ingestObjects() in calls of 20,000; the page generates them between calls (not timed)',
        runs: 1,
      });
      console.warn(`[bench:kb] ${size} stored; searching`);
      const results = await page.evaluate((perClass) => (window.kbBench as KbBench).searchQueries(perClass), 300);
      console.warn('[bench:kb] measuring memory');
      const heap = await workerHeap(await browser.newBrowserCDPSession());
      const pageMemory = await page.evaluate(() => (window.kbBench as KbBench).measureMemory()).catch(() => null);
      for (const [name, result] of Object.entries(results)) {
        emit(`kb.search.${size}.${name}_ms`, { ...result, runs: 1, note: 'timed on the page per knowledgeBase().search({query, limit: 50}): includes the RPC hop' });
      }
      emit(`kb.search.${size}.worker_heap_mb`, {
        ...(heap ?? { unavailable: true }),
        page_and_workers_mb: pageMemory === null || pageMemory.bytes === null ? null : mb(pageMemory.bytes),
        indexeddb_usage_mb: pageMemory === null ? null : mb(pageMemory.storage),
        stored: size,
        note: 'KB worker V8 heap after two GCs (CDP Runtime.getHeapUsage); the store itself lives in IndexedDB, so usage is its size on disk (navigator.storage.estimate)',
      });
    }
  } finally {
    await browser.close();
  }
}

await server.close();

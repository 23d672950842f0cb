/**
 * `npm run bench:kb-scale`: the knowledge base grown to 1,000,000 objects on disk, one
 * JSON line per figure (issue 14, point 4).
 *
 * Chromium runs on a persistent profile (a real --user-data-dir under out/), so IndexedDB
 * is on disk and its size can be read. The page calls the real KB worker over its RPC
 * (`ingestStix`, the connector path: validated in the worker, merged by id) in calls of
 * 20,000 seeded objects — observables, indicators with `based-on` relationships, domain
 * objects, `indicates` edges to a hub malware, reports. After every step, a bare Dexie
 * `bulkPut` of the same objects grows beside it (a second origin, so a folder of its own),
 * which makes each step's ratio one of the same load. At the checkpoints: search as you
 * type (prefix, token, full value) through the RPC, opening the Knowledge and Observables
 * lists as their page does, a hub node's neighbours, the worker's heap, bytes on disk. At
 * the end, the whole store is backed up and restored (replace) through the KB API.
 *
 *   BENCH_KB_SCALE_TOTAL=1000000        objects to grow to (200000 for a quick check)
 *   BENCH_KB_SCALE_STEP=100000          objects per step
 *   BENCH_KB_SCALE_CHECKPOINTS=200000,1000000   where to measure (always the last size too)
 *   BENCH_KB_SCALE_QUERIES=300          queries per search class
 *   BENCH_KB_SCALE_BARE=0               skip the bare baseline
 *   BENCH_KB_SCALE_BACKUP=0             skip backing up and restoring the whole store
 *   BENCH_KB_SCALE_KEEP=1               keep the profile (out/bench-kb-scale-profile) afterwards
 *   BENCH_KB_SCALE_RESUME=1             go on from the profile and figures an earlier run left
 *                                       (a million objects take hours: a run may be stopped and
 *                                       resumed; the profile is then always kept)
 *
 * Every figure is also appended to out/bench-kb-scale.jsonl with the run's id and the load
 * average, so a stopped run's steps are kept and a resumed run knows where it stood.
 */
import { appendFile, readFile, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumFlags, chromiumPath, chromiumVersion } from '../../e2e/harness/chromium.ts';
import { serveOnLoopback } from '../../e2e/harness/loopbackServer.ts';
import { bytesOnDisk } from './diskUsage.ts';
import type { KbScale, StepResult } from './scalePage.ts';
import { mb, workerHeap } from './workerHeap.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
// Its own build folder, so `bench:kb` may build while this runs.
const outDir = resolve(projectRoot, 'out/bench-kb-scale');
const profileDir = resolve(projectRoot, 'out/bench-kb-scale-profile');
const total = Number(process.env['BENCH_KB_SCALE_TOTAL'] ?? 1_000_000);
const step = Number(process.env['BENCH_KB_SCALE_STEP'] ?? Math.min(100_000, total));
const checkpoints = new Set([...(process.env['BENCH_KB_SCALE_CHECKPOINTS'] ?? '200000,1000000').split(',').map(Number).filter((size) => size <= total), total]);
const perClass = Number(process.env['BENCH_KB_SCALE_QUERIES'] ?? 300);
const withBare = process.env['BENCH_KB_SCALE_BARE'] !== '0';
const resume = process.env['BENCH_KB_SCALE_RESUME'] === '1';
const keepProfile = resume || process.env['BENCH_KB_SCALE_KEEP'] === '1';
const figuresFile = resolve(projectRoot, 'out/bench-kb-scale.jsonl');
const runId = new Date().toISOString();
const KB_HOST = 'kb.localhost';
const BARE_HOST = 'bare.localhost';

async function emit(figure: string, data: Record<string, unknown>): Promise<void> {
  console.info(JSON.stringify({ figure, ...data }));
  await appendFile(figuresFile, `${JSON.stringify({ figure, run: runId, load_average: loadavg().map((value) => Number(value.toFixed(1))), ...data })}\n`);
}

interface StepFigure {
  stored: number;
  objects_per_s: number;
  bare_bulkput_objects_per_s: number | null;
}

/** The steps an earlier run wrote, in order, when resuming; none otherwise. */
async function earlierSteps(): Promise<StepFigure[]> {
  if (!resume) return [];
  const lines = (await readFile(figuresFile, 'utf8').catch(() => '')).split('\n').filter((line) => line.trim() !== '');
  const steps = lines.map((line) => JSON.parse(line) as { figure: string } & StepFigure).filter((line) => line.figure === 'kb.scale.ingest_step');
  // The last run that started from nothing, and every resumed run after it.
  const start = steps.map((line) => line.stored).lastIndexOf(step);
  return start < 0 ? [] : steps.slice(start);
}
const rate = (result: StepResult): number => Math.round(result.objects / (result.ms / 1000));

await build({ configFile: resolve(import.meta.dirname, 'vite.config.ts'), logLevel: 'warn', build: { outDir } });
const server = await serveOnLoopback(outDir);
const port = new URL(server.origin).port;
const resumed = await earlierSteps();
if (resume && resumed.length === 0) console.warn(`[bench:kb-scale] nothing to resume in ${figuresFile}; starting from an empty store`);
if (resumed.length === 0) {
  await rm(profileDir, { recursive: true, force: true });
  await rm(figuresFile, { force: true });
}

// Two `.localhost` names (secure contexts) mapped to the loopback server: two origins, so
// the knowledge base and the bare table each have their own IndexedDB folder to measure.
const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumPath(),
  headless: true,
  args: [...chromiumFlags, `--host-resolver-rules=MAP ${KB_HOST}:80 127.0.0.1:${port}, MAP ${BARE_HOST}:80 127.0.0.1:${port}`],
  viewport: { width: 1280, height: 800 },
});

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.warn(`[bench:kb-scale] page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.kbScale !== undefined);
  return page;
}

const machine = { chromium: chromiumVersion(), headless: true, gpu: 'none (--disable-gpu)', profile: 'persistent (launchPersistentContext), IndexedDB on disk' };
try {
  const kbPage = await open(`http://${KB_HOST}/scale.html?kb=bench-scale`);
  const barePage = withBare ? await open(`http://${BARE_HOST}/scale.html?role=bare`) : null;
  const steps: { stored: number; ours: number; bare: number | null }[] = resumed.map((line) => ({ stored: line.stored, ours: line.objects_per_s, bare: line.bare_bulkput_objects_per_s }));
  let stored = steps.at(-1)?.stored ?? 0;
  let bareSkip = withBare ? stored : 0;
  let measuredAt = -1;
  /** The figures an analyst waits for, at `size` objects. */
  async function measure(size: number): Promise<void> {
    console.warn(`[bench:kb-scale] ${size} stored; measuring`);
    const point = await kbPage.evaluate((queries) => (window.kbScale as KbScale).checkpoint(queries), perClass);
    for (const [name, result] of Object.entries(point.search)) {
      await emit(`kb.scale.${size}.search_${name}_ms`, { ...result, note: 'per knowledgeBase().search({query, limit: 50}) timed on the page: includes the RPC hop' });
    }
    await emit(`kb.scale.${size}.open_lists_ms`, { knowledge: point.knowledgeList, observables: point.observablesList, note: 'as ObjectBrowser opens a page: stats({}), listObjects({types, limit: 1}), listObjects({types, offset: 0, limit: 200})' });
    await emit(`kb.scale.${size}.hub_neighbours_ms`, { ...point.hub, note: "neighbours({ids: [hub], depth: 1, limit: 20,001}) as Investigate expands a node; the hub malware is the target of a third of all 'indicates' relationships" });
    const heap = await workerHeap(await context.newCDPSession(kbPage));
    const disk = await bytesOnDisk(profileDir, KB_HOST);
    const bareDisk = barePage ? await bytesOnDisk(profileDir, BARE_HOST) : null;
    await emit(`kb.scale.${size}.worker_heap_mb`, { ...(heap ?? { unavailable: true }), note: 'KB worker V8 heap after two GCs (CDP Runtime.getHeapUsage)' });
    await emit(`kb.scale.${size}.disk`, {
      indexeddb_folder_mb: mb(disk.bytes),
      bytes_per_object: Math.round(disk.bytes / size),
      storage_estimate_mb: mb(point.storage.usage),
      estimate_bytes_per_object: Math.round(point.storage.usage / size),
      bare_bytes_per_object: bareDisk ? Math.round(bareDisk.bytes / size) : null,
      folders: disk.folders,
      note: 'allocated size of the origin\'s IndexedDB folders in the profile (du), and navigator.storage.estimate().usage; the change feed\'s rows are included',
    });
  }

  if (stored > 0) {
    const found = await kbPage.evaluate((count) => (window.kbScale as KbScale).skip(count), stored);
    console.warn(`[bench:kb-scale] resuming at ${stored} objects (the store holds ${found.stored}, the change feed's rows not counted)`);
    if (found.stored < stored) throw new Error(`The profile holds ${found.stored} objects, fewer than the ${stored} the figures say were stored: start again without BENCH_KB_SCALE_RESUME.`);
  }
  for (let index = steps.length; stored < total; index += 1) {
    const count = Math.min(step, total - stored);
    const ours = () => kbPage.evaluate((size) => (window.kbScale as KbScale).ingestStep(size), count);
    const skipFirst = bareSkip;
    bareSkip = 0;
    const bare = () => (barePage ? barePage.evaluate(([size, skipped]) => (window.kbScale as KbScale).bareStep(size, skipped), [count, skipFirst] as const) : Promise.resolve(null));
    // Alternate which goes first, so neither always follows the other's disk flush.
    let oursResult: StepResult;
    let bareResult: StepResult | null;
    if (index % 2 === 0) {
      oursResult = await ours();
      bareResult = await bare();
    } else {
      bareResult = await bare();
      oursResult = await ours();
    }
    stored += count;
    const entry = { stored, ours: rate(oursResult), bare: bareResult ? rate(bareResult) : null };
    steps.push(entry);
    await emit('kb.scale.ingest_step', {
      stored,
      objects_per_s: entry.ours,
      ms: Math.round(oursResult.ms),
      created: oursResult.created,
      rejected: oursResult.rejected,
      bare_bulkput_objects_per_s: entry.bare,
      ours_over_bare_time: entry.bare ? Number((entry.bare / entry.ours).toFixed(2)) : null,
      path: 'knowledgeBase().ingestStix() in calls of 20,000 (validated in the KB worker, merged by id); bare: Dexie bulkPut of the same objects, same call size',
    });

    if (checkpoints.has(stored)) {
      await measure(stored);
      measuredAt = stored;
    }
  }
  // A resumed run that had already grown the store (stopped before or during its last
  // measurement, or measured again on a quieter machine) measures where it stands.
  if (checkpoints.has(stored) && measuredAt !== stored) await measure(stored);

  if (process.env['BENCH_KB_SCALE_BACKUP'] !== '0') {
    console.warn(`[bench:kb-scale] backing up and restoring ${stored} objects`);
    const backup = await kbPage.evaluate(() => (window.kbScale as KbScale).backupRestore());
    await emit('kb.scale.backup_restore_ms', {
      backup_ms: backup.backupMs,
      restore_ms: backup.restoreMs,
      archive_mb: mb(backup.bytes),
      objects: backup.objects,
      objects_per_s: { backup: Math.round(backup.objects / (backup.backupMs / 1000)), restore: Math.round(backup.objects / (backup.restoreMs / 1000)) },
      path: 'backupOpen/backupRead… over the RPC into a Blob, then restoreBackup({mode: replace}): the whole archive proven, then the store replaced in one transaction',
    });
  }

  const first = steps[0];
  const last = steps.at(-1);
  if (first && last) {
    const held = last.ours / first.ours;
    const bareHeld = first.bare && last.bare ? last.bare / first.bare : null;
    await emit('kb.scale.summary', {
      objects: stored,
      first_step_objects_per_s: first.ours,
      last_step_objects_per_s: last.ours,
      last_over_first: Number(held.toFixed(2)),
      bare_last_over_first: bareHeld === null ? null : Number(bareHeld.toFixed(2)),
      goal_ingest_at_last_within_80pct_of_first: held >= 0.8,
      machine,
    });
  }
} finally {
  await context.close();
  await server.close();
  if (!keepProfile) await rm(profileDir, { recursive: true, force: true });
}

/**
 * `npm run bench:lookup` (issue 21, Done-when): `magpie kb lookup` of 10,000 values
 * against a grown store, beside a plain indexed Dexie read of the same keys in the same run.
 * Prints one JSON line: the store's size, what the list held, the engine's time to find the
 * values, and for the lookup and the plain read the total of one batched call and p50/p95
 * of one value per call, with the ratios (goal: the lookup within 2× of the plain read).
 *
 *   BENCH_LOOKUP_PROFILE=out/bench-kb-scale-profile   the profile `bench:kb-scale` grew (run it
 *                                        with BENCH_KB_SCALE_KEEP=1); not deleted, not grown
 *   BENCH_LOOKUP_STORE=50000             without a profile: objects grown in
 *                                        out/bench-lookup-profile (kept, reused when big enough)
 *   BENCH_LOOKUP_VALUES=10000            values looked up
 *   BENCH_LOOKUP_EACH=0                  skip the one-value-per-call passes (p50/p95)
 */
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumFlags, chromiumPath, chromiumVersion } from '../../e2e/harness/chromium.ts';
import { serveOnLoopback } from '../../e2e/harness/loopbackServer.ts';
import type { LookupBench } from './lookupPage.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const outDir = resolve(projectRoot, 'out/bench-lookup');
const givenProfile = process.env['BENCH_LOOKUP_PROFILE'];
const profileDir = givenProfile ? resolve(givenProfile) : resolve(projectRoot, 'out/bench-lookup-profile');
const storeSize = Number(process.env['BENCH_LOOKUP_STORE'] ?? 50_000);
const count = Number(process.env['BENCH_LOOKUP_VALUES'] ?? 10_000);
const each = process.env['BENCH_LOOKUP_EACH'] !== '0';
// bench:kb-scale's origin: its profile's store is found under the same name.
const KB_HOST = 'kb.localhost';

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
const median = (values: readonly number[]): number => quantile(values, 0.5);
const log = (message: string) => console.warn(`[bench:lookup] ${message}`);

await build({ configFile: resolve(import.meta.dirname, 'vite.config.ts'), logLevel: 'warn', build: { outDir } });
const server = await serveOnLoopback(outDir);
const port = new URL(server.origin).port;
const launch = () =>
  chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...chromiumFlags, `--host-resolver-rules=MAP ${KB_HOST}:80 127.0.0.1:${port}`],
  });

async function open(context: Awaited<ReturnType<typeof launch>>): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(`http://${KB_HOST}/lookup.html?kb=bench-scale`);
  await page.waitForFunction(() => window.lookupBench !== undefined);
  return page;
}

type NoArgument = 'stored' | 'lookupBatched' | 'lookupEach' | 'plainBatched' | 'plainEach';
const call = <K extends NoArgument>(page: Page, method: K): ReturnType<LookupBench[K]> =>
  page.evaluate((name: NoArgument): Promise<unknown> => (window.lookupBench as LookupBench)[name](), method) as ReturnType<LookupBench[K]>;

let context = await launch();
try {
  let page = await open(context);
  let stored = await call(page, 'stored');
  let grown: { ms: number } | null = null;
  if (!givenProfile && stored < storeSize) {
    log(`growing a ${storeSize.toLocaleString('en-US')}-object store in ${profileDir} (bench:kb-scale's seeded mix)`);
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
    context = await launch();
    page = await open(context);
    grown = await page.evaluate((total) => (window.lookupBench as LookupBench).grow(total), storeSize);
    stored = await call(page, 'stored');
  }
  if (stored === 0) throw new Error(`The store in ${profileDir} is empty: give BENCH_LOOKUP_PROFILE a profile bench:kb-scale grew with BENCH_KB_SCALE_KEEP=1, or leave it out.`);
  log(`${stored.toLocaleString('en-US')} objects stored; preparing ${count.toLocaleString('en-US')} values`);
  const prepared = await page.evaluate(([size, objects]) => (window.lookupBench as LookupBench).prepare(size, objects), [count, stored] as const);

  // Batched, as `magpie kb lookup` sends a list: three rounds, each path in turn.
  const lookups: { ms: number; known: number; warninglisted: number }[] = [];
  const plains: { ms: number; found: number }[] = [];
  for (let roundIndex = 0; roundIndex < 3; roundIndex += 1) {
    lookups.push(await call(page, 'lookupBatched'));
    plains.push(await call(page, 'plainBatched'));
  }
  let perValue: { lookup: number[]; plain: number[] } | null = null;
  if (each) {
    log('one value per call');
    perValue = { lookup: await call(page, 'lookupEach'), plain: await call(page, 'plainEach') };
  }
  const lookupTotal = median(lookups.map((entry) => entry.ms));
  const plainTotal = median(plains.map((entry) => entry.ms));
  const stats = (times: readonly number[]) => ({ p50_ms: round(median(times), 2), p95_ms: round(quantile(times, 0.95), 2) });
  const lookupEach = perValue ? stats(perValue.lookup) : null;
  const plainEach = perValue ? stats(perValue.plain) : null;
  console.info(
    JSON.stringify({
      figure: 'lookup',
      store_objects: stored,
      store: givenProfile ? `given profile ${profileDir}` : `grown here (${profileDir})${grown ? `, in ${round(grown.ms / 1000)} s` : ', reused'}`,
      values: prepared.values,
      list: { lines: prepared.lines, ...prepared.classes },
      find_ms: round(prepared.findMs),
      lookup: { total_ms: round(lookupTotal), rounds_ms: lookups.map((entry) => round(entry.ms)), per_value: lookupEach, known: lookups[0]?.known, warninglisted: lookups[0]?.warninglisted },
      plain_get: { total_ms: round(plainTotal), rounds_ms: plains.map((entry) => round(entry.ms)), per_value: plainEach, found: plains[0]?.found },
      lookup_over_plain: { total: round(lookupTotal / plainTotal, 2), p95: lookupEach && plainEach ? round(lookupEach.p95_ms / plainEach.p95_ms, 2) : null },
      goal_within_2x: lookupTotal / plainTotal <= 2,
      path: "lookUpValues (the window's answer to the local API's lookup, as `magpie kb lookup` asks it): knownValues + warninglistHits in the KB worker over its RPC, calls of 5,000; plain: objects.where('terms').equals(term) per value in one transaction, in a worker of its own on the same database; both timed on the page",
      machine: { chromium: chromiumVersion(), cpus: cpus().length, cpu: cpus()[0]?.model, load_average: loadavg().map((value) => round(value)) },
    }),
  );
} finally {
  await context.close();
  await server.close();
}

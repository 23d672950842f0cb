/**
 * `npm run bench:startup`: cold start of the renderer in headless Chromium (no GPU), and
 * bundle sizes, next to a blank page measured in the same run. One JSON line per figure.
 * Anchors: ../shared/STACK-MEASUREMENTS.md §5 (bare Vite + React + Mantine shell).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { rendererDir, startHarness } from '../e2e/harness/harness.ts';
// The renderer's declaration of `window.magpie` comes with this import.
import type {} from '../renderer/src/ipc/client.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 5);

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
  return { min: Math.round(sorted[0] ?? 0), median: Math.round(median ?? 0), runs: values.length };
}

function emit(figure: string, data: Record<string, unknown>) {
  console.info(JSON.stringify({ figure, ...data }));
}

async function blankServer() {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html><body><p>blank</p></body></html>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/** Launch → first contentful paint, and navigation → FCP, for one fresh browser. */
async function measure(open: (page: Page) => Promise<void>, ready: string | null) {
  const started = performance.now();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await open(page);
    if (ready) await page.waitForSelector(ready);
    const timings = await page.evaluate(
      () =>
        new Promise<{ fcp: number; painted: number; marks: Record<string, number> }>((done) => {
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
              const marks = Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, Math.round(mark.startTime)]));
              done({ fcp, painted: performance.now(), marks });
            }),
          );
        }),
    );
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    return { launchToFcp: navigationStart - (performance.timeOrigin + started) + timings.fcp, navToFcp: timings.fcp, navToPainted: timings.painted, marks: timings.marks };
  } finally {
    await browser.close();
  }
}

async function bundleSizes() {
  const assets = join(rendererDir, 'assets');
  const sizes = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const name of await readdir(assets)) {
    const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const body = await readFile(join(assets, name));
    sizes[kind].raw += (await stat(join(assets, name))).size;
    sizes[kind].gzip += gzipSync(body, { level: 9 }).length;
  }
  return sizes;
}

const blank = await blankServer();
const app = { launchToFcp: [] as number[], navToFcp: [] as number[], navToPainted: [] as number[] };
const marks: Record<string, number[]> = {};
const bare = { launchToFcp: [] as number[], navToFcp: [] as number[] };
for (let run = 0; run < runs; run += 1) {
  const harness = await startHarness({ quiet: true });
  const ours = await measure(async (page) => {
    await harness.attach(page);
    await page.goto(harness.url);
  }, '[data-testid="page-title"]');
  await harness.close();
  app.launchToFcp.push(ours.launchToFcp);
  app.navToFcp.push(ours.navToFcp);
  app.navToPainted.push(ours.navToPainted);
  for (const [name, at] of Object.entries(ours.marks)) (marks[name] ??= []).push(at);
  const baseline = await measure((page) => page.goto(blank.url).then(() => undefined), null);
  bare.launchToFcp.push(baseline.launchToFcp);
  bare.navToFcp.push(baseline.navToFcp);
}
blank.close();

/** The harness bridge crosses the DevTools protocol; Electron's IPC does not, so report its cost. */
async function harnessRoundTrip(): Promise<number[]> {
  const browser = await launchChromium();
  const harness = await startHarness({ quiet: true });
  try {
    const page = await browser.newPage();
    await harness.attach(page);
    await page.goto(harness.url);
    await page.waitForSelector('[data-testid="page-title"]');
    return await page.evaluate(async () => {
      const samples: number[] = [];
      for (let i = 0; i < 50; i += 1) {
        const start = performance.now();
        await window.magpie?.invoke('app:info');
        samples.push(performance.now() - start);
      }
      return samples;
    });
  } finally {
    await browser.close();
    await harness.close();
  }
}
const roundTrips = await harnessRoundTrip();

const sizes = await bundleSizes();
const note = 'headless Chromium, --disable-gpu (software raster); fresh browser and profile per run';
emit('startup.launch_to_fcp_ms', { ...stats(app.launchToFcp), blank: stats(bare.launchToFcp), note });
emit('startup.navigation_to_fcp_ms', { ...stats(app.navToFcp), blank: stats(bare.navToFcp) });
emit('startup.navigation_to_shell_painted_ms', stats(app.navToPainted));
for (const [name, values] of Object.entries(marks)) emit(`startup.mark.${name.replace('magpie:', '')}_ms`, stats(values));
emit('startup.fcp_over_blank_ratio', { median: Number(((stats(app.navToFcp).median || 1) / (stats(bare.navToFcp).median || 1)).toFixed(2)) });
emit('bundle.renderer_bytes', sizes);
emit('harness.ipc_round_trip_ms', { ...stats(roundTrips), note: 'Playwright binding over CDP; not present in Electron' });

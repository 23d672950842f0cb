/**
 * `npm run bench:graph`: Cytoscape at 1k / 5k / 20k / 50k nodes (twice as many labelled
 * edges, STIX-shaped, seeded) in headless Chromium, three renderer variants (renderers.ts:
 * the canvas renderer, the canvas renderer with the Investigate view's large-graph viewport
 * options `textureOnViewport` + `hideEdgesOnViewport`, the WebGL renderer), printed as one
 * JSON object. Groundwork for issue 7 (the graph workbench); anchors:
 * ../shared/STACK-MEASUREMENTS.md §4.
 *
 * Per size and variant, on a fresh page: the first frame (elements given to cytoscape →
 * the frame after its first draw, positions precomputed); frame intervals while the
 * viewport pans and zooms through the API for ~3 s with every label drawn and with labels
 * hidden below 8 px (`min-zoomed-font-size`); frame intervals during ~3 s of a user's
 * gestures (a background drag, wheel zooming; only these switch the viewport options on)
 * with every label drawn, and the time from the gesture's end to the sharp picture; and —
 * in the canvas runs, since a layout's work does not depend on the renderer — grid /
 * concentric (cose at 1k on request) on the main thread and in a worker. Each figure is
 * the median over the runs, a fresh browser per variant per run.
 *
 * There is no GPU on the project's machines: the canvas runs use launchChromium's flags
 * (--disable-gpu, software raster); WebGL runs on SwiftShader, ANGLE's CPU implementation,
 * so its figures say what this machine can do, not what a laptop's GPU would.
 *
 *   BENCH_RUNS=3                      runs per size (fresh browser per variant per run)
 *   BENCH_GRAPH_RUNS_LARGE=1          runs for sizes over 20,000 nodes (at most BENCH_RUNS)
 *   BENCH_GRAPH_SIZES=1000,5000,…     node counts
 *   BENCH_GRAPH_RENDERERS=canvas,canvas-texture,webgl
 *   BENCH_GRAPH_LAYOUTS=0             skip the layouts
 *   BENCH_GRAPH_COSE=1                also cose at ≤ 1,000 nodes (≈ 2 minutes per run here)
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { chromiumFlags, chromiumPath, launchChromium } from '../../e2e/harness/chromium.ts';
import { serveOnLoopback } from '../../e2e/harness/loopbackServer.ts';
import type { FirstRender, FrameStats, GestureKind, GestureStats, GraphBench, LayoutTiming, WebglInfo } from './page.ts';
import { isRendererName, RENDERER_NAMES, RENDERER_OPTIONS, type RendererName } from './renderers.ts';

const outDir = resolve(import.meta.dirname, '../../out/bench-graph');
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const largeRuns = Math.min(runs, Number(process.env['BENCH_GRAPH_RUNS_LARGE'] ?? 1));
const sizes = (process.env['BENCH_GRAPH_SIZES'] ?? '1000,5000,20000,50000').split(',').map(Number);
const renderers = (process.env['BENCH_GRAPH_RENDERERS'] ?? RENDERER_NAMES.join(',')).split(',').map((name) => {
  if (!isRendererName(name)) throw new Error(`BENCH_GRAPH_RENDERERS: unknown renderer ${name} (known: ${RENDERER_NAMES.join(', ')})`);
  return name;
});
const withLayouts = process.env['BENCH_GRAPH_LAYOUTS'] !== '0';
const withCose = process.env['BENCH_GRAPH_COSE'] === '1';
const runsFor = (nodes: number): number => (nodes > 20_000 ? largeRuns : runs);

const LABELS_HIDDEN_BELOW_PX = 8;
const PAN = { ms: 3000, minFrames: 4, capMs: 10_000 };
const GESTURES: readonly GestureKind[] = ['drag-pan', 'wheel-zoom'];

/**
 * WebGL flags: launchChromium's network-silencing flags without --disable-gpu, with ANGLE
 * on SwiftShader. STACK-MEASUREMENTS §4 found WebGL works under --disable-gpu too, but
 * 1.5–3× slower than this.
 */
const WEBGL_FLAGS = [...chromiumFlags.filter((flag) => flag !== '--disable-gpu'), '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

function launch(renderer: RendererName): Promise<Browser> {
  return RENDERER_OPTIONS[renderer].renderer.webgl ? chromium.launch({ executablePath: chromiumPath(), headless: true, args: WEBGL_FLAGS }) : launchChromium();
}

const log = (message: string): void => console.warn(`[bench:graph] ${message}`);

function median(values: number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const round = (value: number, digits = 0): number => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);
const medianOf = <T>(items: T[], pick: (item: T) => number, digits = 0): number => round(median(items.map(pick)), digits);

interface SizeRun {
  first: FirstRender;
  labels: FrameStats;
  hidden: FrameStats;
  gestures: GestureStats[];
  layouts?: { workerLoadMs: number; timings: LayoutTiming[] };
}

function frameSummary(stats: FrameStats[]) {
  return {
    median_ms: medianOf(stats, (run) => run.medianMs, 1),
    p95_ms: medianOf(stats, (run) => run.p95Ms, 1),
    max_ms: medianOf(stats, (run) => run.maxMs, 1),
    draws_per_s: medianOf(stats, (run) => (run.draws / run.elapsedMs) * 1000, 2),
    draw_call_ms: medianOf(stats, (run) => run.drawCallMs, 1),
    intervals: stats.map((run) => run.intervals),
    zoom: { from: round(stats[0]?.zoom.from ?? Number.NaN, 3), to: round(stats[0]?.zoom.to ?? Number.NaN, 3) },
    texture_draws: stats.map((run) => run.textureDraws),
    ...(stats.some((run) => run.labelSwitches > 0) ? { label_style_switches: stats.map((run) => run.labelSwitches) } : {}),
  };
}

function gestureSummary(stats: GestureStats[]) {
  return {
    ...frameSummary(stats),
    settle_ms: medianOf(stats, (run) => run.settleMs),
    settle_draw_ms: medianOf(stats, (run) => run.settleDrawMs),
  };
}

function layoutSummary(runsWithLayouts: SizeRun[]) {
  const timings = runsWithLayouts.flatMap((run) => run.layouts?.timings ?? []);
  const keys = [...new Set(timings.map((timing) => `${timing.layout}.${timing.where}`))];
  const summary: Record<string, Record<string, number>> = {};
  for (const key of keys) {
    const same = timings.filter((timing) => `${timing.layout}.${timing.where}` === key);
    summary[key] = {
      layout_ms: medianOf(same, (timing) => timing.layoutMs),
      ...(same[0]?.workerMs === undefined ? {} : { worker_compute_ms: medianOf(same, (timing) => timing.workerMs ?? Number.NaN), apply_positions_ms: medianOf(same, (timing) => timing.applyMs ?? Number.NaN) }),
      to_next_frame_ms: medianOf(same, (timing) => timing.toNextFrameMs),
      main_thread_blocked_ms: medianOf(same, (timing) => timing.mainThreadBlockedMs),
      longest_task_ms: medianOf(same, (timing) => timing.longestTaskMs),
      runs: same.length,
    };
  }
  return { ...summary, worker_load_ms: medianOf(runsWithLayouts, (run) => run.layouts?.workerLoadMs ?? Number.NaN) };
}

const benchStarted = performance.now();
await build({ configFile: resolve(import.meta.dirname, 'vite.config.ts'), logLevel: 'warn' });
const server = await serveOnLoopback(outDir);

const results = new Map<string, SizeRun[]>();
const webgl: { info: WebglInfo | null; chromium: string } = { info: null, chromium: '' };
try {
  for (let run = 0; run < runs; run += 1) {
    // Rotate which variant goes first, so none always meets the quieter machine.
    const order = renderers.map((_, index) => renderers[(index + run) % renderers.length] as RendererName);
    for (const renderer of order) {
      const browser = await launch(renderer);
      webgl.chromium = browser.version();
      try {
        for (const nodes of sizes) {
          if (run >= runsFor(nodes)) continue;
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          page.on('pageerror', (error) => log(`page error: ${error.message}`));
          page.on('console', (message) => {
            if (message.type() === 'error') log(`console: ${message.text()}`);
          });
          try {
            await page.goto(`${server.origin}/index.html`);
            await page.waitForFunction(() => window.graphBench !== undefined);
            if (RENDERER_OPTIONS[renderer].renderer.webgl) webgl.info = await page.evaluate(() => (window.graphBench as GraphBench).webglInfo());
            const first = await page.evaluate((request) => (window.graphBench as GraphBench).render(request), { nodes, renderer });
            const options = RENDERER_OPTIONS[renderer];
            if (first.webglActive !== options.renderer.webgl || first.textureOnViewport !== options.textureOnViewport || first.hideEdgesOnViewport !== options.hideEdgesOnViewport) {
              throw new Error(`${renderer} run drew with webgl=${String(first.webglActive)}, textureOnViewport=${String(first.textureOnViewport)}, hideEdgesOnViewport=${String(first.hideEdgesOnViewport)}`);
            }
            const labels = await page.evaluate((request) => (window.graphBench as GraphBench).pan(request), { ...PAN, minZoomedFontSize: 0 });
            const hidden = await page.evaluate((request) => (window.graphBench as GraphBench).pan(request), { ...PAN, minZoomedFontSize: LABELS_HIDDEN_BELOW_PX });
            const gestures: GestureStats[] = [];
            for (const gesture of GESTURES) gestures.push(await page.evaluate((request) => (window.graphBench as GraphBench).gesture(request), { ...PAN, minZoomedFontSize: 0, gesture }));
            const layouts = withLayouts && renderer === 'canvas' ? await page.evaluate((cose) => (window.graphBench as GraphBench).layouts(cose), withCose) : undefined;
            const key = `${String(nodes)}.${renderer}`;
            results.set(key, [...(results.get(key) ?? []), { first, labels, hidden, gestures, ...(layouts ? { layouts } : {}) }]);
            const gestureLog = gestures.map((stats) => `${stats.gesture} ${stats.medianMs.toFixed(1)} ms (${String(stats.textureDraws)}/${String(stats.draws)} bitmap draws, sharp after ${String(Math.round(stats.settleMs))} ms)`).join(', ');
            log(`run ${String(run + 1)} ${renderer} ${String(nodes)}: first frame ${String(Math.round(first.firstFrameMs))} ms, pan median ${labels.medianMs.toFixed(1)} ms (labels) / ${hidden.medianMs.toFixed(1)} ms (hidden), ${gestureLog}, ${String(Math.round((performance.now() - benchStarted) / 1000))} s so far`);
          } finally {
            await page.close();
          }
        }
      } finally {
        await browser.close();
      }
    }
  }
} finally {
  await server.close();
}

const bySize: Record<string, unknown> = {};
for (const nodes of sizes) {
  const entry: Record<string, unknown> = {};
  for (const renderer of renderers) {
    const sizeRuns = results.get(`${String(nodes)}.${renderer}`) ?? [];
    const first = sizeRuns[0]?.first;
    if (!first) continue;
    entry['nodes'] = first.nodes;
    entry['edges'] = first.edges;
    entry['types'] = first.counts;
    entry['max_degree'] = first.maxDegree;
    entry[renderer] = {
      runs: sizeRuns.length,
      first_frame_ms: medianOf(sizeRuns, (run) => run.first.firstFrameMs),
      first_frame_min_ms: round(Math.min(...sizeRuns.map((run) => run.first.firstFrameMs))),
      construct_ms: medianOf(sizeRuns, (run) => run.first.constructMs),
      first_draw_call_ms: medianOf(sizeRuns, (run) => run.first.firstDrawCallMs),
      pan_zoom_labels_on: frameSummary(sizeRuns.map((run) => run.labels)),
      pan_zoom_labels_hidden_below_8px: frameSummary(sizeRuns.map((run) => run.hidden)),
      ...Object.fromEntries(GESTURES.map((gesture) => [`gesture_${gesture.replace('-', '_')}_labels_on`, gestureSummary(sizeRuns.flatMap((run) => run.gestures.filter((stats) => stats.gesture === gesture)))])),
      ...(sizeRuns.some((run) => run.layouts) ? { layouts: layoutSummary(sizeRuns) } : {}),
    };
  }
  bySize[String(nodes)] = entry;
}

console.info(
  JSON.stringify(
    {
      bench: 'graph',
      cytoscape: (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../node_modules/cytoscape/package.json'), 'utf8')) as { version: string }).version,
      chromium: webgl.chromium,
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, gpu: 'none' },
      webgl: {
        software_rendered: true,
        note: 'No GPU: WebGL is SwiftShader (ANGLE on the CPU, in the GPU process). Its figures bound this machine, not a laptop with a GPU; do not set WebGL goals from them.',
        context: webgl.info,
        enabled_with: "renderer: { name: 'canvas', webgl: true }",
        flags: WEBGL_FLAGS,
      },
      canvas: { flags: chromiumFlags, note: 'launchChromium flags: --disable-gpu, software raster; canvas and canvas-texture' },
      renderers: Object.fromEntries(renderers.map((renderer) => [renderer, RENDERER_OPTIONS[renderer]])),
      renderer_notes: {
        'canvas-texture':
          'textureOnViewport only acts during a user gesture (background drag, wheel zoom, pinch): the first gesture frame draws the nodes once into a bitmap at 2× the canvas resolution (edges left out by hideEdgesOnViewport), later frames scale and move that bitmap (regions outside the view at the gesture start stay blank), the first frame after the gesture redraws everything sharp. Through cy.zoom / cy.panBy it draws as canvas. hideLabelsOnViewport is typed but read by no cytoscape 3.34.4 code.',
        webgl: 'ignores min-zoomed-font-size (its label atlas draws every label): with labels hidden, the page switches the stylesheet to leave out the labels the canvas renderer would not draw at the current zoom (label_style_switches counts the switches; none at 5k and up, where the zoom stays under 0.5)',
      },
      setup: {
        viewport: '1280×720 container, devicePixelRatio 1 (pixelRatio: 1)',
        graph: 'seeded STIX-shaped graph: reports containing every object, intrusion sets / malware as indicator hubs, 75 % observables; 2 edges per node, every node and edge labelled, straight edges with arrows, fill + border colour + shape per type',
        first_frame: 'cytoscape({elements, style, preset layout}) called → the rAF after its first draw; positions precomputed by the generator (not a layout)',
        pan_zoom: `${String(PAN.ms)} ms (at least ${String(PAN.minFrames)} drawn frames, at most ${String(PAN.capMs)} ms) of cy.zoom (fit → 3× fit → fit) + cy.panBy in a 150 px circle from requestAnimationFrame; frame = time between two cytoscape draws (what the user waits for the picture to move; 16.7 ms is the 60 Hz cap); intervals = frames measured per run; draw_call_ms = main-thread time of one cytoscape render call`,
        labels_hidden: `min-zoomed-font-size: ${String(LABELS_HIDDEN_BELOW_PX)} px on nodes (10–12 px) and edges (8 px); the canvas renderer draws a label when font size × 2^⌈log2 zoom⌉ ≥ ${String(LABELS_HIDDEN_BELOW_PX)}, i.e. all of them above zoom 0.5, none at or below; webgl: the same labels through stylesheet switches (renderer_notes)`,
        gestures: `${String(PAN.ms)} ms (same frame limits as pan_zoom) of DOM input dispatched at the element under the pointer, labels on: gesture_drag_pan = mousedown on the background of the fitted graph, the pointer circling 150 px (3 s a turn), mouseup; gesture_wheel_zoom = wheel events taking the zoom fit → 3× fit → fit about a pointer circling 150 px around the centre (cytoscape's wheel-device detection primed first); texture_draws = draws per run that blitted the bitmap; settle_ms = gesture end → the frame after the first draw made once it ended (sharp again; for the wheel it includes cytoscape's 150 ms wait), settle_draw_ms = that draw's main-thread time`,
        layouts: 'canvas runs only (a layout\'s work does not depend on the renderer); animate: false, fit; cose only with BENCH_GRAPH_COSE=1 and ≤ 1,000 nodes (1k took 21 s in the worker, 90 s on the main thread here; its O(n²) iterations take far longer at 5k); main-thread: run() → layoutstop, blocked = long tasks > 50 ms; worker: a headless cytoscape in a dedicated Worker computes the positions, the page applies them (cytoscape has no off-thread layout of its own)',
        runs: { default: runs, over_20000_nodes: largeRuns, fresh: 'browser per variant per run (first variant rotated each run), page per size' },
      },
      anchors_stack_measurements_s4: { canvas_first_frame_ms: { 1000: 441, 5000: 1443, 20000: 5125 }, canvas_pan_frame_ms: { 1000: 16.7, 5000: 167, 20000: 767 }, grid_20k_ms: 1150, concentric_20k_ms: 1630, note: 'bare 8 px circles, no labels, random graph' },
      sizes: bySize,
      wall_s: Math.round((performance.now() - benchStarted) / 1000),
    },
    null,
    2,
  ),
);

/**
 * The page `npm run bench:graph` drives (built to out/bench-graph, served from 127.0.0.1).
 * One page holds one cytoscape instance: `render` builds it (canvas or WebGL renderer),
 * `pan` animates its viewport, `layouts` re-lays it out on the main thread and through the
 * layout worker. Every timing is taken here, in the page.
 *
 * Cytoscape draws from its own requestAnimationFrame loop and its WebGL renderer emits no
 * `render` event, so draws are counted through the renderer's `redrawCount` and
 * `redrawTotalTime` (the main-thread time of its render calls) for both renderers.
 */
import cytoscape, { type Core, type CytoscapeOptions } from 'cytoscape';
import { generateGraph } from './generateGraph.ts';
import { graphStyle } from './graphStyle.ts';
import { layoutOptions, layoutsFor, type LayoutName } from './layouts.ts';
import type { LayoutReply, LayoutRequest } from './layoutWorker.ts';

export interface FrameStats {
  /** Frames drawn while the viewport moved: the stats are over the times between them. */
  intervals: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  elapsedMs: number;
  /** Cytoscape draws in the window, and the mean main-thread time of one. */
  draws: number;
  drawCallMs: number;
  zoom: { from: number; to: number };
}

export interface FirstRender {
  nodes: number;
  edges: number;
  counts: Record<string, number>;
  maxDegree: number;
  generateMs: number;
  /** cytoscape({elements, …}) returning. */
  constructMs: number;
  /** cytoscape({…}) called → the frame after its first draw. */
  firstFrameMs: number;
  /** Main-thread time of that first draw call. */
  firstDrawCallMs: number;
  webglActive: boolean;
}

export interface LayoutTiming {
  layout: LayoutName;
  where: 'main-thread' | 'worker';
  /** Main thread: run() → layoutstop. Worker: request → positions back (compute in `workerMs`). */
  layoutMs: number;
  workerMs?: number;
  /** Worker only: setting the positions on the page's instance and fitting. */
  applyMs?: number;
  /** Start → the frame after the new positions were drawn. */
  toNextFrameMs: number;
  /** Long tasks (over 50 ms) on the main thread during the whole window. */
  mainThreadBlockedMs: number;
  longestTaskMs: number;
}

export interface WebglInfo {
  vendor: string;
  renderer: string;
  version: string;
}

export interface GraphBench {
  webglInfo(): WebglInfo | null;
  render(request: { nodes: number; webgl: boolean }): Promise<FirstRender>;
  pan(request: { minZoomedFontSize: number; ms: number; minFrames: number; capMs: number }): Promise<FrameStats>;
  layouts(withCose: boolean): Promise<{ workerLoadMs: number; timings: LayoutTiming[] }>;
}

declare global {
  interface Window {
    graphBench?: GraphBench;
  }
}

interface RendererCounters {
  redrawCount?: number;
  redrawTotalTime?: number;
  data?: { contexts?: unknown[] };
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

let cy: Core | undefined;
let nodeIds: string[] = [];
let edgePairs: [string, string][] = [];

const frame = (): Promise<number> => new Promise((done) => requestAnimationFrame(done));
const counters = (core: Core): RendererCounters => (core as Core & { renderer(): RendererCounters }).renderer();
const draws = (core: Core): number => counters(core).redrawCount ?? 0;
const drawTime = (core: Core): number => counters(core).redrawTotalTime ?? 0;
const instance = (): Core => {
  if (!cy) throw new Error('render() first');
  return cy;
};

/** Waits for cytoscape's next draw, then for the frame after it: the draw has reached the screen. */
async function nextDrawnFrame(core: Core, capMs = 120_000): Promise<void> {
  const before = draws(core);
  const started = performance.now();
  while (draws(core) === before && performance.now() - started < capMs) await frame();
  await frame();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function blockedDuring(from: number, to: number): { mainThreadBlockedMs: number; longestTaskMs: number } {
  // A task that started just before the window (the one that called run(), say) still blocked it.
  const inWindow = longTasks.filter((entry) => entry.startTime + entry.duration > from && entry.startTime < to).map((entry) => Math.min(to, entry.startTime + entry.duration) - Math.max(from, entry.startTime));
  return { mainThreadBlockedMs: inWindow.reduce((sum, ms) => sum + ms, 0), longestTaskMs: Math.max(0, ...inWindow) };
}

function webglInfo(): WebglInfo | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  return {
    vendor: String(gl.getParameter(debug ? debug.UNMASKED_VENDOR_WEBGL : gl.VENDOR)),
    renderer: String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
    version: String(gl.getParameter(gl.VERSION)),
  };
}

async function render({ nodes, webgl }: { nodes: number; webgl: boolean }): Promise<FirstRender> {
  const generateStarted = performance.now();
  const graph = generateGraph(nodes);
  const generateMs = performance.now() - generateStarted;
  nodeIds = graph.nodes.map((node) => node.data.id);
  edgePairs = graph.edges.map((edge) => [edge.data.source, edge.data.target]);
  const container = document.createElement('div');
  container.style.cssText = 'position:absolute;left:0;top:0;width:1280px;height:720px';
  document.body.append(container);
  await frame();

  // `renderer` is cytoscape's documented switch for the WebGL renderer (3.31+); its typings lack it.
  const options: CytoscapeOptions & { renderer: { name: 'canvas'; webgl: boolean } } = {
    container,
    elements: [...graph.nodes, ...graph.edges],
    style: graphStyle(0),
    layout: { name: 'preset', fit: true, padding: 20 },
    pixelRatio: 1,
    renderer: { name: 'canvas', webgl },
  };
  const started = performance.now();
  const core = cytoscape(options);
  const constructMs = performance.now() - started;
  cy = core;
  while (draws(core) === 0 && performance.now() - started < 180_000) await frame();
  await frame();
  const firstFrameMs = performance.now() - started;
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    counts: graph.counts,
    maxDegree: graph.maxDegree,
    generateMs,
    constructMs,
    firstFrameMs,
    firstDrawCallMs: drawTime(core),
    webglActive: (counters(core).data?.contexts ?? []).some((context) => context instanceof WebGL2RenderingContext),
  };
}

/**
 * Zooms from the fitted view to 3× and back while panning in a circle, driven from rAF
 * and by elapsed time (a slow frame jumps ahead, as a user's gesture would), for `ms` and
 * at least `minFrames` drawn frames, never longer than `capMs`. A frame is the time
 * between two cytoscape draws — what the user waits for the picture to move — since a
 * slow draw is followed by rAF ticks that have nothing new to draw.
 */
async function pan({ minZoomedFontSize, ms, minFrames, capMs }: { minZoomedFontSize: number; ms: number; minFrames: number; capMs: number }): Promise<FrameStats> {
  const core = instance();
  core.style(graphStyle(minZoomedFontSize));
  core.fit(undefined, 20);
  await nextDrawnFrame(core);
  const fitZoom = core.zoom();
  const centre = { x: core.width() / 2, y: core.height() / 2 };
  const radius = 150;
  const period = 3000;
  let offset = { x: radius, y: 0 };
  const move = (elapsed: number): void => {
    const phase = (2 * Math.PI * elapsed) / period;
    core.zoom({ level: fitZoom * (2 - Math.cos(phase)), renderedPosition: centre });
    const next = { x: radius * Math.cos(phase), y: radius * Math.sin(phase) };
    core.panBy({ x: next.x - offset.x, y: next.y - offset.y });
    offset = next;
  };
  const intervals: number[] = [];
  const drawsBefore = draws(core);
  const drawTimeBefore = drawTime(core);
  const start = performance.now();
  move(0);
  let lastDraw = start;
  let seen = draws(core);
  let now: number;
  for (;;) {
    await frame();
    now = performance.now();
    const elapsed = now - start;
    if (draws(core) !== seen) {
      seen = draws(core);
      intervals.push(now - lastDraw);
      lastDraw = now;
    }
    if ((elapsed >= ms && intervals.length >= minFrames) || elapsed >= capMs) break;
    move(elapsed);
  }
  const drawn = draws(core) - drawsBefore;
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    intervals: intervals.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? Number.NaN,
    elapsedMs: now - start,
    draws: drawn,
    drawCallMs: drawn > 0 ? (drawTime(core) - drawTimeBefore) / drawn : Number.NaN,
    zoom: { from: fitZoom, to: fitZoom * 3 },
  };
}

function askWorker(worker: Worker, request: LayoutRequest): Promise<LayoutReply> {
  return new Promise((done, failed) => {
    worker.addEventListener('message', (event: MessageEvent<LayoutReply>) => (event.data.kind === 'failed' ? failed(new Error(event.data.error)) : done(event.data)), { once: true });
    worker.postMessage(request);
  });
}

/** Lets the long-task observer deliver the entries of a window that just closed. */
async function settle(): Promise<void> {
  await frame();
  await new Promise((done) => setTimeout(done, 0));
}

async function layouts(withCose: boolean): Promise<{ workerLoadMs: number; timings: LayoutTiming[] }> {
  const core = instance();
  const names = layoutsFor(nodeIds.length, withCose);
  const timings: LayoutTiming[] = [];
  for (const layout of names) {
    const started = performance.now();
    const stopped = new Promise<number>((done) => core.one('layoutstop', () => done(performance.now())));
    core.layout({ ...layoutOptions(layout, nodeIds.length), fit: true, padding: 20 } as Parameters<Core['layout']>[0]).run();
    const layoutMs = (await stopped) - started;
    await nextDrawnFrame(core);
    const ended = performance.now();
    await settle();
    timings.push({ layout, where: 'main-thread', layoutMs, toNextFrameMs: ended - started, ...blockedDuring(started, ended) });
  }

  const worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module', name: 'bench-layout' });
  try {
    const loadStarted = performance.now();
    await askWorker(worker, { kind: 'load', ids: nodeIds, edges: edgePairs });
    const workerLoadMs = performance.now() - loadStarted;
    for (const layout of names) {
      const started = performance.now();
      const reply = await askWorker(worker, { kind: 'run', layout });
      if (reply.kind !== 'positions') throw new Error(`layout worker answered ${reply.kind}`);
      const layoutMs = performance.now() - started;
      const applyStarted = performance.now();
      const { positions } = reply;
      core.nodes().positions((_node, index) => ({ x: positions[index * 2] ?? 0, y: positions[index * 2 + 1] ?? 0 }));
      core.fit(undefined, 20);
      const applyMs = performance.now() - applyStarted;
      await nextDrawnFrame(core);
      const ended = performance.now();
      await settle();
      timings.push({ layout, where: 'worker', layoutMs, workerMs: reply.ms, applyMs, toNextFrameMs: ended - started, ...blockedDuring(started, ended) });
    }
    return { workerLoadMs, timings };
  } finally {
    worker.terminate();
  }
}

window.graphBench = { webglInfo, render, pan, layouts };

/**
 * The page `npm run bench:graph` drives (built to out/bench-graph, served from 127.0.0.1).
 * One page holds one cytoscape instance: `render` builds it (one of the variants in
 * renderers.ts), `pan` moves its viewport through the API, `gesture` moves it the way a
 * user does (a background drag, wheel zooming), `layouts` re-lays it out on the main
 * thread and through the layout worker. Every timing is taken here, in the page.
 *
 * Cytoscape draws from its own requestAnimationFrame loop and its WebGL renderer emits no
 * `render` event, so draws are counted through the renderer's `redrawCount` and
 * `redrawTotalTime` (the main-thread time of its render calls) for every variant; the
 * renderer's `render` is also wrapped to log each draw's start, end and whether it drew
 * the cached bitmap (`textureOnViewport`) or was drawn during a gesture.
 *
 * Gestures are DOM events (gestureInput.ts) that reach cytoscape's own mouse and wheel
 * handlers, which is what switches `textureOnViewport` and `hideEdgesOnViewport` on;
 * `cy.zoom` / `cy.panBy` never do.
 */
import cytoscape, { type Core, type CytoscapeOptions } from 'cytoscape';
import { counters, draws, drawTime, frame, logDraws, nextDrawnFrame, type DrawRecord } from './cyRenderer.ts';
import { generateGraph } from './generateGraph.ts';
import { backgroundPoint, input, primeWheel } from './gestureInput.ts';
import { drawnLabels, graphStyle } from './graphStyle.ts';
import { layoutOptions, layoutsFor, type LayoutName } from './layouts.ts';
import type { LayoutReply, LayoutRequest } from './layoutWorker.ts';
import { RENDERER_OPTIONS, type RendererName } from './renderers.ts';

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
  /** Draws in the window that blitted the cached bitmap (`textureOnViewport`) instead of drawing the elements. */
  textureDraws: number;
  /**
   * WebGL with labels hidden only: stylesheet switches made because the zoom crossed the
   * scale where the canvas renderer's `min-zoomed-font-size` hides or shows labels.
   */
  labelSwitches: number;
}

export type GestureKind = 'drag-pan' | 'wheel-zoom';

export interface GestureStats extends FrameStats {
  gesture: GestureKind;
  /**
   * The gesture's end (mouseup; the last wheel event's frame) → the first frame with no
   * gesture state left, no redraw pending and a last draw made outside the gesture: the
   * picture is final and sharp.
   */
  settleMs: number;
  /** Main-thread time of the last draw, if it came after the end (0 if the picture was final already). */
  settleDrawMs: number;
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
  /** The renderer's own flags, read back: the options reached it. */
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
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

/** How long a viewport animation runs: `ms`, and at least `minFrames` drawn frames, never over `capMs`. */
export interface FrameWindow {
  ms: number;
  minFrames: number;
  capMs: number;
}

export interface GraphBench {
  webglInfo(): WebglInfo | null;
  render(request: { nodes: number; renderer: RendererName }): Promise<FirstRender>;
  pan(request: FrameWindow & { minZoomedFontSize: number }): Promise<FrameStats>;
  gesture(request: FrameWindow & { minZoomedFontSize: number; gesture: GestureKind }): Promise<GestureStats>;
  layouts(withCose: boolean): Promise<{ workerLoadMs: number; timings: LayoutTiming[] }>;
}

declare global {
  interface Window {
    graphBench?: GraphBench;
  }
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

let cy: Core | undefined;
let webglActive = false;
let nodeIds: string[] = [];
let edgePairs: [string, string][] = [];
const drawLog: DrawRecord[] = [];
/** WebGL only: the label sizes the current stylesheet keeps (see `followZoom`). */
let labelKey: string | undefined;

const PIXEL_RATIO = 1;
const RADIUS = 150;
const PERIOD_MS = 3000;
const instance = (): Core => {
  if (!cy) throw new Error('render() first');
  return cy;
};

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

async function render({ nodes, renderer }: { nodes: number; renderer: RendererName }): Promise<FirstRender> {
  const generateStarted = performance.now();
  const graph = generateGraph(nodes);
  const generateMs = performance.now() - generateStarted;
  nodeIds = graph.nodes.map((node) => node.data.id);
  edgePairs = graph.edges.map((edge) => [edge.data.source, edge.data.target]);
  const box = document.createElement('div');
  box.style.cssText = 'position:absolute;left:0;top:0;width:1280px;height:720px';
  document.body.append(box);
  await frame();

  // `renderer` is cytoscape's documented switch for the WebGL renderer (3.31+); its typings lack it.
  const options: CytoscapeOptions & { renderer: { name: 'canvas'; webgl: boolean } } = {
    container: box,
    elements: [...graph.nodes, ...graph.edges],
    style: graphStyle(0),
    layout: { name: 'preset', fit: true, padding: 20 },
    ...RENDERER_OPTIONS[renderer],
    pixelRatio: PIXEL_RATIO,
  };
  const started = performance.now();
  const core = cytoscape(options);
  const constructMs = performance.now() - started;
  cy = core;
  logDraws(core, drawLog);
  while (draws(core) === 0 && performance.now() - started < 180_000) await frame();
  await frame();
  const firstFrameMs = performance.now() - started;
  webglActive = (counters(core).data?.contexts ?? []).some((context) => context instanceof WebGL2RenderingContext);
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    counts: graph.counts,
    maxDegree: graph.maxDegree,
    generateMs,
    constructMs,
    firstFrameMs,
    firstDrawCallMs: drawTime(core),
    webglActive,
    textureOnViewport: counters(core).textureOnViewport === true,
    hideEdgesOnViewport: counters(core).hideEdgesOnViewport === true,
  };
}

/** The scale the canvas renderer draws labels at for this zoom: its texture level, 2^⌈log2(zoom × pixelRatio)⌉. */
const labelScale = (zoom: number): number => 2 ** Math.ceil(Math.log2(zoom * PIXEL_RATIO));

/**
 * Sets the stylesheet for a measurement. On WebGL with labels hidden below
 * `minZoomedFontSize`, which that renderer ignores, the stylesheet leaves out the labels
 * the canvas renderer would not draw at the current zoom; `followZoom` keeps it so.
 */
function applyStyle(core: Core, minZoomedFontSize: number): void {
  const emulate = webglActive && minZoomedFontSize > 0;
  labelKey = emulate ? drawnLabels(minZoomedFontSize, labelScale(core.zoom())) : undefined;
  core.style(graphStyle(minZoomedFontSize, emulate ? labelScale(core.zoom()) : undefined));
}

/** WebGL with labels hidden: switches the stylesheet when the zoom changes which labels show. Returns 1 on a switch. */
function followZoom(core: Core, minZoomedFontSize: number): number {
  if (labelKey === undefined) return 0;
  const key = drawnLabels(minZoomedFontSize, labelScale(core.zoom()));
  if (key === labelKey) return 0;
  labelKey = key;
  core.style(graphStyle(minZoomedFontSize, labelScale(core.zoom())));
  return 1;
}

/** Styles, fits and waits for the fitted picture; returns the fitted zoom. */
async function prepare(core: Core, minZoomedFontSize: number): Promise<number> {
  applyStyle(core, minZoomedFontSize);
  core.fit(undefined, 20);
  followZoom(core, minZoomedFontSize);
  await nextDrawnFrame(core);
  return core.zoom();
}

/**
 * Calls `step` from requestAnimationFrame with the elapsed time — driven by time, so a
 * slow frame jumps ahead, as a user's gesture would — for `ms` and at least `minFrames`
 * drawn frames, never longer than `capMs`. A frame is the time between two cytoscape
 * draws — what the user waits for the picture to move — since a slow draw is followed by
 * rAF ticks that have nothing new to draw.
 */
async function measureFrames(core: Core, step: (elapsed: number) => void, { ms, minFrames, capMs }: FrameWindow): Promise<{ stats: Omit<FrameStats, 'zoom' | 'labelSwitches'>; start: number; end: number }> {
  const intervals: number[] = [];
  const drawsBefore = draws(core);
  const drawTimeBefore = drawTime(core);
  const start = performance.now();
  step(0);
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
    step(elapsed);
  }
  const drawn = draws(core) - drawsBefore;
  const sorted = [...intervals].sort((a, b) => a - b);
  const stats = {
    intervals: intervals.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? Number.NaN,
    elapsedMs: now - start,
    draws: drawn,
    drawCallMs: drawn > 0 ? (drawTime(core) - drawTimeBefore) / drawn : Number.NaN,
    textureDraws: drawLog.filter((draw) => draw.texture && draw.start >= start && draw.start <= now).length,
  };
  return { stats, start, end: now };
}

/**
 * Through the API: zooms from the fitted view to 3× and back (`cy.zoom` about the centre)
 * while panning in a 150 px circle (`cy.panBy`). Cytoscape treats neither as a gesture.
 */
async function pan({ minZoomedFontSize, ...frameWindow }: FrameWindow & { minZoomedFontSize: number }): Promise<FrameStats> {
  const core = instance();
  const fitZoom = await prepare(core, minZoomedFontSize);
  const centre = { x: core.width() / 2, y: core.height() / 2 };
  let offset = { x: RADIUS, y: 0 };
  let labelSwitches = 0;
  const move = (elapsed: number): void => {
    const phase = (2 * Math.PI * elapsed) / PERIOD_MS;
    core.zoom({ level: fitZoom * (2 - Math.cos(phase)), renderedPosition: centre });
    const next = { x: RADIUS * Math.cos(phase), y: RADIUS * Math.sin(phase) };
    core.panBy({ x: next.x - offset.x, y: next.y - offset.y });
    offset = next;
    labelSwitches += followZoom(core, minZoomedFontSize);
  };
  const { stats } = await measureFrames(core, move, frameWindow);
  return { ...stats, zoom: { from: fitZoom, to: fitZoom * 3 }, labelSwitches };
}

/**
 * As a user moves the viewport, which is what turns `textureOnViewport` and
 * `hideEdgesOnViewport` on:
 * - `drag-pan`: mouse down on the background of the fitted graph (every element in view),
 *   then the pointer moves in a 150 px circle, 3 s a turn, so the graph follows it;
 * - `wheel-zoom`: wheel events zoom from the fitted view to 3× and back (3 s), about the
 *   pointer, which circles 150 px around the centre.
 * Then the settle time: the gesture's end → the picture final and sharp (with
 * `textureOnViewport`, the redraw that replaces the bitmap; for a wheel that includes
 * cytoscape's 150 ms wait for a further wheel event).
 */
async function gesture({ gesture: kind, minZoomedFontSize, ...frameWindow }: FrameWindow & { minZoomedFontSize: number; gesture: GestureKind }): Promise<GestureStats> {
  const core = instance();
  if (kind === 'wheel-zoom') await primeWheel(core);
  const fitZoom = await prepare(core, minZoomedFontSize);
  const panBefore = { ...core.pan() };
  const centre = { x: core.width() / 2, y: core.height() / 2 };
  const origin = kind === 'drag-pan' ? backgroundPoint(core) : centre;
  let pointer = { ...origin };
  let labelSwitches = 0;
  if (kind === 'drag-pan') {
    input(core, 'mousedown', origin.x, origin.y);
    await frame();
    await frame();
  }
  const move = (elapsed: number): void => {
    const phase = (2 * Math.PI * elapsed) / PERIOD_MS;
    if (kind === 'drag-pan') {
      pointer = { x: origin.x + RADIUS * (Math.cos(phase) - 1), y: origin.y + RADIUS * Math.sin(phase) };
      input(core, 'mousemove', pointer.x, pointer.y);
    } else {
      pointer = { x: centre.x + RADIUS * Math.cos(phase), y: centre.y + RADIUS * Math.sin(phase) };
      const deltaY = -250 * Math.log10((fitZoom * (2 - Math.cos(phase))) / core.zoom());
      if (Math.abs(deltaY) > 1e-9) input(core, 'wheel', pointer.x, pointer.y, deltaY);
    }
    labelSwitches += followZoom(core, minZoomedFontSize);
  };
  const { stats, start, end } = await measureFrames(core, move, frameWindow);
  if (kind === 'drag-pan') input(core, 'mouseup', pointer.x, pointer.y);
  const ended = performance.now();
  const moved = core.zoom() !== fitZoom || core.pan().x !== panBefore.x || core.pan().y !== panBefore.y;
  const gestureDraws = drawLog.filter((draw) => draw.gesture && draw.start >= start && draw.start <= end).length;
  if (!moved || gestureDraws === 0) throw new Error(`${kind}: cytoscape did not take the input as a gesture (viewport moved: ${String(moved)}, draws in a gesture: ${String(gestureDraws)})`);
  // Settled: nothing left of the gesture, no redraw pending, and the last draw was not a gesture's.
  const renderer = counters(core);
  let last = drawLog.at(-1);
  while (performance.now() - ended < 120_000) {
    await frame();
    last = drawLog.at(-1);
    if (!renderer.data?.wheelZooming && !renderer.hoverData?.dragging && !renderer.requestedFrame && last && !last.gesture) break;
  }
  const settleMs = performance.now() - ended;
  return {
    ...stats,
    zoom: { from: fitZoom, to: kind === 'wheel-zoom' ? fitZoom * 3 : fitZoom },
    labelSwitches,
    gesture: kind,
    settleMs,
    settleDrawMs: last && last.start >= ended ? last.end - last.start : 0,
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

window.graphBench = { webglInfo, render, pan, gesture, layouts };

/**
 * The parts of cytoscape's renderer the graph bench reads: its draw counters, its gesture
 * state, and a log of every draw. The renderer is internal and untyped; these are the
 * fields cytoscape 3.34.4 keeps (base/redraw.mjs, canvas/drawing-redraw.mjs).
 */
import type { Core } from 'cytoscape';

export interface RendererCounters {
  redrawCount?: number;
  redrawTotalTime?: number;
  data?: { contexts?: unknown[]; wheelZooming?: boolean };
  textureOnViewport?: boolean;
  hideEdgesOnViewport?: boolean;
  textureDrawLastFrame?: boolean;
  requestedFrame?: boolean;
  pinching?: boolean;
  swipePanning?: boolean;
  hoverData?: { dragging?: boolean };
  render(options?: { forcedContext?: unknown }): void;
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): unknown[];
}

export interface DrawRecord {
  start: number;
  end: number;
  /** Drew the cached bitmap instead of the elements. */
  texture: boolean;
  /** A drag, wheel zoom or pinch was under way when the draw started. */
  gesture: boolean;
}

export const frame = (): Promise<number> => new Promise((done) => requestAnimationFrame(done));
export const counters = (core: Core): RendererCounters => (core as Core & { renderer(): RendererCounters }).renderer();
export const draws = (core: Core): number => counters(core).redrawCount ?? 0;
export const drawTime = (core: Core): number => counters(core).redrawTotalTime ?? 0;

/** Waits for cytoscape's next draw, then for the frame after it: the draw has reached the screen. */
export async function nextDrawnFrame(core: Core, capMs = 120_000): Promise<void> {
  const before = draws(core);
  const started = performance.now();
  while (draws(core) === before && performance.now() - started < capMs) await frame();
  await frame();
}

/** Logs every on-screen draw (renders into an offscreen context, like the bitmap capture, are skipped). */
export function logDraws(core: Core, drawLog: DrawRecord[]): void {
  const r = counters(core);
  const render = r.render.bind(r);
  r.render = (options) => {
    const gesture = Boolean(r.pinching || r.swipePanning || r.hoverData?.dragging || r.data?.wheelZooming);
    const start = performance.now();
    render(options);
    if (!options?.forcedContext) drawLog.push({ start, end: performance.now(), texture: r.textureDrawLastFrame === true, gesture });
  };
}

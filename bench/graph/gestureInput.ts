/**
 * A user's viewport gestures as DOM events: dispatched at the element under the pointer
 * (`document.elementFromPoint`), they reach cytoscape's own mouse and wheel handlers, the
 * only path that sets its gesture state (and with it `textureOnViewport` and
 * `hideEdgesOnViewport`); `cy.zoom` / `cy.panBy` never do.
 */
import type { Core } from 'cytoscape';
import { counters, frame } from './cyRenderer.ts';

/** Dispatches a mouse or wheel event at the element under (x, y), as the browser would. */
export function input(core: Core, type: 'mousedown' | 'mousemove' | 'mouseup' | 'wheel', x: number, y: number, deltaY = 0): void {
  const container = core.container();
  const box = container?.getBoundingClientRect() ?? { left: 0, top: 0 };
  const clientX = box.left + x;
  const clientY = box.top + y;
  const target = document.elementFromPoint(clientX, clientY) ?? container ?? document.body;
  const init = { clientX, clientY, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true, composed: true, view: window };
  target.dispatchEvent(type === 'wheel' ? new WheelEvent(type, { ...init, buttons: 0, deltaY, deltaMode: WheelEvent.DOM_DELTA_PIXEL }) : new MouseEvent(type, init));
}

/** A rendered point on the background (no element under it), for a drag that pans instead of moving a node. */
export function backgroundPoint(core: Core): { x: number; y: number } {
  const renderer = counters(core);
  const { x: panX, y: panY } = core.pan();
  const zoom = core.zoom();
  const width = core.width();
  const height = core.height();
  const candidates = [
    { x: 40, y: height / 2 },
    { x: width - 40, y: height / 2 },
    { x: width / 2, y: 10 },
    { x: width / 2, y: height - 10 },
    { x: 10, y: 10 },
    { x: width - 10, y: height - 10 },
  ];
  const point = candidates.find(({ x, y }) => renderer.findNearestElements((x - panX) / zoom, (y - panY) / zoom, true, false).length === 0);
  if (!point) throw new Error('no background point to start a drag from');
  return point;
}

/**
 * Settles cytoscape's wheel-device detection: its first four wheel events are sampled (and
 * clamped) to tell a coarse mouse wheel from a touchpad. Four tiny uneven deltas settle it
 * as "accurate", so afterwards zoom = zoom × 10^(−deltaY / 250) exactly.
 */
export async function primeWheel(core: Core): Promise<void> {
  for (const deltaY of [0.3, 0.4, 0.5, 0.6, 0.7]) input(core, 'wheel', core.width() / 2, core.height() / 2, deltaY);
  while (counters(core).data?.wheelZooming) await frame();
}

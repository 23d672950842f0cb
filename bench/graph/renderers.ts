/**
 * The renderer variants `npm run bench:graph` compares, as the cytoscape options each one
 * is built with. Shared by the page (which builds the instance) and the runner (which
 * prints the options beside the figures); no DOM here.
 *
 * - `canvas`: the canvas renderer as configured out of the box, at pixelRatio 1.
 * - `canvas-texture`: the canvas renderer as the Investigate view configures it for large
 *   graphs. While the user drags the background, wheel-zooms or pinches, cytoscape 3.34.4
 *   draws one cached bitmap of the nodes (captured at the gesture's first frame, at twice
 *   the canvas resolution, edges left out by `hideEdgesOnViewport`) instead of the
 *   elements, and redraws everything sharp when the gesture ends. Viewport changes made
 *   through the API (`cy.zoom`, `cy.panBy`) do not count as a gesture: there it draws
 *   exactly as `canvas`. `hideLabelsOnViewport` is in cytoscape's typings but no 3.34.4
 *   code reads it; it is passed because the product passes it, and changes nothing.
 * - `webgl`: the WebGL renderer (cytoscape ≥ 3.31), same pixelRatio and motion blur. It
 *   ignores `min-zoomed-font-size` (its label atlas draws every label), so the page hides
 *   labels for it by switching the stylesheet when the zoom crosses the size where the
 *   canvas renderer would stop drawing them (see page.ts).
 */
export const RENDERER_NAMES = ['canvas', 'canvas-texture', 'webgl'] as const;

export type RendererName = (typeof RENDERER_NAMES)[number];

export interface RendererOptions {
  pixelRatio: number;
  motionBlur: boolean;
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  hideLabelsOnViewport: boolean;
  renderer: { name: 'canvas'; webgl: boolean };
}

const COMMON = { pixelRatio: 1, motionBlur: false } as const;

export const RENDERER_OPTIONS: Record<RendererName, RendererOptions> = {
  canvas: { ...COMMON, textureOnViewport: false, hideEdgesOnViewport: false, hideLabelsOnViewport: false, renderer: { name: 'canvas', webgl: false } },
  'canvas-texture': { ...COMMON, textureOnViewport: true, hideEdgesOnViewport: true, hideLabelsOnViewport: true, renderer: { name: 'canvas', webgl: false } },
  webgl: { ...COMMON, textureOnViewport: false, hideEdgesOnViewport: false, hideLabelsOnViewport: false, renderer: { name: 'canvas', webgl: true } },
};

export function isRendererName(name: string): name is RendererName {
  return (RENDERER_NAMES as readonly string[]).includes(name);
}

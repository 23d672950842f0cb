/**
 * "Export view as SVG": the graph as drawn, written as a standalone SVG document that opens in
 * a browser, Inkscape or an office suite.
 *
 * Names and labels come from STIX data anyone could have written, so every text and attribute
 * value is XML-escaped, characters XML 1.0 forbids are dropped (they would make the file
 * unreadable), paints must look like colours (an external `url(…)` would fetch on open), and
 * icons must be PNG or SVG data URIs (https://www.w3.org/TR/SVG2/embedded.html#ImageElement
 * loads SVG images in secure static mode, without scripts).
 */

export interface SvgPoint {
  x: number;
  y: number;
  /**
   * How far from the point the edge stops: the drawn radius of the node there (half its size
   * plus its border), so an arrowhead ends on the node's rim instead of under it. Default 0.
   */
  radius?: number;
}

export interface SvgNode {
  id: string;
  x: number;
  y: number;
  /** Diameter. */
  size: number;
  label: string;
  fill: string;
  border: string;
  borderWidth: number;
  /** A `data:image/png` or `data:image/svg+xml` URI; anything else is left out. */
  iconDataUri?: string;
  labelColor: string;
}

export interface SvgEdge {
  source: SvgPoint;
  target: SvgPoint;
  label?: string;
  color: string;
  width: number;
  arrow: boolean;
}

export interface SvgScene {
  width: number;
  height: number;
  background: string;
  nodes: SvgNode[];
  edges: SvgEdge[];
  fontFamily: string;
  /** The document's `<title>`; defaults to "Magpie graph". */
  title?: string;
}

const NODE_FONT_SIZE = 12;
const EDGE_FONT_SIZE = 10;
const ICON_SHARE = 0.6;
const FALLBACK_PAINT = '#888888';

// XML 1.0 §2.2 Char: tab, LF, CR and U+0020 up, less surrogates (lone ones here) and U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Safe in both text content and a double-quoted attribute. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? '');
}

const SAFE_PAINT = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/deg-]*\)|[a-z]+)$/i;

function paint(value: string, fallback: string = FALLBACK_PAINT): string {
  const trimmed = value.trim();
  return SAFE_PAINT.test(trimmed) ? trimmed : fallback;
}

const SAFE_ICON = /^data:image\/(png|svg\+xml)[;,]/i;

function safeIcon(uri: string | undefined): string | null {
  return uri !== undefined && SAFE_ICON.test(uri) ? uri : null;
}

/** Two decimals are finer than a pixel; NaN or Infinity from a broken layout becomes 0. */
function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

function attrs(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
}

/** One arrowhead per edge colour: SVG 2's `context-stroke` would share one, but not every viewer reads it yet. */
function arrowMarkers(edges: readonly SvgEdge[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const edge of edges) {
    const color = paint(edge.color);
    if (edge.arrow && !ids.has(color)) ids.set(color, `arrow-${ids.size}`);
  }
  return ids;
}

function markerElement(color: string, id: string): string {
  // Sized in stroke widths (the default markerUnits), so thick edges get larger heads.
  return `<marker${attrs({ id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto' })}><path${attrs({ d: 'M0,0L10,5L0,10z', fill: color })}/></marker>`;
}

/** A halo in the background colour keeps an edge label readable where it crosses a line. */
function edgeLabel(text: string, x: number, y: number, halo: string): string {
  return `<text${attrs({ x, y, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': EDGE_FONT_SIZE, fill: FALLBACK_PAINT, stroke: halo, 'stroke-width': 3, 'paint-order': 'stroke' })}>${escapeXml(text)}</text>`;
}

function edgeElements(edge: SvgEdge, markers: ReadonlyMap<string, string>, halo: string): string {
  const color = paint(edge.color);
  const stroke = { stroke: color, 'stroke-width': edge.width, fill: 'none' };
  const marker = edge.arrow ? markers.get(color) : undefined;
  const end: Record<string, string> = marker === undefined ? {} : { 'marker-end': `url(#${marker})` };
  const { source, target } = edge;
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy);
  const fromGap = source.radius ?? 0;
  const toGap = target.radius ?? 0;
  const parts: string[] = [];
  if (length < 1e-6) {
    // An object related to itself: a loop above the node, as Cytoscape draws it.
    const r = Math.max(toGap, 8);
    const { x, y } = target;
    const d = `M${num(x - r * 0.5)},${num(y - r * 0.87)}C${num(x - r * 1.5)},${num(y - r * 3)} ${num(x + r * 1.5)},${num(y - r * 3)} ${num(x + r * 0.5)},${num(y - r * 0.87)}`;
    parts.push(`<path${attrs({ d, ...stroke, ...end })}/>`);
    if (edge.label !== undefined && edge.label !== '') parts.push(edgeLabel(edge.label, x, y - r * 2.4, halo));
    return parts.join('');
  }
  if (length > fromGap + toGap) {
    const ux = dx / length;
    const uy = dy / length;
    parts.push(`<line${attrs({ x1: source.x + ux * fromGap, y1: source.y + uy * fromGap, x2: target.x - ux * toGap, y2: target.y - uy * toGap, ...stroke, ...end })}/>`);
  }
  if (edge.label !== undefined && edge.label !== '') parts.push(edgeLabel(edge.label, (source.x + target.x) / 2, (source.y + target.y) / 2, halo));
  return parts.join('');
}

function nodeElements(node: SvgNode): string {
  const radius = Math.max(0, node.size / 2);
  const parts = [`<circle${attrs({ cx: node.x, cy: node.y, r: radius, fill: paint(node.fill), stroke: paint(node.border), 'stroke-width': Math.max(0, node.borderWidth) })}/>`];
  const icon = safeIcon(node.iconDataUri);
  if (icon !== null) {
    const side = node.size * ICON_SHARE;
    parts.push(`<image${attrs({ href: icon, x: node.x - side / 2, y: node.y - side / 2, width: side, height: side })}/>`);
  }
  if (node.label !== '') {
    const top = node.y + radius + Math.max(0, node.borderWidth) + 2;
    parts.push(`<text${attrs({ x: node.x, y: top, 'text-anchor': 'middle', 'dominant-baseline': 'hanging', 'font-size': NODE_FONT_SIZE, fill: paint(node.labelColor) })}>${escapeXml(node.label)}</text>`);
  }
  // The id as a group id would have to be a valid, unique XML name; as data-* it need not be.
  return `<g${attrs({ 'data-id': node.id })}>${parts.join('')}</g>`;
}

/** The scene as a complete SVG document, UTF-8. */
export function graphToSvg(scene: SvgScene): string {
  const width = Math.max(0, scene.width);
  const height = Math.max(0, scene.height);
  const markers = arrowMarkers(scene.edges);
  const background = paint(scene.background, 'none');
  const seeThrough = /^(none|transparent)$/i.test(background);
  const halo = seeThrough ? '#ffffff' : background;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${num(width)} ${num(height)}`, 'font-family': scene.fontFamily })}>`,
    `<title>${escapeXml(scene.title ?? 'Magpie graph')}</title>`,
    markers.size > 0 ? `<defs>${[...markers].map(([color, id]) => markerElement(color, id)).join('')}</defs>` : '',
    seeThrough ? '' : `<rect${attrs({ width: '100%', height: '100%', fill: background })}/>`,
    `<g class="edges">${scene.edges.map((edge) => edgeElements(edge, markers, halo)).join('')}</g>`,
    `<g class="nodes">${scene.nodes.map((node) => nodeElements(node)).join('')}</g>`,
    '</svg>\n',
  ].join('');
}

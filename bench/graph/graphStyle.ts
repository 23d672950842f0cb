/**
 * The bench graph's stylesheet, styled as the workbench will draw a STIX graph: a fill,
 * border colour and shape per type, every node and edge labelled, arrows on edges.
 * `minZoomedFontSize` > 0 hides labels once they would render smaller than that many
 * pixels (cytoscape's `min-zoomed-font-size`), the usual trick for large graphs.
 *
 * The WebGL renderer ignores `min-zoomed-font-size`, so for it the page passes
 * `drawnScale`: the scale the canvas renderer would draw labels at for the current zoom
 * (2^⌈log2(zoom × pixelRatio)⌉, its texture level). Every label whose font size times
 * that scale is under `minZoomedFontSize` is then left out (`label: ''`), which is the
 * canvas renderer's own rule (`eleTextBiggerThanMin`), so both draw the same labels.
 */
import type { StylesheetJson } from 'cytoscape';
import type { StixNodeType } from './generateGraph.ts';

const COLOURS: Record<StixNodeType, { fill: string; border: string; shape: string }> = {
  report: { fill: '#4caf50', border: '#1b5e20', shape: 'round-rectangle' },
  'intrusion-set': { fill: '#bf360c', border: '#3e2723', shape: 'diamond' },
  campaign: { fill: '#8e24aa', border: '#4a148c', shape: 'round-rectangle' },
  malware: { fill: '#e91e63', border: '#880e4f', shape: 'hexagon' },
  'attack-pattern': { fill: '#d4e157', border: '#827717', shape: 'rectangle' },
  vulnerability: { fill: '#795548', border: '#3e2723', shape: 'triangle' },
  indicator: { fill: '#ffeb3b', border: '#f57f17', shape: 'ellipse' },
  'ipv4-addr': { fill: '#00bcd4', border: '#006064', shape: 'ellipse' },
  'domain-name': { fill: '#2196f3', border: '#0d47a1', shape: 'ellipse' },
  url: { fill: '#3f51b5', border: '#1a237e', shape: 'ellipse' },
  file: { fill: '#607d8b', border: '#263238', shape: 'ellipse' },
};

const HUBS: readonly StixNodeType[] = ['report', 'intrusion-set', 'campaign', 'malware'];

const FONT = { node: 10, hub: 12, edge: 8 } as const;

/** Which label sizes `graphStyle(minZoomedFontSize, drawnScale)` keeps: equal keys, same stylesheet. */
export function drawnLabels(minZoomedFontSize: number, drawnScale: number): string {
  return Object.values(FONT)
    .map((fontSize) => (fontSize * drawnScale < minZoomedFontSize ? '-' : String(fontSize)))
    .join(',');
}

export function graphStyle(minZoomedFontSize: number, drawnScale?: number): StylesheetJson {
  const label = (fontSize: number): string => (drawnScale !== undefined && fontSize * drawnScale < minZoomedFontSize ? '' : 'data(label)');
  return [
    {
      selector: 'node',
      style: {
        width: 16,
        height: 16,
        label: label(FONT.node),
        'font-size': FONT.node,
        color: '#222',
        'text-valign': 'bottom',
        'text-margin-y': 2,
        'border-width': 2,
        'min-zoomed-font-size': minZoomedFontSize,
      },
    },
    ...(Object.entries(COLOURS) as [StixNodeType, (typeof COLOURS)[StixNodeType]][]).map(([type, { fill, border, shape }]) => ({
      selector: `node[type = "${type}"]`,
      style: { 'background-color': fill, 'border-color': border, shape: shape as 'ellipse', ...(HUBS.includes(type) ? { width: 32, height: 32, 'font-size': FONT.hub, label: label(FONT.hub) } : {}) },
    })),
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': '#9e9e9e',
        'curve-style': 'straight',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#9e9e9e',
        label: label(FONT.edge),
        'font-size': FONT.edge,
        color: '#555',
        'min-zoomed-font-size': minZoomedFontSize,
      },
    },
  ];
}

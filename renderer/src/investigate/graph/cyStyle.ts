/**
 * The workbench's Cytoscape stylesheet for a colour scheme. Nodes: a light disc in the
 * type's colour with its icon, the shape of its kind, the TLP colour as the border, the
 * name underneath. Labels give way when they would be too small to read
 * (`min-zoomed-font-size`), which is what keeps 5,000 nodes legible as a picture.
 */
import type { StylesheetJson, StylesheetStyle } from 'cytoscape';
import type { TlpLevel } from '../../../../core/stix/markings.ts';
import { nodeColour, nodeShape, styledTypes, tlpBorder } from './nodeLooks.ts';
import { typeIconUri } from './typeIcons.ts';

export type ColourScheme = 'light' | 'dark';

interface SchemeColours {
  label: string;
  labelOutline: string;
  edge: string;
  edgeLabel: string;
  nodeFill: string;
  selection: string;
}

export const schemeColours: Readonly<Record<ColourScheme, SchemeColours & { background: string }>> = {
  light: { background: '#f8f9fa', label: '#212529', labelOutline: '#f8f9fa', edge: '#adb5bd', edgeLabel: '#495057', nodeFill: '#ffffff', selection: '#4c6ef5' },
  dark: { background: '#1a1b1e', label: '#e9ecef', labelOutline: '#1a1b1e', edge: '#5c5f66', edgeLabel: '#c1c2c5', nodeFill: '#25262b', selection: '#748ffc' },
};

/** Looks that need a type: one block per type the palette knows, plus a fallback for custom types. */
function typeBlocks(scheme: ColourScheme): StylesheetStyle[] {
  return [...styledTypes, '__custom'].map((type) => {
    const colour = nodeColour(type);
    const shape = nodeShape(type);
    return {
      selector: type === '__custom' ? 'node[?custom]' : `node[type = "${type}"]`,
      style: {
        shape,
        'background-color': scheme === 'light' ? mix(colour, '#ffffff', 0.82) : mix(colour, '#000000', 0.55),
        'background-image': typeIconUri(type === '__custom' ? 'x-custom' : type, colour),
        'underlay-color': colour,
      },
    };
  });
}

/** Blends `colour` towards `other` by `amount` (0–1): tints for node fills that keep the hue. */
export function mix(colour: string, other: string, amount: number): string {
  const parse = (hex: string) => [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16));
  const [a, b] = [parse(colour), parse(other)];
  const channels = a.map((value, index) => Math.round(value + ((b[index] ?? value) - value) * amount));
  return `#${channels.map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

function tlpBlocks(): StylesheetStyle[] {
  return (Object.entries(tlpBorder) as [TlpLevel, string][]).map(([level, colour]) => ({
    selector: `node[tlp = "${level}"]`,
    style: { 'border-color': colour, 'border-width': 4 },
  }));
}

/**
 * `labels: 'selected'` draws names only on selected and matching nodes: Cytoscape's WebGL
 * renderer ignores min-zoomed-font-size and would draw every label of a large graph.
 */
export function graphStylesheet(scheme: ColourScheme, labels: 'all' | 'selected' = 'all'): StylesheetJson {
  const colours = schemeColours[scheme];
  const sparse: StylesheetStyle[] =
    labels === 'selected'
      ? [
          { selector: 'node, edge', style: { label: '' } },
          { selector: 'node:selected, node.match', style: { label: 'data(label)' } },
        ]
      : [];
  return [
    {
      selector: 'node',
      style: {
        width: 40,
        height: 40,
        'background-fit': 'none',
        'background-width': '60%',
        'background-height': '60%',
        'border-width': 1.5,
        'border-color': colours.edge,
        label: 'data(label)',
        'font-size': 11,
        color: colours.label,
        'text-outline-color': colours.labelOutline,
        'text-outline-width': 2,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-max-width': '140px',
        'text-wrap': 'ellipsis',
        'min-zoomed-font-size': 7,
      },
    },
    ...typeBlocks(scheme),
    ...tlpBlocks(),
    {
      selector: 'node.pinned',
      style: { 'border-style': 'double', 'border-width': 6 },
    },
    {
      selector: 'node.match',
      style: { 'underlay-opacity': 0.35, 'underlay-padding': 8 },
    },
    {
      selector: 'node:selected',
      style: { 'overlay-color': colours.selection, 'overlay-opacity': 0.25, 'overlay-padding': 6 },
    },
    {
      selector: '.filtered, .hidden',
      style: { display: 'none' },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': colours.edge,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': colours.edge,
        'arrow-scale': 0.9,
        label: 'data(label)',
        'font-size': 9,
        color: colours.edgeLabel,
        'text-rotation': 'autorotate',
        'text-outline-color': colours.labelOutline,
        'text-outline-width': 2,
        'min-zoomed-font-size': 9,
      },
    },
    ...sparse,
    {
      selector: 'edge[kind = "reference"]',
      style: { 'line-style': 'dashed', 'target-arrow-shape': 'vee' },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': colours.selection, 'target-arrow-color': colours.selection, width: 3 },
    },
  ];
}

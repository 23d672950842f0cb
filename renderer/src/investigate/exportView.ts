/**
 * "Export view" as PNG (Cytoscape's own rendering of the whole graph) or SVG (drawn by
 * core's graphToSvg from the same positions and looks, so it scales and stays editable).
 * main writes the file where the analyst chooses.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { graphToSvg, type SvgEdge, type SvgNode } from '../../../core/investigation/svg.ts';
import { invoke } from '../ipc/client.ts';
import { mix, schemeColours, type ColourScheme } from './graph/cyStyle.ts';
import { nodeColour, tlpBorder } from './graph/nodeLooks.ts';
import { typeIconUri } from './graph/typeIcons.ts';
import type { TlpLevel } from '../../../core/stix/markings.ts';

const NODE_SIZE = 40;
const MARGIN = 60;

function fileName(name: string, extension: string): string {
  const safe = name.replace(/[/\\:*?"<>|\p{Cc}]/gu, '_').trim().slice(0, 120) || 'investigation';
  return `${safe}.${extension}`;
}

async function save(name: string, content: string, encoding: 'utf8' | 'base64'): Promise<string | null> {
  const saved = await invoke('file:save', { suggestedName: name, content, encoding });
  return saved.saved ? saved.path : null;
}

export async function exportPng(cy: Core, name: string, scheme: ColourScheme): Promise<string | null> {
  const dataUri = cy.png({ full: true, scale: 2, maxWidth: 8000, maxHeight: 8000, bg: schemeColours[scheme].background });
  return save(fileName(name, 'png'), dataUri.replace(/^data:image\/png;base64,/, ''), 'base64');
}

/** The SVG scene of what is drawn now: visible nodes and edges, at their model positions. */
export function svgScene(cy: Core, name: string, scheme: ColourScheme): Parameters<typeof graphToSvg>[0] {
  const colours = schemeColours[scheme];
  const visible = cy.nodes(':visible');
  const box = visible.boundingBox({ includeLabels: true });
  const dx = MARGIN - box.x1;
  const dy = MARGIN - box.y1;
  const nodes: SvgNode[] = visible.map((node: NodeSingular) => {
    const { x, y } = node.position();
    const type = String(node.data('type'));
    const tlp = String(node.data('tlp'));
    const colour = nodeColour(type);
    const border = tlp in tlpBorder ? tlpBorder[tlp as TlpLevel] : colours.edge;
    return {
      id: node.id(),
      x: x + dx,
      y: y + dy,
      size: NODE_SIZE,
      label: String(node.data('label')),
      fill: scheme === 'light' ? mix(colour, '#ffffff', 0.82) : mix(colour, '#000000', 0.55),
      border,
      borderWidth: tlp in tlpBorder ? 4 : 1.5,
      iconDataUri: typeIconUri(type, colour),
      labelColor: colours.label,
    };
  });
  const edges: SvgEdge[] = cy.edges(':visible').map((edge) => {
    const source = edge.source().position();
    const target = edge.target().position();
    return {
      source: { x: source.x + dx, y: source.y + dy, radius: NODE_SIZE / 2 },
      target: { x: target.x + dx, y: target.y + dy, radius: NODE_SIZE / 2 },
      label: String(edge.data('label')),
      color: colours.edge,
      width: 1.5,
      arrow: true,
    };
  });
  return { width: box.w + MARGIN * 2, height: box.h + MARGIN * 2, background: colours.background, nodes, edges, fontFamily: 'system-ui, "Noto Sans JP", sans-serif', title: name };
}

export async function exportSvg(cy: Core, name: string, scheme: ColourScheme): Promise<string | null> {
  return save(fileName(name, 'svg'), graphToSvg(svgScene(cy, name, scheme)), 'utf8');
}

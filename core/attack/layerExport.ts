/**
 * A matrix as an ATT&CK Navigator layer, format 4.5
 * (https://github.com/mitre-attack/attack-navigator/blob/master/layers/spec/v4.5/layerformat.md):
 * `versions` {layer "4.5", navigator, attack when known}, `domain`, and one technique entry
 * per highlighted technique — one per tactic, with `tactic`, where it sits in several —
 * carrying a score (how many paths lead to it), the matrix's colour, and a comment naming
 * each path. The app's Export layer and `magpie convert --to navigator-layer` both call
 * `navigatorLayer`, so they write the same file for the same object.
 */
import { colourOf, highlightsOf, KIND_COLOURS, pathInWords, SIDE_COLOURS, type Highlight } from './highlights.ts';
import { techniqueIndex, type DomainMatrix } from './matrix.ts';
import type { RelatedTechniques } from './relatedTechniques.ts';

export const LAYER_FORMAT = '4.5';
/** The Navigator release that reads layer format 4.5 (the format asks for at least 4.9.0). */
export const NAVIGATOR_VERSION = '5.1.0';

export interface LayerTechniqueOut {
  techniqueID: string;
  tactic?: string;
  score: number;
  color: string;
  comment: string;
  enabled: true;
  showSubtechniques?: true;
}

export interface NavigatorLayerOut {
  name: string;
  versions: { layer: string; navigator: string; attack?: string };
  domain: string;
  description: string;
  sorting: 0;
  layout: { layout: 'side'; showID: true; showName: true; expandedSubtechniques: 'annotated' };
  hideDisabled: false;
  techniques: LayerTechniqueOut[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: { name: string; value: string }[];
}

export interface LayerRequest {
  matrix: DomainMatrix;
  a: RelatedTechniques;
  /** A second object, when two are compared. */
  b?: RelatedTechniques | null;
  /** The ATT&CK release, when the store or bundle says it. */
  attackVersion?: string;
}

function comment(request: LayerRequest, highlight: Highlight, techniqueName: string): string {
  const lines = highlight.a.map((path) => pathInWords(request.a.object.name, path, techniqueName));
  if (request.b) lines.push(...highlight.b.map((path) => pathInWords(request.b?.object.name ?? '', path, techniqueName)));
  return lines.join('; ');
}

function legend(request: LayerRequest, highlights: readonly Highlight[]): { label: string; color: string }[] {
  if (request.b) {
    const b = request.b.object.name;
    return [
      { label: `${request.a.object.name} and ${b}`, color: SIDE_COLOURS.both },
      { label: `only ${request.a.object.name}`, color: SIDE_COLOURS.a },
      { label: `only ${b}`, color: SIDE_COLOURS.b },
    ];
  }
  const kinds = new Set(highlights.flatMap((highlight) => highlight.a.map((path) => path.kind)));
  const labels = { direct: 'uses', software: 'through software it uses', report: 'through a report containing both', contents: 'through what it contains' } as const;
  return (['direct', 'software', 'report', 'contents'] as const).filter((kind) => kinds.has(kind)).map((kind) => ({ label: labels[kind], color: KIND_COLOURS[kind] }));
}

export function navigatorLayer(request: LayerRequest): NavigatorLayerOut {
  const { matrix, a, b } = request;
  const highlights = highlightsOf(a, b);
  const index = techniqueIndex(matrix);
  const techniques: LayerTechniqueOut[] = [];
  const shown: Highlight[] = [];
  // The matrix's own order (tactic by tactic), so the same object always gives the same file.
  const order = [...index.values()];
  const parentsWithHits = new Set(order.flatMap(({ technique }) => (highlights.has(technique.id) && technique.attackId.includes('.') ? [technique.attackId.split('.')[0]] : [])));
  for (const { technique, tactics } of order) {
    const highlight = highlights.get(technique.id);
    if (!highlight) continue;
    shown.push(highlight);
    const annotation = {
      score: highlight.a.length + highlight.b.length,
      color: colourOf(highlight, Boolean(b)),
      comment: comment(request, highlight, technique.name),
      enabled: true as const,
      ...(parentsWithHits.has(technique.attackId) ? { showSubtechniques: true as const } : {}),
    };
    if (tactics.length === 1) techniques.push({ techniqueID: technique.attackId, ...annotation });
    else for (const tactic of tactics) techniques.push({ techniqueID: technique.attackId, tactic, ...annotation });
  }
  const maxScore = Math.max(1, ...techniques.map((technique) => technique.score));
  const subject = b ? `${a.object.name} vs ${b.object.name}` : a.object.name;
  return {
    name: `${subject} (${matrix.name})`,
    versions: { layer: LAYER_FORMAT, navigator: NAVIGATOR_VERSION, ...(request.attackVersion ? { attack: request.attackVersion } : {}) },
    domain: matrix.domain,
    description: b
      ? `The ATT&CK techniques ${a.object.name} and ${b.object.name} relate to, compared; exported by Magpie.`
      : `The ATT&CK techniques ${a.object.name} relates to (directly, through the software it uses, or through reports containing both); exported by Magpie.`,
    sorting: 0,
    layout: { layout: 'side', showID: true, showName: true, expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques,
    gradient: { colors: ['#ffffff', '#e03131'], minValue: 0, maxValue: maxScore },
    legendItems: legend(request, shown),
    metadata: [{ name: 'source', value: b ? `${a.object.id} ${b.object.id}` : a.object.id }],
  };
}

/** The layer file's text: pretty-printed, as the Navigator saves its own. */
export function layerText(layer: NavigatorLayerOut): string {
  return `${JSON.stringify(layer, null, 2)}\n`;
}

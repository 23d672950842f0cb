/**
 * "Turn into a grouping" (issue 15, point 5): an imported layer's techniques, as the
 * STIX grouping an analyst keeps them in (§4.7, context "unspecified": a layer says
 * nothing of why they were picked). Its description names the layer and its scores, which
 * a grouping has no property for.
 */
import type { ImportedLayer } from './layerImport.ts';
import type { LayerOnMatrix } from './layerOnMatrix.ts';

export function groupingOfLayer(layer: ImportedLayer, shown: LayerOnMatrix, id: string, now: string): Record<string, unknown> {
  const scored = layer.techniques.filter((technique) => technique.score !== undefined).map((technique) => `${technique.techniqueID}${technique.tactic ? ` (${technique.tactic})` : ''}: ${String(technique.score)}`);
  const description = [
    `From the ATT&CK Navigator layer "${layer.name}" (${layer.domain}, layer format ${layer.format}).`,
    layer.description,
    scored.length > 0 ? `Scores: ${scored.join(', ')}.` : '',
    shown.missing.length > 0 ? `Not in this ATT&CK release, so not included: ${shown.missing.join(', ')}.` : '',
  ].filter((line) => line !== '').join('\n\n');
  return {
    type: 'grouping', spec_version: '2.1', id, created: now, modified: now,
    name: layer.name.trim() || 'ATT&CK Navigator layer', description, context: 'unspecified', object_refs: shown.techniques,
  };
}

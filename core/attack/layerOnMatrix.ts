/**
 * An imported layer laid on a matrix: each technique's score, colour (its own, else the
 * layer's gradient at its score, as the Navigator paints it) and comment, by STIX id and
 * tactic; and the layer's ids the matrix does not hold (older ATT&CK releases, another
 * domain), so the UI can say how many did not show and which.
 */
import type { ImportedLayer } from './layerImport.ts';
import { techniqueIndex, type DomainMatrix } from './matrix.ts';

export interface LayerCell {
  score?: number;
  color?: string;
  comment?: string;
  enabled: boolean;
}

export interface LayerOnMatrix {
  /** Keyed `${techniqueStixId}|${tacticShortname}`. */
  cells: Map<string, LayerCell>;
  /** Technique STIX ids the layer names, in the matrix. */
  techniques: string[];
  /** ATT&CK ids in the layer that this matrix does not hold. */
  missing: string[];
}

export function cellKey(technique: string, tactic: string): string {
  return `${technique}|${tactic}`;
}

function hex(colour: string): [number, number, number] | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})([0-9a-f]{2})?$/i.exec(colour);
  const digits = match?.[1];
  if (digits === undefined) return undefined;
  const full = digits.length === 3 ? digits.replace(/./g, '$&$&') : digits;
  return [0, 2, 4].map((start) => parseInt(full.slice(start, start + 2), 16)) as [number, number, number];
}

/** The gradient's colour at a score: linear between its stops, clamped to its ends. */
export function gradientColour(gradient: ImportedLayer['gradient'], score: number): string | undefined {
  const stops = gradient.colors.map(hex);
  if (stops.some((stop) => stop === undefined) || stops.length < 2) return gradient.colors[0];
  const span = gradient.maxValue - gradient.minValue;
  const at = Math.min(1, Math.max(0, (score - gradient.minValue) / span)) * (stops.length - 1);
  const lower = Math.min(Math.floor(at), stops.length - 2);
  const from = stops[lower] as [number, number, number];
  const to = stops[lower + 1] as [number, number, number];
  const mix = at - lower;
  return `#${from.map((value, index) => Math.round(value + ((to[index] ?? value) - value) * mix).toString(16).padStart(2, '0')).join('')}`;
}

export function layerOnMatrix(layer: ImportedLayer, matrix: DomainMatrix): LayerOnMatrix {
  const byAttackId = new Map([...techniqueIndex(matrix).values()].map((entry) => [entry.technique.attackId, entry]));
  const cells = new Map<string, LayerCell>();
  const techniques = new Set<string>();
  const missing = new Set<string>();
  for (const entry of layer.techniques) {
    const found = byAttackId.get(entry.techniqueID);
    if (!found) {
      missing.add(entry.techniqueID);
      continue;
    }
    techniques.add(found.technique.id);
    const color = entry.color ?? (entry.score === undefined ? undefined : gradientColour(layer.gradient, entry.score));
    const cell: LayerCell = {
      ...(entry.score === undefined ? {} : { score: entry.score }),
      ...(color === undefined ? {} : { color }),
      ...(entry.comment === undefined ? {} : { comment: entry.comment }),
      enabled: entry.enabled,
    };
    // Without a tactic an entry applies under every tactic the technique sits in (format 4.5).
    for (const tactic of entry.tactic ? found.tactics.filter((name) => name === entry.tactic) : found.tactics) cells.set(cellKey(found.technique.id, tactic), cell);
  }
  return { cells, techniques: [...techniques], missing: [...missing] };
}

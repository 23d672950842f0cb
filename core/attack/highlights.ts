/**
 * What the matrix highlights, for one object or two compared (issue 15, point 4: overlap,
 * only A, only B), and the words and colours of each highlight — shared by the UI's cells
 * and the Navigator layer export, so a layer looks like the matrix it came from.
 */
import type { DomainMatrix } from './matrix.ts';
import { techniqueIndex } from './matrix.ts';
import { strongestKind, type PathKind, type RelatedTechniques, type TechniquePath } from './relatedTechniques.ts';

export type CompareSide = 'both' | 'a' | 'b';

export interface Highlight {
  /** Paths from A, and from B when two objects are compared. */
  a: TechniquePath[];
  b: TechniquePath[];
}

/** The highlighted techniques by STIX id. */
export function highlightsOf(a: RelatedTechniques, b?: RelatedTechniques | null): Map<string, Highlight> {
  const result = new Map<string, Highlight>();
  for (const [technique, paths] of Object.entries(a.techniques)) result.set(technique, { a: paths, b: [] });
  if (b) {
    for (const [technique, paths] of Object.entries(b.techniques)) {
      const entry = result.get(technique);
      if (entry) entry.b = paths;
      else result.set(technique, { a: [], b: paths });
    }
  }
  return result;
}

export function sideOf(highlight: Highlight): CompareSide {
  if (highlight.a.length > 0 && highlight.b.length > 0) return 'both';
  return highlight.a.length > 0 ? 'a' : 'b';
}

/** Colours readable on light and dark themes; a layer carries the same ones. */
export const KIND_COLOURS: Readonly<Record<PathKind, string>> = {
  direct: '#e03131',
  software: '#f08c00',
  report: '#1c7ed6',
  contents: '#1c7ed6',
};

export const SIDE_COLOURS: Readonly<Record<CompareSide, string>> = {
  both: '#7048e8',
  a: '#e03131',
  b: '#1c7ed6',
};

export function colourOf(highlight: Highlight, comparing: boolean): string {
  if (comparing) return SIDE_COLOURS[sideOf(highlight)];
  return KIND_COLOURS[strongestKind(highlight.a) ?? 'direct'];
}

/** A path in words, for a layer's comment: "APT29 uses Mimikatz, which uses OS Credential Dumping". */
export function pathInWords(objectName: string, path: TechniquePath, techniqueName: string): string {
  const via = path.via.map((step) => step.name);
  switch (path.kind) {
    case 'direct':
      return via.length === 0 ? `${objectName} uses ${techniqueName}` : `${objectName} contains: ${via.join(', ')} uses ${techniqueName}`;
    case 'software':
      return `${objectName} uses ${via.join(', which uses ')}, which uses ${techniqueName}`;
    case 'report':
      return `${via.join(', ')} contains both ${objectName} and ${techniqueName}`;
    case 'contents':
      return `${objectName} contains ${via.join(', ')}, which uses ${techniqueName}`;
  }
}

/** How many techniques of each matrix an object highlights: the matrix opens on the domain with most. */
export function hitsByDomain(matrices: readonly DomainMatrix[], highlighted: ReadonlySet<string>): Map<string, number> {
  return new Map(matrices.map((matrix) => [matrix.domain, [...techniqueIndex(matrix).keys()].filter((id) => highlighted.has(id)).length]));
}

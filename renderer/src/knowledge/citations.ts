/**
 * ATT&CK-style citations in descriptions, "(Citation: Mandiant No Easy Breach)", matched
 * to the object's external references by source_name (issue 15), and the one rule for
 * which links may open: http and https only (no javascript:, data:, file:).
 */
import type { IntrusionSet } from '../../../core/stix/model/types.ts';

/** An external reference as the STIX model types it (every SDO shares the one table). */
export type ExternalReference = NonNullable<IntrusionSet['external_references']>[number];

export interface Citation {
  /** 1-based, as the external references tab numbers them. */
  number: number;
  name: string;
  url: string | null;
}

const CITATION = /\(Citation: ([^)]+)\)/g;
export const CITATION_HREF = '#cite-';

export function isSafeLink(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The citations of `references` by number: each reference's number is its place in the list. */
export function citationsOf(references: readonly ExternalReference[]): Citation[] {
  return references.map((reference, index) => ({
    number: index + 1,
    name: typeof reference.source_name === 'string' ? reference.source_name : '',
    url: isSafeLink(reference.url) ? reference.url : null,
  }));
}

/**
 * The description with each citation replaced by a Markdown link to `#cite-<n>` (the
 * renderer turns those into superscript links); citations naming no reference stay text.
 */
export function linkCitations(text: string, citations: readonly Citation[]): string {
  const byName = new Map(citations.map((citation) => [citation.name.trim().toLowerCase(), citation]));
  return text.replace(CITATION, (whole, name: string) => {
    const citation = byName.get(name.trim().toLowerCase());
    return citation ? `[\\[${citation.number}\\]](${CITATION_HREF}${citation.number})` : whole;
  });
}

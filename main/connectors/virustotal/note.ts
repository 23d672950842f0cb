/**
 * The note each lookup leaves on the enriched observable: VirusTotal's verdicts, the facts
 * that have no STIX property of their own (registrar, names, categories), labels from
 * VirusTotal's tags or categories, and the link to the object on VirusTotal. One note per
 * observable (its id is derived from the observable's), so a later lookup updates it.
 */
import { derivedId, type JsonObject } from '../../../core/stix/index.ts';
import { SOURCE_NAME, type Enrichment } from './enrichment.ts';
import type { AnalysisStats, EngineResult } from './schema.ts';
import { verdictsOf, verdictText } from './verdicts.ts';

export interface NoteInput {
  /** "file", "IP address", "domain", "URL": how the abstract names the observable. */
  what: string;
  /** Undefined when VirusTotal has not analysed the object: no ratio and no score then. */
  stats: AnalysisStats | undefined;
  results: Readonly<Record<string, EngineResult>>;
  facts: readonly string[];
  labels: readonly string[];
  /** The object's page on VirusTotal and its id there. */
  link: { url: string; id: string };
}

/** Trimmed, non-empty, each once, in first-seen order. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

export function verdictNote(enrichment: Enrichment, input: NoteInput): { note: JsonObject; score: number | undefined } {
  const verdicts = input.stats === undefined ? undefined : verdictsOf(input.stats);
  const labels = distinct(input.labels);
  const abstract = verdicts === undefined
    ? `VirusTotal has no analysis of this ${input.what}`
    : `VirusTotal: ${verdicts.ratio} engines flag this ${input.what} as malicious`;
  const note = enrichment.about('note', derivedId('note', { source: SOURCE_NAME, object_ref: enrichment.observableId }), {
    abstract,
    content: verdictText(verdicts, input.results, input.facts),
    authors: [SOURCE_NAME],
    object_refs: [enrichment.observableId],
    ...(labels.length === 0 ? {} : { labels }),
    external_references: [{ source_name: SOURCE_NAME, url: input.link.url, external_id: input.link.id }],
  });
  return { note, score: verdicts?.score };
}

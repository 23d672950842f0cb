/**
 * extractIndicators: pages in, deduplicated and flagged indicators out, every occurrence
 * pointing into the page text as given. Deterministic: ordered by type, then by first
 * occurrence (page, offset).
 */
import { createClassifier } from './classify.ts';
import { findWrappedIndicators } from './lineJoins.ts';
import { inferPublisherDomains } from './publisher.ts';
import { isDefanged, originalSpan } from './mappedText.ts';
import { prepareText } from './refang.ts';
import type { Candidate } from './scan/candidate.ts';
import { scanAll } from './scan/scanAll.ts';
import { SpanIndex } from './scan/spanIndex.ts';
import type { ExtractedIndicator, ExtractionResult, ExtractOptions, IndicatorType, Occurrence, TextPage } from './types.ts';

const TYPE_ORDER: readonly IndicatorType[] = [
  'ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file', 'vulnerability', 'attack-pattern', 'cryptocurrency-wallet', 'windows-registry-key', 'autonomous-system', 'mac-addr',
];
const CONTEXT_CHARS = 40;
const DEFAULT_MAX_OCCURRENCES = 50;

/** A candidate placed in the original page text. */
export interface Located {
  candidate: Candidate;
  start: number;
  end: number;
  defanged: boolean;
}

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

const JAPANESE = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

/**
 * A Japanese file name is kept as written: its full-width brackets and spaces
 * (`見積書（最新版）.lnk`) are part of the name on disk, which normalising would change.
 */
function asWritten(candidate: Candidate, pageText: string, span: { start: number; end: number }): Candidate {
  if (candidate.kind !== 'name' || !JAPANESE.test(candidate.value)) return candidate;
  const written = pageText.slice(span.start, span.end);
  return written.normalize('NFKC') === candidate.value.normalize('NFKC') ? { ...candidate, value: written } : candidate;
}

/** Every candidate of one page, placed in the original text, in reading order. */
export function locateCandidates(pageText: string): Located[] {
  const prepared = prepareText(pageText);
  const wrapped = findWrappedIndicators(prepared);
  const located: Located[] = [];
  const suppressed = new SpanIndex(wrapped.suppressed);
  for (const candidate of scanAll(prepared)) {
    if (suppressed.overlaps(candidate)) continue;
    const span = originalSpan(prepared, candidate.start, candidate.end);
    located.push({ candidate: asWritten(candidate, pageText, span), start: span.start, end: span.end, defanged: isDefanged(prepared, candidate.start, candidate.end) });
  }
  for (const entry of wrapped.located) located.push(entry);
  return located.sort((a, b) => a.start - b.start || a.end - b.end);
}

interface Entry {
  candidate: Candidate;
  defanged: boolean;
  occurrences: Occurrence[];
  count: number;
  first: [number, number];
}

/**
 * Entries by type, by hash type / kind / currency, by value: three lookups on strings
 * the scanners already made, instead of a joined key string per occurrence (issue 16).
 */
class Entries {
  private readonly byType = new Map<string, Map<string, Map<string, Entry>>>();
  /** In order of first finding, as the one map of joined keys kept them. */
  readonly inOrder: Entry[] = [];

  get(candidate: Candidate, page: number, offset: number): Entry {
    let byGroup = this.byType.get(candidate.type);
    if (byGroup === undefined) this.byType.set(candidate.type, (byGroup = new Map<string, Map<string, Entry>>()));
    const group = candidate.hash_type ?? candidate.kind ?? candidate.currency ?? '';
    let byValue = byGroup.get(group);
    if (byValue === undefined) byGroup.set(group, (byValue = new Map<string, Entry>()));
    let entry = byValue.get(candidate.value);
    if (entry === undefined) {
      entry = { candidate, defanged: false, occurrences: [], count: 0, first: [page, offset] };
      byValue.set(candidate.value, entry);
      this.inOrder.push(entry);
    }
    return entry;
  }
}

export function extractIndicators(pages: readonly TextPage[], options: ExtractOptions = {}): ExtractionResult {
  const maxOccurrences = Math.max(0, options.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES);
  // Metadata names the publisher when it can (an e-mail's sender, a page's site); otherwise the text does.
  const publisherDomains = options.publisherDomains !== undefined && options.publisherDomains.length > 0 ? options.publisherDomains : inferPublisherDomains(pages);
  const classifier = createClassifier({ ...options, publisherDomains });
  const entries = new Entries();
  let characters = 0;
  const ordered = [...pages].sort((a, b) => a.page - b.page);
  for (const page of ordered) {
    characters += page.text.length;
    for (const found of locateCandidates(page.text)) {
      const entry = entries.get(found.candidate, page.page, found.start);
      // The same value found twice at one place (a URL's host also seen as a domain) counts once.
      const last = entry.occurrences[entry.occurrences.length - 1];
      if (last?.page === page.page && last.offset === found.start && entry.count > 0) continue;
      entry.count++;
      entry.defanged ||= found.defanged;
      if (entry.occurrences.length < maxOccurrences) {
        entry.occurrences.push({ page: page.page, offset: found.start, length: found.end - found.start, context: contextOf(page.text, found.start, found.end) });
      }
    }
  }
  const indicators: (ExtractedIndicator & { first: [number, number] })[] = [];
  for (const entry of entries.inOrder) {
    const { candidate } = entry;
    indicators.push({
      type: candidate.type,
      value: candidate.value,
      ...(candidate.hash_type !== undefined ? { hash_type: candidate.hash_type } : {}),
      ...(candidate.kind !== undefined ? { kind: candidate.kind } : {}),
      ...(candidate.currency !== undefined ? { currency: candidate.currency } : {}),
      ...(candidate.attack_kind !== undefined ? { attack_kind: candidate.attack_kind } : {}),
      ...(candidate.cidr === true ? { cidr: true } : {}),
      flags: classifier.flagsFor(candidate, entry.defanged),
      occurrences: entry.occurrences,
      occurrenceCount: entry.count,
      first: entry.first,
    });
  }
  indicators.sort(
    (a, b) =>
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.first[0] - b.first[0] || a.first[1] - b.first[1] || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
  return { indicators: indicators.map(({ first: _first, ...indicator }) => indicator), characters };
}

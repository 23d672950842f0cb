/**
 * The report publisher's own site when the document's metadata names none (issue 16): a
 * domain on a copyright, contact or footer line (`© 2026 …`, `Contact:`, `お問い合わせ`), or
 * one printed in the header or footer lines of most pages. Its values are flagged
 * `publisher` in the review. A domain written defanged is an indicator the author meant,
 * never their own site; a domain that repeats in the body of pages is the subject of the
 * report, so only the first and last lines of a page count for repetition.
 *
 * Speed (issue 16): a page's body is searched only for the few domains that are in the
 * header or footer of most pages, and only on lines that contain one, instead of reading
 * every host of every body line.
 */
import { getDomain } from 'tldts';
import { classifyHost } from './hostnames.ts';
import type { TextPage } from './types.ts';

/** A copyright, contact or imprint phrase: a line holding one names the publisher. */
export const PUBLISHER_LINE = /©|\(c\)\s*\d{4}|copyright|all rights reserved|\bcontact(?:\s+us)?\s*[:：]|\bcontact us\b|e-?mail us|visit us|our (?:web ?site|blog)|お問い?合わせ|問い?合わせ先|連絡先|著作権|発行元|発行者|無断転載/i;
/** PUBLISHER_LINE anchored where it is tried: confirms a place PHRASE_START found. */
const PHRASE_AT = new RegExp(PUBLISHER_LINE.source, 'iy');
/**
 * Where such a phrase may start: PUBLISHER_LINE without its word boundaries, which the
 * engine would otherwise test at every offset of every page (issue 16, speed). A superset:
 * each place it finds is confirmed with PHRASE_AT on the place's own line.
 */
const PHRASE_START = new RegExp(PUBLISHER_LINE.source.replaceAll('\\b', ''), 'gi');
const HOST = /(?<![A-Za-z0-9_.\-@/[\]])(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}(?![A-Za-z0-9_-]|\[)/g;
const EMAIL_OR_URL_HOST = /(?:@|:\/\/)((?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24})(?![A-Za-z0-9_-])/g;
const DEFANGED = /\[\.\]|\(\.\)|\[dot\]|hxxp/i;
const NOT_BLANK = /\S/;
const WORD_GAPS = /\s+/g;
/** Lines at the top and bottom of a page where running headers and footers sit. */
const EDGE_LINES = 2;
const MOST_PAGES = 0.6;

/** The registrable domain of each host seen (one tldts parse per distinct host). */
const domainOfHost = new Map<string, string | null>();

function registrableDomain(host: string): string | null {
  let domain = domainOfHost.get(host);
  if (domain === undefined) {
    domain = classifyHost(host, false) === 'domain' ? getDomain(host) : null;
    if (domainOfHost.size < 8192) domainOfHost.set(host, domain);
  }
  return domain;
}

function domainsOf(line: string): string[] {
  if (DEFANGED.test(line)) return [];
  const found = new Set<string>();
  for (const pattern of [HOST, EMAIL_OR_URL_HOST]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
      const domain = registrableDomain((match[1] ?? match[0]).toLowerCase());
      if (domain !== null) found.add(domain);
    }
  }
  return [...found];
}

/** At most 12 words: a running header or footer, not a line of prose. */
function footerLike(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 12) return true;
  WORD_GAPS.lastIndex = 0;
  let gaps = 0;
  while (WORD_GAPS.exec(trimmed) !== null) if (++gaps >= 12) return false;
  return true;
}

/** A page's non-blank lines, and which of them are its running header and footer (short first and last lines). */
function pageParts(text: string): { lines: string[]; isEdge: (index: number) => boolean } {
  const lines = text.split('\n').filter((line) => NOT_BLANK.test(line));
  const edge = lines.length > EDGE_LINES * 2 + 1 ? EDGE_LINES : 1;
  return { lines, isEdge: (index) => (index < edge || index >= lines.length - edge) && footerLike(lines[index] ?? '') };
}

/** Up to `count` non-blank lines from the top (or, `fromEnd`, the bottom) of a page, in page order, as [start, end) offsets. */
function outerLines(text: string, count: number, fromEnd: boolean): [number, number][] {
  const found: [number, number][] = [];
  if (fromEnd) {
    for (let end = text.length; ; ) {
      const start = end === 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
      if (NOT_BLANK.test(text.slice(start, end))) found.push([start, end]);
      if (found.length >= count || start === 0) break;
      end = start - 1;
    }
    return found.reverse();
  }
  for (let start = 0; ; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (NOT_BLANK.test(text.slice(start, end))) found.push([start, end]);
    if (found.length >= count || newline === -1) break;
    start = newline + 1;
  }
  return found;
}

/**
 * The non-blank lines at the top and bottom of a page, where its running header and
 * footer would be (the edges pageParts marks), found without splitting the whole page
 * (issue 16, speed): a page has more than 2·EDGE_LINES + 1 non-blank lines exactly when
 * its first and last EDGE_LINES + 1 are all different lines.
 */
export function edgeLines(text: string): string[] {
  const head = outerLines(text, EDGE_LINES + 1, false);
  const tail = outerLines(text, EDGE_LINES + 1, true);
  const lastOfHead = head[head.length - 1];
  const many = head.length === EDGE_LINES + 1 && tail.length === EDGE_LINES + 1 && lastOfHead !== undefined && lastOfHead[0] < (tail[0]?.[0] ?? 0);
  const edge = many ? EDGE_LINES : 1;
  const picked = new Map<number, [number, number]>();
  for (const line of [...head.slice(0, edge), ...tail.slice(tail.length - edge)]) picked.set(line[0], line);
  return [...picked.values()].map(([start, end]) => text.slice(start, end));
}

/** The lines of a page that hold a copyright, contact or imprint phrase. */
export function phraseLines(text: string): string[] {
  const lines: string[] = [];
  PHRASE_START.lastIndex = 0;
  for (let match = PHRASE_START.exec(text); match !== null; match = PHRASE_START.exec(text)) {
    const lineStart = text.lastIndexOf('\n', match.index - 1) + 1;
    const newline = text.indexOf('\n', match.index);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    PHRASE_AT.lastIndex = match.index - lineStart;
    if (PHRASE_AT.test(line)) {
      lines.push(line);
      // One phrase is enough for its line: go on with the next.
      PHRASE_START.lastIndex = lineEnd;
    } else PHRASE_START.lastIndex = match.index + 1;
  }
  return lines;
}

export function inferPublisherDomains(pages: readonly TextPage[]): string[] {
  const found = new Set<string>();
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    for (const line of phraseLines(page.text)) for (const domain of domainsOf(line)) found.add(domain);
    const edges = new Set<string>();
    for (const line of edgeLines(page.text)) if (footerLike(line)) for (const domain of domainsOf(line)) edges.add(domain);
    for (const domain of edges) pagesWith.set(domain, (pagesWith.get(domain) ?? 0) + 1);
  }
  if (pages.length < 3) return [...found].sort();
  const candidates = new Set([...pagesWith].filter(([domain, count]) => count / pages.length >= MOST_PAGES && !found.has(domain)).map(([domain]) => domain));
  // A domain found in a line holds, lower-cased, its own text: only such body lines can hold a candidate.
  for (const page of pages) {
    if (candidates.size === 0) break;
    const lower = page.text.toLowerCase();
    if (![...candidates].some((domain) => lower.includes(domain))) continue;
    const { lines, isEdge } = pageParts(page.text);
    for (let index = 0; index < lines.length && candidates.size > 0; index++) {
      const line = lines[index] ?? '';
      if (isEdge(index)) continue;
      const lowerLine = line.toLowerCase();
      if (![...candidates].some((domain) => lowerLine.includes(domain))) continue;
      for (const domain of domainsOf(line)) candidates.delete(domain);
    }
  }
  for (const domain of candidates) found.add(domain);
  return [...found].sort();
}

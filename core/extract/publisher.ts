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

const PUBLISHER_LINE = /©|\(c\)\s*\d{4}|copyright|all rights reserved|\bcontact(?:\s+us)?\s*[:：]|\bcontact us\b|e-?mail us|visit us|our (?:web ?site|blog)|お問い?合わせ|問い?合わせ先|連絡先|著作権|発行元|発行者|無断転載/i;
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

export function inferPublisherDomains(pages: readonly TextPage[]): string[] {
  const found = new Set<string>();
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    // A line that matches is part of its page: a page that does not match has no such line.
    if (PUBLISHER_LINE.test(page.text)) for (const line of page.text.split('\n')) if (PUBLISHER_LINE.test(line)) for (const domain of domainsOf(line)) found.add(domain);
    const { lines, isEdge } = pageParts(page.text);
    const edges = new Set<string>();
    for (let index = 0; index < lines.length; index++) if (isEdge(index)) for (const domain of domainsOf(lines[index] ?? '')) edges.add(domain);
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

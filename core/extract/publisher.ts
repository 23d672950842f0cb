/**
 * The report publisher's own site when the document's metadata names none (issue 16): a
 * domain on a copyright, contact or footer line (`© 2026 …`, `Contact:`, `お問い合わせ`), or
 * one printed in the header or footer lines of most pages. Its values are flagged
 * `publisher` in the review. A domain written defanged is an indicator the author meant,
 * never their own site; a domain that repeats in the body of pages is the subject of the
 * report, so only the first and last lines of a page count for repetition.
 */
import { getDomain } from 'tldts';
import { classifyHost } from './hostnames.ts';
import type { TextPage } from './types.ts';

const PUBLISHER_LINE = /©|\(c\)\s*\d{4}|copyright|all rights reserved|\bcontact(?:\s+us)?\s*[:：]|\bcontact us\b|e-?mail us|visit us|our (?:web ?site|blog)|お問い?合わせ|問い?合わせ先|連絡先|著作権|発行元|発行者|無断転載/i;
const HOST = /(?<![A-Za-z0-9_.\-@/[\]])(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}(?![A-Za-z0-9_-]|\[)/g;
const EMAIL_OR_URL_HOST = /(?:@|:\/\/)((?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24})(?![A-Za-z0-9_-])/g;
/** Lines at the top and bottom of a page where running headers and footers sit. */
const EDGE_LINES = 2;
const MOST_PAGES = 0.6;

function domainsOf(line: string): string[] {
  if (/\[\.\]|\(\.\)|\[dot\]|hxxp/i.test(line)) return [];
  const found = new Set<string>();
  for (const pattern of [HOST, EMAIL_OR_URL_HOST]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
      const host = (match[1] ?? match[0]).toLowerCase();
      if (classifyHost(host, false) !== 'domain') continue;
      const domain = getDomain(host);
      if (domain !== null) found.add(domain);
    }
  }
  return [...found];
}

/** A page's lines split into its running header and footer (short first and last lines) and its body. */
function pageParts(text: string): { edges: string[]; body: string[] } {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const edge = lines.length > EDGE_LINES * 2 + 1 ? EDGE_LINES : 1;
  const isEdge = (index: number): boolean => index < edge || index >= lines.length - edge;
  const footerLike = (line: string): boolean => line.trim().split(/\s+/).length <= 12;
  return {
    edges: lines.filter((line, index) => isEdge(index) && footerLike(line)),
    body: lines.filter((line, index) => !isEdge(index) || !footerLike(line)),
  };
}

export function inferPublisherDomains(pages: readonly TextPage[]): string[] {
  const found = new Set<string>();
  const pagesWith = new Map<string, number>();
  const inBody = new Set<string>();
  for (const page of pages) {
    for (const line of page.text.split('\n')) if (PUBLISHER_LINE.test(line)) for (const domain of domainsOf(line)) found.add(domain);
    const { edges, body } = pageParts(page.text);
    for (const domain of new Set(edges.flatMap(domainsOf))) pagesWith.set(domain, (pagesWith.get(domain) ?? 0) + 1);
    for (const domain of body.flatMap(domainsOf)) inBody.add(domain);
  }
  if (pages.length >= 3) {
    for (const [domain, count] of pagesWith) if (count / pages.length >= MOST_PAGES && !inBody.has(domain)) found.add(domain);
  }
  return [...found].sort();
}

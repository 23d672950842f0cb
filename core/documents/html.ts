/**
 * HTML → the text a reader sees, with htmlparser2: a tokenizer, so nothing in the page is
 * run, loaded or fetched. Script, style, template and similar content is dropped, as is
 * anything marked `hidden`; block elements end lines, table cells are tab-separated, and
 * `<pre>` keeps its whitespace. `<title>`, the author and date metas and the canonical link
 * prefill the report's metadata.
 */
import { Parser } from 'htmlparser2';
import type { DocumentMetadata } from './types.ts';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'button']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'html',
]);
const CELLS = new Set(['td', 'th']);
const DATE_METAS = new Set(['date', 'dc.date', 'dcterms.date', 'dcterms.created', 'article:published_time', 'og:published_time', 'pubdate', 'publish-date', 'citation_publication_date']);
const AUTHOR_METAS = new Set(['author', 'dc.creator', 'article:author', 'citation_author']);

export interface HtmlText {
  text: string;
  metadata: DocumentMetadata;
}

function hidden(attributes: Record<string, string>): boolean {
  if ('hidden' in attributes || attributes['aria-hidden'] === 'true') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attributes['style'] ?? '');
}

function isoDate(value: string): string | undefined {
  const date = new Date(value.trim());
  return /^\d{4}-\d{2}-\d{2}/.test(value.trim()) && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function hostOf(href: string): string | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  const metadata: DocumentMetadata = {};
  /** Names of open elements whose content is skipped; a stack, since they may nest. */
  const skipping: string[] = [];
  let pre = 0;
  let title = '';
  let inTitle = false;
  let ogTitle: string | undefined;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') inTitle = true;
        if (name === 'meta') readMeta(attributes);
        if (name === 'link' && /(^|\s)canonical(\s|$)/i.test(attributes['rel'] ?? '')) {
          const host = hostOf(attributes['href'] ?? '');
          if (host) metadata.publisherDomains = [host];
        }
        if (skipping.length > 0 || SKIPPED.has(name) || hidden(attributes)) {
          if (!isVoid(name)) skipping.push(name);
          return;
        }
        if (name === 'pre') pre++;
        if (BLOCKS.has(name)) out.push('\n');
        else if (CELLS.has(name)) out.push('\t');
        else if (name === 'img' && attributes['alt']) out.push(` ${attributes['alt']} `);
      },
      ontext(text) {
        if (inTitle) title += text;
        if (skipping.length > 0) return;
        out.push(pre > 0 ? text : text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (skipping.length > 0) {
          if (skipping[skipping.length - 1] === name) skipping.pop();
          return;
        }
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCKS.has(name)) out.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );

  function readMeta(attributes: Record<string, string>): void {
    const key = (attributes['name'] ?? attributes['property'] ?? attributes['itemprop'] ?? '').toLowerCase();
    const content = attributes['content']?.trim();
    if (!content) return;
    if (AUTHOR_METAS.has(key)) metadata.author ??= content;
    else if (DATE_METAS.has(key) || key === 'datepublished') metadata.date ??= isoDate(content);
    else if (key === 'og:title') ogTitle = content;
    else if (key === 'og:url' && !metadata.publisherDomains) {
      const host = hostOf(content);
      if (host) metadata.publisherDomains = [host];
    }
  }

  parser.end(html);
  const cleanTitle = title.replace(/\s+/g, ' ').trim() || ogTitle;
  if (cleanTitle) metadata.title = cleanTitle;
  if (metadata.date === undefined) delete metadata.date;
  return { text: tidy(out.join('')), metadata };
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
function isVoid(name: string): boolean {
  return VOID.has(name);
}

/** Spaces around line ends trimmed, at most one blank line in a row. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, '').replace(/ {2,}/g, ' '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Indicators that PDF text breaks across lines: a host wrapped at an internal hyphen
 * (`icloud-` / `iphonesecurity[.]com`, the hyphen kept), a URL wrapped after a slash, a
 * hyphen or mid-token, a hash split over two or three lines of a narrow table cell, a
 * CVE id wrapped at its hyphen. In `pdftotext -layout` output the continuation sits on
 * the next line at the same column, or at the start of the column block, so both are
 * tried. A join is kept only when the joined text is an indicator that the pieces alone
 * are not; the pieces are then not reported on their own.
 */
import { classifyHost, isIPv4 } from './hostnames.ts';
import type { Located } from './extract.ts';
import { isDefanged, originalSpan, type MappedText } from './mappedText.ts';
import { joinHex } from './hexJoins.ts';
import { scanAll } from './scan/scanAll.ts';

export interface WrappedIndicators {
  located: Located[];
  /** Prepared-text spans whose own matches are superseded by a join. */
  suppressed: { start: number; end: number }[];
}

export interface Token {
  start: number;
  end: number;
  /** Display column: CJK and full-width characters count two. */
  column: number;
  /** Display column where the token's block starts (after a gap of 2+ spaces). */
  blockColumn: number;
  /** Only white space precedes the token on its line. */
  opensLine: boolean;
}

const TOKEN = /[\x21-\x7E]+/g;
const MAX_LINE_TOKENS = 64;

function displayWidth(char: string): number {
  const code = char.charCodeAt(0);
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) ? 2 : 1;
}

/** Count of leading spaces of `line`, up to `limit`. */
function spacesBefore(line: string, limit: number): number {
  let count = 0;
  while (count < limit && line.charCodeAt(count) === 0x20) count++;
  return count;
}

function tokensOfLine(text: string, lineStart: number, lineEnd: number): Token[] {
  const line = text.slice(lineStart, lineEnd);
  const tokens: Token[] = [];
  let column = 0;
  let consumed = 0;
  let blockColumn = 0;
  let spaces = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(line); match !== null && tokens.length < MAX_LINE_TOKENS; match = TOKEN.exec(line)) {
    for (; consumed < match.index; consumed++) {
      const char = line.charAt(consumed);
      if (char === ' ') spaces++;
      else {
        if (spaces >= 2 || column === spaces) blockColumn = column;
        spaces = 0;
      }
      column += displayWidth(char);
    }
    if (spaces >= 2 || column === spaces) blockColumn = column;
    spaces = 0;
    tokens.push({ start: lineStart + match.index, end: lineStart + match.index + match[0].length, column, blockColumn, opensLine: column === spacesBefore(line, match.index) });
    column += match[0].length;
    consumed = match.index + match[0].length;
  }
  return tokens;
}

/**
 * The tokens of the next non-empty line after `from`, at most `blankLines` blank lines
 * skipped (a URL never continues across a blank line: that is a paragraph break).
 */
export function nextLineTokens(text: string, from: number, blankLines = 1): Token[] {
  let lineStart = text.indexOf('\n', from) + 1;
  for (let skipped = 0; lineStart > 0 && skipped <= blankLines; skipped++) {
    const lineEnd = text.indexOf('\n', lineStart);
    const tokens = tokensOfLine(text, lineStart, lineEnd === -1 ? text.length : lineEnd);
    if (tokens.length > 0) return tokens;
    if (lineEnd === -1) return [];
    lineStart = lineEnd + 1;
  }
  return [];
}

/** Candidates on the next line for continuing `piece`: same column, block start, line start. */
export function continuations(piece: Token, next: readonly Token[], innerColumn = piece.column): Token[] {
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 2;
  // `innerColumn`: where the indicator itself starts inside the token (`src="hxxps://…`
  // continues under the `h`, not under the quote).
  // The line's first token counts only when it opens the line: `用し、CVE-2024-21412` in the
  // next column of a layout page is text, not the tail of a wrapped URL.
  // A token that starts a column block (after 2+ spaces) somewhere under the head token
  // also counts: pdftotext -layout shifts columns after CJK text by a few cells.
  const startsBlock = (token: Token): boolean => token.opensLine || token.blockColumn === token.column;
  const under = (token: Token): boolean => startsBlock(token) && token.column >= piece.column - 2 && token.column <= piece.column + (piece.end - piece.start);
  const picks = next.filter((token, index) => (index === 0 && startsBlock(token)) || near(token.column, piece.column) || near(token.column, piece.blockColumn) || near(token.column, innerColumn) || under(token));
  return picks.slice(0, 3);
}

export const HEX_TAIL = /(?<![A-Za-z0-9])[0-9A-Fa-f]+$/;
const HEX = /^[0-9A-Fa-f]+/;

/** A standalone indicator on its own: then it is not the tail of a wrapped one. */
function standsAlone(text: string): boolean {
  const bare = text.replace(/[.,;:)\]}>'"]+$/, '');
  if (isIPv4(bare) || bare.includes('://') || bare.includes('@')) return true;
  return classifyHost(bare, false) === 'domain';
}

type JoinKind = 'host' | 'url' | 'hex' | 'base58' | 'cve';

/** A Monero address's head: long base58 at a line or cell end (BTC's fit on one line). */
const BASE58_TAIL = /(?<![A-Za-z0-9])[48][1-9A-HJ-NP-Za-km-z]{19,}$/;
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

function joinKind(piece: string, text: string, hasMore: boolean): JoinKind | undefined {
  if (/CVE-\d{4}-$/i.test(piece)) return 'cve';
  if (piece.includes('://')) return hasMore ? 'url' : undefined;
  const hex = HEX_TAIL.exec(piece)?.[0];
  // A head that is a whole hash itself (32, 40, 64 digits) may still be the first part of a
  // longer one; joinHex decides from the label and the layout.
  if (hex !== undefined && hex.length >= 4 && hex.length < 128 && /[0-9]/.test(hex)) return 'hex';
  if (BASE58_TAIL.test(piece) && piece.length < 95) return 'base58';
  if (/(?:^|[^A-Za-z0-9.-])[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]-$/.test(piece) && !/--$/.test(piece) && text.length > 0) return 'host';
  return undefined;
}

/** What follows a continuation token on its own line: nothing, a column gap, or running text. */
interface TailContext {
  /** True when another token follows after a single space (running prose, not a table column). */
  proseFollows: boolean;
  /** True when the token is the only one on its line. */
  alone: boolean;
  /** The quote that opened right before the URL and is not closed on its line (`Type="http://…`). */
  openQuote?: string;
}

/** The context of the token at `index` of its line's tokens. */
function tailContext(line: readonly Token[], index: number, openQuote?: string): TailContext {
  const token = line[index];
  const following = line[index + 1];
  const proseFollows = token !== undefined && following !== undefined && following.start - token.end < 2;
  return { alone: line.length === 1, proseFollows, ...(openQuote === undefined ? {} : { openQuote }) };
}

/** Characters that a wrapped URL piece may start with. */
const URL_PIECE = /^[A-Za-z0-9%_~\-./?#=&+]+/;
/** Path punctuation: a piece holding one of these reads as part of a path or query. */
const PATH_PUNCT = /[/\-_=?&.%]/;
/**
 * Numbers that sit at the start of the next line in reports: footnote markers (`1`, `14`),
 * list and section numbers (`3.`, `3.1`), years in footers (`2024`). They are never a
 * path's continuation, even after a `/`.
 */
const NUMBER_PIECE = /^\d{1,4}(?:\.\d{1,3})*[.):]?$/;
/** A page number `6/7` alone on its line (footers of list pages). */
const PAGE_OF = /^\d{1,3}\/\d{1,3}$/;
/** A bare word with at most sentence punctuation after it: no path structure of its own. */
const BARE_WORD = /^[A-Za-z]+[:,;.)]?$/;

function acceptsUrl(first: string, second: string, context: TailContext): boolean {
  const piece = URL_PIECE.exec(second)?.[0];
  if (piece === undefined || standsAlone(second)) return false;
  if (NUMBER_PIECE.test(second) || (context.alone && PAGE_OF.test(second))) return false;
  if (BARE_WORD.test(second)) {
    // `http://www.microsoft.com/` + `Accept: */*`, `…/35019/` + `TECHNICAL ANALYSIS`,
    // `…/up.php.` + `Another thread`: a capitalised or all-caps word starts a new sentence,
    // heading or header line, never a path segment that merely wrapped.
    if (/^[A-Z]/.test(second)) return false;
    // A lower-case word followed by more words on its line is prose resuming after the URL.
    if (context.proseFollows) return false;
  }
  const last = first.charAt(first.length - 1);
  // A URL quoted in an attribute (`Type="http://…/attachedT` / `emplate" Id=…`) goes on to the
  // quote that closes it, even mid-word.
  if (context.openQuote !== undefined && second.charAt(piece.length) === context.openQuote) return true;
  // After a separator any path piece continues; a mid-token break needs a continuation
  // that itself reads as a path piece (`27.html`), so prose is never glued on.
  return /[/\-_=?&.%]/.test(last) || PATH_PUNCT.test(piece);
}

/** The quote just before a URL's scheme in its token, when the token does not close it. */
function openQuoteOf(head: string, schemeAt: number): string | undefined {
  const quote = head.charAt(schemeAt - 1);
  return (quote === '"' || quote === "'") && !head.includes(quote, schemeAt) ? quote : undefined;
}

function accepts(kind: JoinKind, first: string, second: string, context: TailContext): boolean {
  switch (kind) {
    case 'cve':
      return /^\d{4,7}(?![0-9])/.test(second);
    case 'host': {
      const host = /^[A-Za-z0-9][A-Za-z0-9_.-]*/.exec(second)?.[0].replace(/\.$/, '') ?? '';
      const head = /[A-Za-z0-9][A-Za-z0-9.-]*-$/.exec(first)?.[0] ?? '';
      return host.includes('.') && classifyHost(head + host, true) !== undefined;
    }
    case 'url':
      return acceptsUrl(first, second, context);
    case 'hex':
      return HEX.test(second);
    case 'base58':
      return BASE58.test(second);
  }
}

/** Character classes of `lineMayJoin`, by char code below 0x80. */
const PRINTABLE = 1;
const HEX_DIGIT = 2;
const BASE58_CHAR = 4;
const CLASSES = new Uint8Array(128);
for (let code = 0x21; code <= 0x7e; code++) {
  const char = String.fromCharCode(code);
  CLASSES[code] = PRINTABLE | (/[0-9A-Fa-f]/.test(char) ? HEX_DIGIT : 0) | (/[1-9A-HJ-NP-Za-km-z]/.test(char) ? BASE58_CHAR : 0);
}

/**
 * Where a join can start: a line holding a URL (`://`), or a token ending in `-` (a host or
 * CVE id wrapped at its hyphen), in 4+ hex digits (a split hash) or in 20+ base58
 * characters (a split wallet). A superset of what `joinKind` accepts. One pass over the
 * characters, linear on any input (issue 16: the regular expression it replaces read up
 * to 20 characters ahead at every offset). Returns the offset of the first such line at
 * or after `from` (a line start), or -1.
 */
/** Whether a token could start a join (`joinKind` accepts a subset): the line filter's test for one token. */
function mayStartJoin(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end - 1) === 0x2d) return true;
  let hexRun = 0;
  let base58Run = 0;
  for (let i = end - 1; i >= start; i--) {
    const kind = CLASSES[text.charCodeAt(i)] ?? 0;
    if (hexRun === end - 1 - i && (kind & HEX_DIGIT) !== 0) hexRun++;
    if (base58Run === end - 1 - i && (kind & BASE58_CHAR) !== 0) base58Run++;
    if (hexRun < end - i && base58Run < end - i) break;
  }
  return hexRun >= 4 || base58Run >= 20 || text.slice(start, end).includes('://');
}

export function nextJoinLine(text: string, from: number): number {
  let lineStart = from;
  let hexRun = 0;
  let base58Run = 0;
  let previous = 0;
  for (let i = from; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x0a;
    const kind = code < 0x80 ? (CLASSES[code] ?? 0) : 0;
    if ((kind & PRINTABLE) !== 0) {
      if (code === 0x3a && text.charCodeAt(i + 1) === 0x2f && text.charCodeAt(i + 2) === 0x2f) return lineStart;
      hexRun = (kind & HEX_DIGIT) !== 0 ? hexRun + 1 : 0;
      base58Run = (kind & BASE58_CHAR) !== 0 ? base58Run + 1 : 0;
      previous = code;
      continue;
    }
    // A token ends here.
    if (previous === 0x2d || hexRun >= 4 || base58Run >= 20) return i < text.length ? lineStart : -1;
    hexRun = 0;
    base58Run = 0;
    previous = 0;
    if (code === 0x0a) lineStart = i + 1;
  }
  return -1;
}

export function findWrappedIndicators(mapped: MappedText): WrappedIndicators {
  const text = mapped.text;
  const located: Located[] = [];
  const suppressed: { start: number; end: number }[] = [];
  const used = new Set<number>();
  // Only lines where a join can start are tokenised (most lines of a report cannot): the
  // filter finds each such line, which is then handled whole, in order.
  for (let lineStart = nextJoinLine(text, 0); lineStart !== -1; lineStart = nextJoinLine(text, text.indexOf('\n', lineStart) + 1)) {
    const newline = text.indexOf('\n', lineStart);
    // The last line has nothing after it to join with.
    if (newline === -1) break;
    const lineEnd = newline;
    const tokens = tokensOfLine(text, lineStart, lineEnd);
    let next: Token[] | undefined;
    let nextAdjacent: Token[] | undefined;
    for (const [index, token] of tokens.entries()) {
      if (used.has(token.start) || !mayStartJoin(text, token.start, token.end)) continue;
      const piece = text.slice(token.start, token.end);
      const gap = text.slice(token.end, tokens[index + 1]?.start ?? lineEnd);
      const last = index === tokens.length - 1 || gap.length >= 2;
      const kind = joinKind(piece, text, last);
      if (kind === undefined || (kind !== 'hex' && !last)) continue;
      // A URL continues on the next line only when it runs to the end of its line or of its
      // table column; `…/svc.binからローダーをダウン` ended at the Japanese text, not at a wrap.
      if (kind === 'url' && !/^(?:[ \t\r]*$| {2})/.test(gap)) continue;
      let pieces: Token[] | undefined;
      if (kind === 'url') {
        nextAdjacent ??= nextLineTokens(text, lineStart, 0);
        pieces = joinFrom(mapped, token, kind, nextAdjacent);
      } else {
        next ??= nextLineTokens(text, lineStart);
        pieces = joinFrom(mapped, token, kind, next);
      }
      if (pieces === undefined) continue;
      const joined = virtualText(mapped, pieces);
      const found = scanAll(joined);
      const junction = pieces[0] === undefined ? 0 : pieces[0].end - pieces[0].start;
      const crossing = found.filter((candidate) => candidate.start < junction && candidate.end > junction);
      if (crossing.length === 0) continue;
      for (const piece of pieces) {
        used.add(piece.start);
        suppressed.push({ start: piece.start, end: piece.end });
      }
      for (const candidate of found) {
        const span = originalSpan(joined, candidate.start, candidate.end);
        located.push({ candidate, start: span.start, end: span.end, defanged: isDefanged(joined, candidate.start, candidate.end) });
      }
    }
  }
  return { located, suppressed };
}

function joinFrom(mapped: MappedText, first: Token, kind: JoinKind, next: readonly Token[]): Token[] | undefined {
  const text = mapped.text;
  const head = text.slice(first.start, first.end);
  const schemeAt = kind === 'url' ? Math.max(0, head.search(/[A-Za-z]+:\/\//)) : 0;
  const openQuote = kind === 'url' ? openQuoteOf(head, schemeAt) : undefined;
  for (const candidate of continuations(first, next, first.column + schemeAt)) {
    const tail = text.slice(candidate.start, candidate.end);
    const index = next.indexOf(candidate);
    const after = next[index + 1];
    if (!accepts(kind, head, tail, tailContext(next, index, openQuote))) continue;
    if (kind === 'hex') return joinHex(mapped, first, candidate);
    if (kind === 'base58') {
      const headRun = BASE58_TAIL.exec(head)?.[0] ?? '';
      return [{ ...first, start: first.end - headRun.length }, candidate];
    }
    if (kind === 'url') return [first, candidate, ...furtherUrlPieces(text, first, candidate, tail, after)];
    return [first, candidate];
  }
  return undefined;
}

/** The most lines one URL is joined over (a long query in a narrow column). */
const MAX_URL_PIECES = 6;
/** A URL broken after a separator or a whole `%xx` escape, where a line may end before it is full. */
const BREAKS_AT_SEPARATOR = /(?:[/\-_=?&.%]|%[0-9A-Fa-f]{2})$/;
/** What may follow a piece that goes on below: nothing, or a column gap. */
const RUNS_TO_LINE_END = /^(?:[ \t\r]*$| {2})/;

/**
 * The pieces of a URL on the lines after its second: it continues from a piece that runs
 * to the end of its line or column, onto the next line (no blank line between), when that
 * line's piece at the same column reads as the rest of a path or query, as the second did,
 * and the line above ended at a separator or was full.
 * `…%D9%84-` / `%DA%86…%D9%87-` / `%D8%AD…` is one URL over three lines.
 */
function furtherUrlPieces(text: string, first: Token, second: Token, secondText: string, afterSecond: Token | undefined): Token[] {
  const more: Token[] = [];
  let piece = second;
  let pieceText = secondText;
  let after = afterSecond;
  let previousLength = first.end - first.start;
  while (more.length < MAX_URL_PIECES - 2) {
    const lineEnd = text.indexOf('\n', piece.end);
    if (lineEnd === -1 || !RUNS_TO_LINE_END.test(text.slice(piece.end, after?.start ?? lineEnd))) break;
    // A line broken mid-word was full (as long as the one above it); a shorter one is the URL's end.
    if (!BREAKS_AT_SEPARATOR.test(pieceText) && pieceText.length < previousLength - 2) break;
    const next = nextLineTokens(text, piece.start, 0);
    const current = piece;
    // Lines of one wrapped URL start at one column (the page margin in pdf.js lines, the
    // cell in pdftotext's layout): a piece further along is under the one before, never a
    // label at the start of a table row (`SHA-256    312a…`).
    const at = next.findIndex((token, index) => Math.abs(token.column - current.column) <= 2 && acceptsUrl(pieceText, text.slice(token.start, token.end), tailContext(next, index)));
    const found = next[at];
    if (found === undefined) break;
    more.push(found);
    previousLength = pieceText.length;
    piece = found;
    pieceText = text.slice(found.start, found.end);
    after = next[at + 1];
  }
  return more;
}

/** The pieces laid end to end, each character still mapped to its page offset. */
function virtualText(mapped: MappedText, pieces: readonly Token[]): MappedText {
  const text = pieces.map((piece) => mapped.text.slice(piece.start, piece.end)).join('');
  const origin = new Int32Array(text.length + 1);
  const defanged = new Uint8Array(text.length);
  let at = 0;
  for (const piece of pieces) {
    for (let i = piece.start; i < piece.end; i++, at++) {
      origin[at] = mapped.origin[i] ?? 0;
      defanged[at] = mapped.defanged[i] ?? 0;
    }
  }
  const lastPiece = pieces[pieces.length - 1];
  origin[text.length] = lastPiece === undefined ? 0 : (mapped.origin[lastPiece.end] ?? 0);
  return { text, origin, defanged };
}

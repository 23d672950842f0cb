/**
 * Hashes split over lines or table cells (issue 16): a SHA-256 printed as two halves looks
 * like two MD5s, a SHA-512 as two SHA-256s or four MD5s, and a cut after 40 digits like a
 * SHA-1. The pieces are joined when together they make a hash of a known length and
 *   - one piece is not a hash length on its own (24 digits are nothing by themselves), or
 *   - the nearest hash label (a column header, `SHA256:`, `ハッシュ値(SHA-512)`) names the
 *     joined length, or
 *   - no label is near and the layout says "wrapped cell": the first piece shares its line
 *     with other cells and each continuation is alone on its line.
 * A label naming the pieces' own length (`MD5` over a list of MD5s) keeps them apart. A
 * piece that is a number heading its own line — `20160509: …`, `20151108 (64bit):`, a build
 * date or version labelling a hash of a list — joins only when a label names the joined
 * length.
 */
import { continuations, HEX_TAIL, nextLineTokens, type Token } from './lineJoins.ts';
import type { MappedText } from './mappedText.ts';
import { HASH_LENGTHS } from './scan/hashes.ts';

/** A piece: hex digits, then at most closing punctuation (`…0a08)` ends the sentence). */
const PIECE = /^([0-9A-Fa-f]+)[)\]}>.,;:'"」）。、]*$/;
const MAX_PIECES = 4;
/** How far before a split hash its label may stand (a header row, the sentence before). */
const LABEL_WINDOW = 400;
const LABEL = /(?<![A-Za-z0-9])(md5|sha-?1|sha-?256|sha2-?256|sha-?512|sha2-?512)(?![0-9])/gi;

function labelLength(label: string): number {
  const name = label.toLowerCase().replace(/-/g, '');
  if (name === 'md5') return 32;
  if (name === 'sha1') return 40;
  if (name === 'sha256' || name === 'sha2256') return 64;
  return 128;
}

/** The length the label nearest to `start` names, looking back a few lines and along its line. */
export function nearestHashLabel(text: string, start: number, lineEnd: number): number | undefined {
  const from = Math.max(0, start - LABEL_WINDOW);
  const window = text.slice(from, lineEnd);
  let best: { distance: number; length: number } | undefined;
  LABEL.lastIndex = 0;
  for (let match = LABEL.exec(window); match !== null; match = LABEL.exec(window)) {
    const at = from + match.index;
    const distance = Math.abs(start - at);
    if (best === undefined || distance <= best.distance) best = { distance, length: labelLength(match[1] ?? '') };
  }
  return best?.length;
}

function lineEndOf(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

/** Whether other cells stand before the piece on its line (`loader.dll   e3b0…`). */
function sharesLine(text: string, token: Token): boolean {
  const lineStart = text.lastIndexOf('\n', token.start - 1) + 1;
  return /[^\s|]/.test(text.slice(lineStart, token.start).replace(/\(?\s*sha-?\d*\s*[:：]?\s*$/i, ''));
}

/** All decimal digits, then a colon or a space and more words on its line: a number that labels what follows. */
const NUMBER = /^[0-9]+$/;
const HEADING_AFTER = /^(?:[:：]| [^\s|])/;

function headsItsLine(text: string, hex: string, end: number): boolean {
  return NUMBER.test(hex) && HEADING_AFTER.test(text.slice(end, end + 2));
}

function aloneOnLine(text: string, token: Token): boolean {
  const lineStart = text.lastIndexOf('\n', token.start - 1) + 1;
  const rest = text.slice(lineStart, lineEndOf(text, token.end)).replace(text.slice(token.start, token.end), '');
  return !/[^\s|]/.test(rest);
}

/** The pieces of a split hash starting at `first` and continuing with `second`, or undefined. */
export function joinHex(mapped: MappedText, first: Token, second: Token): Token[] | undefined {
  const text = mapped.text;
  // A continuation that is not all hex (`and`, `Analysis`) leaves one piece: nothing to join.
  if (!PIECE.test(text.slice(second.start, second.end))) return undefined;
  const headHex = HEX_TAIL.exec(text.slice(first.start, first.end))?.[0] ?? '';
  const head: Token = { ...first, start: first.end - headHex.length };
  // The chain of pure-hex continuations, each under the one before.
  const chain: Token[] = [head];
  /** Per piece, whether it is a number heading its line. */
  const headings: boolean[] = [headsItsLine(text, headHex, first.end)];
  let candidate: Token | undefined = second;
  while (candidate !== undefined && chain.length < MAX_PIECES) {
    const hex = PIECE.exec(text.slice(candidate.start, candidate.end))?.[1];
    if (hex === undefined) break;
    chain.push({ ...candidate, end: candidate.start + hex.length });
    headings.push(headsItsLine(text, hex, candidate.start + hex.length));
    if (hex.length < candidate.end - candidate.start) break;
    const total = chain.reduce((sum, piece) => sum + piece.end - piece.start, 0);
    if (total >= 128) break;
    const previous: Token = candidate;
    candidate = continuations(previous, nextLineTokens(text, previous.start)).find((token) => PIECE.test(text.slice(token.start, token.end)));
  }
  const lengths = chain.map((piece) => piece.end - piece.start);
  // Looked up only when some pieces add up to a hash (most heads are years or words).
  let label: number | undefined | null = null;
  // The longest prefix of two or more pieces that is a hash and that the rules allow.
  for (let count = chain.length; count >= 2; count--) {
    const total = lengths.slice(0, count).reduce((sum, length) => sum + length, 0);
    if (!HASH_LENGTHS.has(total)) continue;
    if (label === null) label = nearestHashLabel(text, head.start, lineEndOf(text, head.end));
    const pieces = chain.slice(0, count);
    if (label === total) return pieces;
    if (headings.slice(0, count).some(Boolean)) continue;
    const oddPiece = lengths.slice(0, count).some((length) => !HASH_LENGTHS.has(length));
    if (label !== undefined) {
      if (oddPiece && label !== lengths[0]) return pieces;
      continue;
    }
    if (oddPiece) return pieces;
    if (sharesLine(text, head) && pieces.slice(1).every((piece) => aloneOnLine(text, piece))) return pieces;
  }
  return undefined;
}

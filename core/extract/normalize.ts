/**
 * Unicode normalisation for matching, with an offset map back to the page text.
 *
 * NFKC folds the forms that real reports put inside indicators: full-width ASCII in
 * Japanese text (`１９８．５１`, `［．］`, `＠`, U+FF0D), and typographic ligatures that PDF
 * text layers leave inside hashes and domains (`ﬀ`, `ﬂ`). It is applied one character
 * at a time so every output character knows its source offset.
 */
import { identityMapped, MappedBuilder, type MappedText } from './mappedText.ts';

/** Characters folded beyond NFKC, for reasons NFKC does not know about. */
const EXTRA_FOLDS: ReadonlyMap<string, string> = new Map([
  // Japanese fonts render the backslash as a yen sign, so Windows paths arrive as C:¥Users¥….
  ['\u00A5', '\\'],
  ['\uFFE5', '\\'],
  // Hyphens and minus signs that layout engines substitute for ASCII '-'.
  ['\u2010', '-'],
  ['\u2011', '-'],
  ['\u2012', '-'],
  ['\u2212', '-'],
  // Full-width and ideographic dots used as defangs between labels are folded by NFKC,
  // except the halfwidth ideographic full stop.
  ['\uFF61', '\u3002'],
  // Superscript digits are footnote marks (`203.0.113.45¹`, `CVE-2023-46805²`), not more
  // digits of the value: NFKC would fold them into it. A space ends the value instead.
  ...['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'].map((mark): [string, string] => [mark, ' ']),
]);

/** Invisible characters that split tokens in PDF text for no visible reason. */
const DROPPED = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);

/** Full-width forms that Japanese reports use as defangs between labels (`cdn-syncnode．org`). */
const DEFANG_MARKS = new Set(['\uFF0E', '\uFF20']);

const cache = new Map<string, string>();

function fold(char: string): string {
  const extra = EXTRA_FOLDS.get(char);
  if (extra !== undefined) return extra;
  if (DROPPED.has(char)) return '';
  let folded = cache.get(char);
  if (folded === undefined) {
    folded = char.normalize('NFKC');
    // NFKC turns some symbols into sequences with spaces (e.g. U+00A8); those carry no
    // indicator text, so they stay as written to keep the text's shape.
    if (folded.includes(' ') && folded.length > 1) folded = char;
    if (cache.size < 4096) cache.set(char, folded);
  }
  return folded;
}

/**
 * Per BMP code unit: 0 not yet known, 1 kept as written, 2 folded or a defang mark. A
 * Japanese page is mostly such characters, and one array read each is what keeps it fast
 * (issue 16; three map lookups and a string per character before).
 */
const VERBATIM = new Uint8Array(0x10000);

function staysVerbatim(code: number): boolean {
  let known = VERBATIM[code] ?? 0;
  if (known === 0) {
    const char = String.fromCharCode(code);
    known = !DEFANG_MARKS.has(char) && fold(char) === char ? 1 : 2;
    VERBATIM[code] = known;
  }
  return known === 1;
}

/** Anything outside ASCII: only then can a character need folding. */
const NON_ASCII = /[^\u0020-\u007E\t\n\r\f\v]/;
const NEXT_NON_ASCII = /[\u0080-\uFFFF]/g;

export function normalizeForMatching(text: string): MappedText {
  // Most pages of English reports are pure ASCII: nothing to fold, the identity mapping.
  if (!NON_ASCII.test(text)) return identityMapped(text);
  // Made at the first character that changes: most pages with non-ASCII text (`’`, `•`,
  // kana) change nothing, and two typed arrays the page's length each were most of their
  // time (issue 16, speed).
  let out: MappedBuilder | undefined;
  let asciiStart = 0;
  let i = 0;
  const flushAscii = (end: number): MappedBuilder => {
    out ??= new MappedBuilder(text.length);
    if (end > asciiStart) out.pushVerbatim(text.slice(asciiStart, end), asciiStart);
    return out;
  };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // An ASCII run is passed over by the expression engine, not a character at a time:
      // an English page holds a few `’` and `•` in thousands of ASCII characters (issue 16).
      NEXT_NON_ASCII.lastIndex = i + 1;
      i = NEXT_NON_ASCII.exec(text)?.index ?? text.length;
      continue;
    }
    // A BMP character that folds to itself (kana, kanji, `•`, `’` …) stays in the verbatim
    // run: only characters that change break it, which keeps most pages one or two runs.
    if ((code < 0xd800 || code > 0xdfff) && staysVerbatim(code)) {
      i++;
      continue;
    }
    const builder = flushAscii(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const char = text.slice(i, i + width);
    builder.push(fold(char), i, DEFANG_MARKS.has(char));
    i += width;
    asciiStart = i;
  }
  // Nothing changed: the identity mapping, without copying the text.
  if (out === undefined) return identityMapped(text);
  return flushAscii(text.length).build(text.length);
}

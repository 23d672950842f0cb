/**
 * Words for name matching. A Latin word is a run of letters, digits and underscores; each
 * kanji or kana is a word by itself, since Japanese has no spaces: `Turlaは` is `Turla` +
 * `は`, and a Japanese name matches wherever its characters stand side by side.
 */
export interface Token {
  /** Lower-case form, the index key. */
  key: string;
  start: number;
  end: number;
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC\\u3005';
const TOKEN = new RegExp(`[${CJK}]|[^\\s${CJK}\\p{P}\\p{S}\\p{Z}\\p{C}]+|_`, 'gu');
const UNDERSCORE_JOIN = /_/;

export const JAPANESE = new RegExp(`[${CJK}]`, 'u');

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const last = tokens[tokens.length - 1];
    // `Anchor_DNS`, `down_new`: an underscore joins its neighbours into one identifier.
    if (last && last.end === start && (UNDERSCORE_JOIN.test(match[0]) || text[start - 1] === '_') && !JAPANESE.test(match[0])) {
      last.end = end;
      last.key = text.slice(last.start, end).toLowerCase();
      continue;
    }
    tokens.push({ key: match[0].toLowerCase(), start, end });
  }
  return tokens;
}

/** What stands between two words, white space of any kind read as one space. */
export function separator(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/\s+/g, ' ');
}

/** `Brute-Ratel C4` is `Brute Ratel C4`: a hyphen between two words reads as a space. */
export function sameSeparator(written: string, indexed: string): boolean {
  const loose = (value: string): string => (/^[-‐‑–]$/.test(value) ? ' ' : value);
  return loose(written) === loose(indexed);
}

/**
 * Undoes the defang forms analysts write so that indicators can be matched as plain
 * text. One left-to-right pass with a single regular expression whose pieces are all
 * bounded, so the pass is linear in the length of the text.
 */
import { identityMapped, MappedBuilder, type MappedText } from './mappedText.ts';
import { normalizeForMatching } from './normalize.ts';

const OPEN = String.raw`\\?[\[\(\{]`;
const CLOSE = String.raw`\\?[\]\)\}]`;
const BRACKET_OPEN = String.raw`\\?[\[\{]`;

const FORMS: readonly { name: string; pattern: string }[] = [
  // hxxp, hXXps, h**p, fxp: only when a scheme separator follows, so `hxxpfoo` stays text.
  { name: 'scheme', pattern: String.raw`(?<![A-Za-z0-9])(?:[hH](?:[xX]{2}|\*\*|[tT][xX]|[xX][tT])[pP]|[fF][xX][pP])[sS]?(?=${OPEN}?:)` },
  { name: 'separator', pattern: String.raw`${OPEN}:\/\/${CLOSE}` },
  { name: 'colon', pattern: String.raw`${OPEN}:${CLOSE}` },
  { name: 'slash', pattern: String.raw`${OPEN}\/${CLOSE}|\[\/(?=[A-Za-z0-9])` },
  { name: 'at', pattern: String.raw` {0,2}${OPEN}(?:@|at|AT) {0,2}${CLOSE} {0,2}` },
  // `[.]`, `(.)`, `{.}`, `[dot]`, spaced `example [.] com`, stacked `[[[ . ])]`, and the
  // one-sided `[.com` / `example.]com` that some tools produce.
  { name: 'dot', pattern: String.raw` {0,3}${OPEN}{1,3} {0,3}(?:\.|dot|DOT|Dot) {0,3}${CLOSE}{1,3} {0,3}(?=[A-Za-z0-9_])` },
  { name: 'dot', pattern: String.raw`${OPEN}{1,3}(?:dot|DOT|Dot)${CLOSE}{1,3}` },
  { name: 'dot', pattern: String.raw`${OPEN}{1,3}\.${CLOSE}{1,3}` },
  { name: 'dot', pattern: String.raw` {0,3}${BRACKET_OPEN}{1,3}\.(?=[A-Za-z0-9])` },
  { name: 'dot', pattern: String.raw`(?<=[A-Za-z0-9])\.${CLOSE}{1,3}(?=[A-Za-z0-9])` },
  { name: 'dot', pattern: String.raw`(?<=[A-Za-z0-9])\\\.(?=[A-Za-z0-9])` },
];

/** Every form, one capturing group each, in FORMS order. */
export const FORM_ALTERNATIVES = FORMS.map((form) => `(${form.pattern})`).join('|');
/**
 * What every form starts with: a bracket, a backslash, the `.` of `example.]com`, the `h`
 * or `f` of `hxxp`/`fxp`, or up to three spaces before an opening bracket. Tested first, it
 * lets the search pass over ordinary letters instead of trying eleven forms at each
 * (issue 16, speed; a property test compares it with the forms alone).
 */
const FORM_START = String.raw`(?=[\\\[\(\{\]\)\}hHfF.]| {1,3}[\\\[\(\{])`;
const FORM_PATTERN = new RegExp(`${FORM_START}(?:${FORM_ALTERNATIVES})`, 'g');

function replacementFor(formIndex: number, matched: string): string {
  const form = FORMS[formIndex];
  if (form === undefined) return matched;
  switch (form.name) {
    case 'scheme': {
      const secure = /[sS]$/.test(matched) ? 's' : '';
      return (/^[fF]/.test(matched) ? 'ftp' : 'http') + secure;
    }
    case 'separator':
      return '://';
    case 'colon':
      return ':';
    case 'slash':
      return '/';
    case 'at':
      return '@';
    default:
      return '.';
  }
}

/** Refangs already-normalised mapped text, marking the rewritten characters as defanged. */
export function refangMapped(source: MappedText): MappedText {
  FORM_PATTERN.lastIndex = 0;
  let match = FORM_PATTERN.exec(source.text);
  // Nothing defanged (most pages): the text and its mapping stay as they are.
  if (match === null) return source;
  const out = new MappedBuilder(source.text.length);
  let copied = 0;
  for (; match !== null; match = FORM_PATTERN.exec(source.text)) {
    let formIndex = -1;
    for (let group = 1; group < match.length && formIndex === -1; group++) if (match[group] !== undefined) formIndex = group - 1;
    out.copy(source, copied, match.index);
    out.push(replacementFor(formIndex, match[0]), source.origin[match.index] ?? 0, true);
    copied = match.index + match[0].length;
    if (match[0].length === 0) FORM_PATTERN.lastIndex++;
  }
  out.copy(source, copied, source.text.length);
  return out.build(source.origin[source.text.length] ?? source.text.length);
}

/** Normalises (NFKC, full-width forms) and refangs a page's text for matching. */
export function prepareText(text: string): MappedText {
  return refangMapped(normalizeForMatching(text));
}

/** The refanged, normalised form of `text` (`hxxp://evil[.]com` → `http://evil.com`). */
export function refang(text: string): string {
  return refangMapped(normalizeForMatching(text)).text;
}

export { identityMapped };

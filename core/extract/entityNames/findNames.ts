/**
 * findEntityNames: where the names and aliases of known objects appear in a document.
 * Each page is NFKC-normalised (full-width `Ｍｉｍｉｋａｔｚ` reads as `Mimikatz`) with a map
 * back to the page, read word by word against the name index (leftmost, longest name
 * first), and each hit is checked for case (rules.ts) and for standing inside a domain,
 * URL, e-mail address, registry key or path: those are the extractor's own spans
 * (locateCandidates), computed for a page only when a hit touches a `.`, `@`, `/`, `\`
 * or `:`, so prose pages pay nothing for them.
 */
import { locateCandidates } from '../extract.ts';
import { originalSpan } from '../mappedText.ts';
import { normalizeForMatching } from '../normalize.ts';
import type { Occurrence, TextPage } from '../types.ts';
import type { IndexedName, NameIndex } from './nameIndex.ts';
import { isKindNoun, kindHintAt, namesAVulnerability, sectorNounAfter, writtenAsCommand } from './context.ts';
import { isEnglishWord } from './commonWords.ts';
import { caseFits } from './rules.ts';
import { JAPANESE, sameSeparator, separator, tokenize, type Token } from './tokens.ts';
import { ownersOfKind, resolveMatches, type Hit } from './resolve.ts';
import type { EntityMatch, EntityType, FindNamesOptions } from './types.ts';

const CONTEXT_CHARS = 40;
/** A sector's noun after its name says what it is, as `malware` after `Snake` does. */
const SECTOR_KIND: readonly EntityType[] = ['identity'];

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/** The name's words from token `i` on, with the same separators; returns the end offset or -1. */
function matchAt(text: string, tokens: readonly Token[], i: number, name: IndexedName): number {
  const first = tokens[i];
  if (!first) return -1;
  if (name.lead !== '' && text.slice(first.start - name.lead.length, first.start) !== name.lead) return -1;
  for (let k = 1; k < name.keys.length; k++) {
    const token = tokens[i + k];
    const previous = tokens[i + k - 1];
    if (!token || !previous || token.key !== name.keys[k] || !sameSeparator(separator(text, previous.end, token.start), name.separators[k - 1] ?? '')) return -1;
  }
  const end = tokens[i + name.keys.length - 1]?.end ?? -1;
  if (name.trail !== '' && text.slice(end, end + name.trail.length) !== name.trail) return -1;
  return end + name.trail.length;
}

/** A capital after a full stop, at a line's start or after a bullet says nothing about a name. */
function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const char = text.charAt(i);
    if (char === '\n') return true;
    if (/\s|["'“‘(（「]/.test(char)) continue;
    // A sentence's end, a colon, a dash, or a list's bullet — including a symbol font's
    // (U+F0B7 and the rest of the private use area, as PDFs of Word documents extract it).
    return /[.!?。！？•·\-–—:‣⁃▪▫■□●○◆◇❖➢➤►▶▸✓✔\uE000-\uF8FF]/u.test(char);
  }
  return true;
}

/** `Backdoor:Win32/`, `Trojan:Win64/`, `HackTool:MSIL/`: a detection name's type and platform. */
const DETECTION_NAME = /^[A-Za-z]+:[A-Za-z0-9]+\/$/;

/** A hit inside a Windows path (`…\Emotet\…`) or a Unix one (`/tmp/sliver/implant`). */
function insidePath(text: string, start: number, end: number): boolean {
  if (text.charAt(start - 1) === '\\' || text.charAt(end) === '\\') return true;
  let from = start;
  // Japanese ends the run too: in `ipconfig /allとarp`, `arp` is a word after a particle, not in `/allとarp`.
  while (from > 0 && !/[\s"'“(（「、。]/.test(text.charAt(from - 1)) && !JAPANESE.test(text.charAt(from - 1))) from--;
  const run = text.slice(from, start);
  // An antivirus detection name (`Backdoor:Win32/PlugX.gen!A`) names the family after its platform's slash.
  if (DETECTION_NAME.test(run)) return false;
  return /^(?:~|\.{1,2})?\//.test(run) || (run.includes('/') && /\/$/.test(run));
}

const RUN_END = /[\s"'“”‘’()（）「」『』【】、。,;]/;

/** Whether the run of characters around a hit holds a `.`, `@`, `/`, `\` or `:` inside it: maybe a host, URL or address. */
function mayBeInsideIndicator(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !RUN_END.test(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !RUN_END.test(text.charAt(to))) to++;
  // A full stop or colon that ends the run ends a sentence or a label.
  return /[.@/\\:]/.test(text.slice(from, to).replace(/[.:!?]+$/, ''));
}

/** The extractor's spans of one page (in the normalised text) that a name must not stand in. */
function maskedSpans(pageText: string): { start: number; end: number }[] {
  return locateCandidates(pageText)
    .filter(({ candidate, start, end }) => {
      if (candidate.type === 'url' || candidate.type === 'domain-name' || candidate.type === 'email-addr' || candidate.type === 'windows-registry-key') return true;
      return candidate.type === 'file' && /[\\/]/.test(pageText.slice(start, end));
    })
    .map(({ start, end }) => ({ start, end }));
}

/**
 * Whether the hit is the first word of another proper name (`Royal Navy`, `Carbon Trust`,
 * `Play Store`, `Lazarus Project`, `Play HD Audio`): a capitalised or all-capital word
 * follows after one space that is neither the noun of a kind (`Royal Ransomware`, `Equation
 * APT`) nor the start of a known name.
 */
function opensAnotherName(text: string, tokens: readonly Token[], next: number, end: number, index: NameIndex): boolean {
  const token = tokens[next];
  if (!token || token.start !== end + 1 || text.charAt(end) !== ' ') return false;
  const word = text.slice(token.start, token.end);
  if (!/^(?:\p{Lu}\p{Ll}+|\p{Lu}{2,})$/u.test(word) || isKindNoun(word)) return false;
  return !(index.byFirstKey.get(token.key) ?? []).some((name) => matchAt(text, tokens, next, name) >= 0);
}

/**
 * A person's name (`Kevin Okafor on…`, `Denis Laurent`): a name written as one capitalised
 * word opens another proper name of exactly two words whose second is no English word. A
 * longer run of capitals is a title (`Latrodectus Scheduled Task Creation`) and an English
 * word a headline's verb (`Emotet Returns`), where the name stands.
 */
function opensAPersonsName(text: string, tokens: readonly Token[], next: number, end: number, index: NameIndex): boolean {
  const after = tokens[next + 1];
  const word = tokens[next];
  const written = word ? text.slice(word.start, word.end) : '';
  // A surname is no English word: `Emotet Returns`, `Kevin Spreads` are headlines about the name.
  if (!word || !/^\p{Lu}\p{Ll}+$/u.test(written) || isEnglishWord(written.toLowerCase()) || !opensAnotherName(text, tokens, next, end, index)) return false;
  return !(after && after.start === word.end + 1 && text.charAt(word.end) === ' ' && /^\p{Lu}/u.test(text.slice(after.start, after.end)));
}

/**
 * `zlib compression`, `zlib-compressed`, `zlib圧縮`, `the zlib library`: software written in
 * lower case, where its name has capitals (`ZLib`), before the noun of a format or an
 * algorithm is that library or format, not the malware named after it.
 */
const FORMAT_AFTER = /^(?:[- ](?:(?:de)?compress(?:ed|ion|or)?|librar(?:y|ies)|stream|(?:en|de)cod(?:ed|ing|er)|format|algorithm|archive|header)\b|[ \t]*(?:圧縮|展開|解凍|ライブラリ|形式|アルゴリズム|エンコード|デコード))/i;

function namesAFormat(name: IndexedName, written: string, text: string, end: number): boolean {
  return written === written.toLowerCase() && name.name !== name.name.toLowerCase() && FORMAT_AFTER.test(text.slice(end, end + 24));
}

/** `Page 3`, `Page 3 of 12`: a word that numbers something (a page, a slide) is page furniture, not a name. */
const NUMBERED = /^[ \t]+\d+(?:[ \t]*(?:of|\/)[ \t]*\d+)?(?![\d.])/;

/** A person: a title before the name (`Dr. Kevin Okafor`), or a Japanese honorific after it or its surname (`Kevin Tanaka 氏`, `Page氏`). */
const TITLE_BEFORE = /\b(?:Mr|Ms|Mrs|Dr|Prof|Mx)\.?[ \t]+$/;
const HONORIFIC_AFTER = /^[ \t]*(?:\p{Lu}\p{Ll}+[ \t]*)?(?:氏|さん|様|教授|博士)/u;

function namesAPerson(text: string, start: number, end: number): boolean {
  return TITLE_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || HONORIFIC_AFTER.test(text.slice(end, end + 24));
}

/** A katakana word: a Japanese noun, mostly a loanword (a particle, `と`, `の`, is hiragana). */
const KATAKANA_NOUN_START = /^[\p{Script=Katakana}]/u;

/** `遊び（Play）`, `炭素（Carbon）`: an English word in brackets right after a Japanese word is its translation. */
function japaneseGloss(text: string, start: number, end: number): boolean {
  return text.charAt(start - 1) === '(' && text.charAt(end) === ')' && JAPANESE.test(text.charAt(start - 2));
}

function scanPage(page: TextPage, index: NameIndex, visit: (hit: Hit) => void): void {
  // A lower-case word that is the name of a one-word command-line tool (`ipconfig`, `tasklist`): it marks a list of commands.
  const isCommandWord = (word: string): boolean => index.byFirstKey.get(word)?.some((name) => name.rule.command && name.keys.length === 1) === true;
  const mapped = normalizeForMatching(page.text);
  const text = mapped.text;
  const tokens = tokenize(text);
  let spans: { start: number; end: number }[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const candidates = token ? index.byFirstKey.get(token.key) : undefined;
    if (!token || !candidates) continue;
    for (const name of candidates) {
      const end = matchAt(text, tokens, i, name);
      if (end < 0) continue;
      const start = token.start - name.lead.length;
      const written = text.slice(start, end);
      const fits = caseFits(name.rule.mode, written, name.name);
      // Worked out only where it changes something: a name the case rule refuses, or one that alone would not be ticked.
      const command = name.rule.command && (!fits || name.rule.ambiguous) && writtenAsCommand(text, start, end, isCommandWord);
      const sectorNoun = name.rule.sector && sectorNounAfter(text, end);
      // A two-character Japanese sector name is an everyday word without its noun (`C2通信` is traffic).
      if (name.rule.sector && !sectorNoun && name.name.length <= 2 && JAPANESE.test(name.name)) continue;
      if (!fits && !command && !sectorNoun) continue;
      // The noun beside a hit picks among a shared spelling's owners, and confirms an ambiguous name.
      const kinds = sectorNoun ? SECTOR_KIND : name.owners.length > 1 || name.rule.ambiguous ? kindHintAt(text, start, end) : undefined;
      const ofItsKind = ownersOfKind(name, index, kinds).length > 0;
      if (!command && !sectorNoun && !ofItsKind && name.rule.englishWord) {
        // A capital at a sentence's start says nothing — unless Japanese follows: `Snakeと呼ばれる…` is no English sentence.
        if (startsSentence(text, start) && !JAPANESE.test(text.charAt(end))) continue;
        if (japaneseGloss(text, start, end)) continue;
        // `Expandボタン`, `Royalホテル`: an English word joined to a katakana noun makes one Japanese compound
        // (kanji may be a relation, `Tor経由`, `Cobalt Strike等`, so it does not count).
        if (KATAKANA_NOUN_START.test(text.charAt(end))) continue;
        if (NUMBERED.test(text.slice(end, end + 16))) continue;
      }
      if (!command && !ofItsKind && (name.rule.englishWord || name.derived) && opensAnotherName(text, tokens, i + name.keys.length, end, index)) continue;
      if (!command && !ofItsKind && name.keys.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(written) && opensAPersonsName(text, tokens, i + 1, end, index)) continue;
      if (!command && (namesAVulnerability(text, start, end) || namesAPerson(text, start, end) || namesAFormat(name, written, text, end))) continue;
      if (insidePath(text, start, end)) continue;
      const original = originalSpan(mapped, start, end);
      if (mayBeInsideIndicator(text, start, end)) {
        spans ??= maskedSpans(page.text);
        if (spans.some((span) => span.start < original.end && original.start < span.end)) continue;
      }
      const occurrence: Occurrence = { page: page.page, offset: original.start, length: original.end - original.start, context: contextOf(page.text, original.start, original.end) };
      visit({ name, occurrence, written: page.text.slice(original.start, original.end), command, ...(kinds ? { kinds } : {}) });
      // Leftmost, longest: the words of this name are not read again for a shorter one.
      i += name.keys.length - 1;
      break;
    }
  }
}

export function findEntityNames(pages: readonly TextPage[], index: NameIndex, options: FindNamesOptions = {}): EntityMatch[] {
  const hits: Hit[] = [];
  for (const page of [...pages].sort((a, b) => a.page - b.page)) scanPage(page, index, (hit) => hits.push(hit));
  return resolveMatches(hits, index, Math.max(0, options.maxOccurrences ?? 50));
}

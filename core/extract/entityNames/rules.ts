/**
 * How each name or alias is matched, and whether a match starts ticked. The rules read the
 * name's shape, never a list of names (issue 16: `at`, `net`, `Sandworm` vs `sandworm`):
 *
 * - a lower-case English word (`at`, `route`) is never matched: prose is full of them;
 * - three characters or less (`Net`, `Tor`, `LV`), an English word (`Snake`, `Play`,
 *   `ZINC`) or all capitals (`NOBELIUM`, `HIDDEN COBRA`): exact case. An English word
 *   written in camel case (`BloodHound`) is exact too, but no longer a word: distinctive; English-word
 *   names are also not taken at the start of a sentence, where a capital says nothing;
 * - with a digit (`APT29`, `FIN7`), or the name of software (`Mimikatz`, `mimikatz.exe`,
 *   `cobalt strike`: tools are often written as commands): any case — but software named
 *   by a rarer English word (`Responder`, `Aurora`: SCOWL's sizes 55–70) needs its capital;
 * - any other name of a group, campaign, country or sector is a proper noun: its first
 *   letter must be a capital as written (`Sandworm`, not `the sandworm`; `Turla`);
 * - Japanese names: as written after NFKC (full-width letters fold to ASCII);
 * - a tool named by one word (`Net`, `Ping`, `route`, `at`) is also taken in any case when
 *   it is written as a command (context.ts: `net user /domain`, `arp -a`, `net.exe`, `the at
 *   command`, `routeコマンド`, `pingで`); a lower-case English word (`route`, `at`) only then.
 *   A hit written as a command is evidence enough: it is ticked;
 * - a country whose name is an English word (`China`, `Turkey`) is matched in its exact
 *   case, also at a sentence's start, and ticked;
 * - a sector (`Energy`, `Healthcare`) is also taken in lower case before the noun of a
 *   sector (`the energy sector`, `healthcare organizations`), ticked; a Japanese sector name
 *   of two characters only before one (`通信事業者`, `金融機関`: `C2通信` is traffic).
 *
 * A match is ticked by default when a distinctive name matched, or an ambiguous one with
 * the noun of its kind beside it (`the Snake malware`, `Tickグループ`); when only ambiguous
 * names (English words, three characters or less) matched, it is ticked only when seen
 * at least twice with a name of four characters or more. See findNames.ts for the
 * masking of domains, URLs, paths and e-mail addresses.
 */
import { isEnglishWord, isRareEnglishWord } from './commonWords.ts';
import { JAPANESE, tokenize } from './tokens.ts';
import type { EntityType } from './types.ts';

/** `command`: matched only where the text writes it as a command. */
export type CaseMode = 'exact' | 'capital' | 'any' | 'command';

export interface NameRule {
  mode: CaseMode;
  /** An English word or a short token: not ticked on one sighting. */
  ambiguous: boolean;
  /** An English word: a capital at the start of a sentence is no evidence. */
  englishWord: boolean;
  /** A tool named by one word: any case where the text writes it as a command. */
  command: boolean;
  /** A sector: any case before its noun (`the energy sector`); a Japanese name of two characters only before one (`通信事業者`, not `C2通信`). */
  sector: boolean;
}

const SOFTWARE: ReadonlySet<EntityType> = new Set(['malware', 'tool']);

/** The matching rule of one NFKC-normalised name, or undefined when it is never matched. */
export function ruleFor(name: string, type: EntityType): NameRule | undefined {
  const rule = caseRuleFor(name, type);
  return rule === undefined ? undefined : { ...rule, sector: type === 'identity' };
}

function caseRuleFor(name: string, type: EntityType): Omit<NameRule, 'sector'> | undefined {
  const tokens = tokenize(name);
  if (tokens.length === 0) return undefined;
  if (JAPANESE.test(name)) return name.length < 2 ? undefined : { mode: 'exact', ambiguous: false, englishWord: false, command: false };
  const single = tokens.length === 1 && tokens[0]?.start === 0 && tokens[0].end === name.length;
  // Camel case (`BloodHound`) is no English word as written, whatever its letters spell: exact, and distinctive.
  const camelCase = /\p{Ll}\p{Lu}/u.test(name);
  const englishWord = single && !camelCase && isEnglishWord(name.toLowerCase());
  if (single && camelCase && isEnglishWord(name.toLowerCase())) return { mode: 'exact', ambiguous: false, englishWord: false, command: false };
  const command = single && type === 'tool' && /^[A-Za-z][A-Za-z0-9]*$/.test(name);
  if (englishWord && name === name.toLowerCase()) return command ? { mode: 'command', ambiguous: true, englishWord, command } : undefined;
  if (name.length <= 3) return { mode: 'exact', ambiguous: true, englishWord, command };
  // A country's name with its capital is the country, even where an English word is spelt the same (`China`, `Turkey`).
  if (englishWord && type === 'location') return { mode: 'exact', ambiguous: false, englishWord: false, command };
  if (englishWord) return { mode: 'exact', ambiguous: true, englishWord: true, command };
  const letters = name.replace(/[^\p{L}]/gu, '');
  const hasDigit = /\p{N}/u.test(name);
  // Software named by a rarer English word (`Responder`, `Aurora`) keeps its capital: "the first responder" is a person.
  if (SOFTWARE.has(type) && single && !hasDigit && isRareEnglishWord(name.toLowerCase())) return { mode: 'capital', ambiguous: false, englishWord: false, command };
  if (hasDigit || SOFTWARE.has(type)) return { mode: 'any', ambiguous: false, englishWord: false, command };
  if (letters !== '' && letters === letters.toUpperCase()) return { mode: 'exact', ambiguous: false, englishWord: false, command };
  return { mode: 'capital', ambiguous: false, englishWord: false, command };
}

/** Whether the text as written satisfies the rule's case for `name` (both NFKC, equal ignoring case). */
export function caseFits(mode: CaseMode, written: string, name: string): boolean {
  if (mode === 'any') return true;
  if (mode === 'command') return false;
  if (mode === 'exact') return written.replace(/\s+/g, ' ') === name;
  const first = name.charAt(0);
  if (first === first.toLowerCase()) return true;
  const writtenFirst = written.charAt(0);
  return writtenFirst !== writtenFirst.toLowerCase();
}

/**
 * Names such as `Sandworm Team` or `Lazarus Group` are written by their head alone
 * (`Sandworm`) in most reports: the head is matched too, as a proper noun, unless it is
 * an English word (`Cobalt` of `Cobalt Group`).
 */
export function headOf(name: string): string | undefined {
  const match = /^(\p{Lu}[\p{L}\p{N}]+) (?:Group|Team|Gang)$/u.exec(name);
  const head = match?.[1];
  return head !== undefined && head.length >= 4 && !isEnglishWord(head.toLowerCase()) ? head : undefined;
}

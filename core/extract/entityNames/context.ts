/**
 * What the words around a hit say about it (issue 16, point 2, round 2): whether a tool's
 * name is written as a command (`net localgroup administrators /domain`, `arp -a`,
 * `net.exe`, `the at command`, `routeコマンド`), and which kind of object a spelling several
 * objects share means here (`the Snake malware`, `the KeyBoy group`, `Snakeと呼ばれるマルウェア`).
 * Both read the shape of the text next to the name — switches, arguments, a particle,
 * the noun that names a kind — never a list of names.
 */
import type { EntityType } from './types.ts';

/** The rest of the line after `end`, at most 120 characters. */
function lineAfter(text: string, end: number): string {
  const rest = text.slice(end, end + 120);
  const newline = rest.indexOf('\n');
  return newline < 0 ? rest : rest.slice(0, newline);
}

/** `.exe` right after the name: the program's file. */
const EXE = /^\.exe\b/i;
/** `ping -n 1`, `ipconfig /all`, `net localgroup administrators /domain`: up to two sub-command words, then a switch. */
const SWITCH = /^[ \t]+(?:[a-z][a-z0-9]*[ \t]+){0,2}(?:\/[A-Za-z?][A-Za-z0-9?]*(?::\S*)?|--?[A-Za-z][\w-]*)(?=[\s,;.)」、。]|$)/;
/** `route print -4`: a digit switch after a sub-command (`net -4 points` is prose). */
const DIGIT_SWITCH = /^[ \t]+[a-z][a-z0-9]*[ \t]+-\d(?=[\s,;.)」、。]|$)/;
/** `reg add HKCU\…`, `net use \\host`, `net group "Domain Admins"`: a sub-command, then a key, a share or a quoted argument. */
const ARGUMENT = /^[ \t]+[a-z][a-z0-9]*[ \t]+(?:HK[A-Z_]{2,}\\|\\\\|")/;
/** `ping 10.0.0.5`, `ping -n 1 10.0.0.5`, `route add 172.16.0.0`: an address after an optional sub-command and switches. */
const ADDRESS = /^[ \t]+(?:[a-z][a-z0-9]*[ \t]+)?(?:-\S+[ \t]+)*\d{1,3}(?:\.\d{1,3}){3}\b/;
/**
 * `at 02:30 /every:F cmd /c …`, `at \\host 04:00 C:\…\s.bat`: a time, then a schedule's
 * switch or the program to run (`at 10:30 /JST` is prose). Enough even for a two-letter name.
 */
const TIME_THEN_PROGRAM = /^[ \t]+(?:\\\\\S+[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?[ \t]+(?:\/(?:every|next|interactive)\b|cmd\b|[A-Za-z]:\\|\\\\|\S+\.(?:exe|bat|cmd|ps1|vbs)\b)/i;
/** `to route`, `will route`, `we ping`: the word is a verb of the sentence, whatever follows it. */
const VERB_BEFORE = /(?:^|[^A-Za-z])(?:to|will|would|can|could|should|must|may|might|shall|please|we|they|you|i)[ \t]+$/i;
/** `the at command`, `the net user command`, `the route utility` — but not `command-and-control`. */
const COMMAND_NOUN = /^[ \t]+(?:[a-z][a-z0-9]*[ \t]+)?(?:command|utility)s?\b(?![\s-]+and[\s-]+control)/i;
/** `routeコマンド`, `net userコマンド`. */
const JA_COMMAND = /^[ \t]*(?:[a-z][a-z0-9]*[ \t]*)?コマンド/;
/** `pingで確認`, `arp -aを実行`: the particle of a means, or the object of running or using. */
const JA_MEANS = /^(?:[ \t]+(?:-|\/)\S+)*(?:で|を(?:実行|使用|使っ|用い|利用))/;

/** What separates the items of a list: a line break, a bullet, a table's bar or tab. */
const BREAK_CHARS = '\\n\\t|•・▪◦●■';
const ITEM_BREAK = new RegExp(`[${BREAK_CHARS}]`);
const ITEM_BREAKS = new RegExp(`[${BREAK_CHARS}]`, 'g');
/** Between an item's break and its first word: spaces and a dash, star or number of a list. */
const LEAD = '[ \\t]*(?:(?:[-*–]|\\d{1,2}[.)])[ \\t]+)?';
const ITEM_LEAD = new RegExp(`^${LEAD}$`);
/** An item's first word, when it is a lower-case word standing alone. */
const ITEM_WORD = new RegExp(`^${LEAD}([a-z][a-z0-9]*)(?![^ \\t\\n])`);
/** After the name: at most one sub-command word, then the item's end (a break, or a table's wide gap). */
const ITEM_TAIL = new RegExp(`^(?:[ \\t]+[a-z][a-z0-9]*)?(?:[ \\t]*(?:$|[${BREAK_CHARS}])|[ \\t]{2,})`);
/** How far around a listed name its list is read. */
const LIST_REACH = 400;

/**
 * Whether the hit is an item of a list of commands: it opens an item (`• net group`, a
 * table row `net user<TAB>…`) with at most one sub-command after it, and another item of
 * the same stretch of list opens with the name of a different command-line tool (`•
 * ipconfig`, `tasklist`). A list of prose (`• net income`, `• net assets`) has none.
 */
function listedCommand(text: string, start: number, end: number, isCommandWord: (word: string) => boolean): boolean {
  // An item's lead is a few characters at most: the walk back stops there, whatever the line's length.
  let from = start;
  while (from > 0 && start - from < 12 && !ITEM_BREAK.test(text.charAt(from - 1))) from--;
  if ((from > 0 && !ITEM_BREAK.test(text.charAt(from - 1))) || !ITEM_LEAD.test(text.slice(from, start)) || !ITEM_TAIL.test(lineAfter(text, end))) return false;
  const own = text.slice(start, end).toLowerCase();
  const around = text.slice(Math.max(0, start - LIST_REACH), Math.min(text.length, end + LIST_REACH));
  return around.split(ITEM_BREAKS).some((item) => {
    const word = ITEM_WORD.exec(item)?.[1];
    return word !== undefined && word !== own && isCommandWord(word);
  });
}

/**
 * Whether a tool's name at [start, end) is written as a command. Switches alone are not
 * enough for a two-letter name (`at /admin` is prose), which needs `.exe` or the noun.
 * `isCommandWord` says whether a lower-case word is the name of a command-line tool, for
 * lists of commands.
 */
export function writtenAsCommand(text: string, start: number, end: number, isCommandWord: (word: string) => boolean = () => false): boolean {
  const after = lineAfter(text, end);
  if (EXE.test(after) || COMMAND_NOUN.test(after) || JA_COMMAND.test(after) || TIME_THEN_PROGRAM.test(after)) return true;
  if (end - start < 3) return false;
  const written = text.slice(start, end);
  const lowerCase = written === written.toLowerCase();
  // A Latin word typed in lower case inside Japanese prose is a term, not an English word.
  if (lowerCase && JA_MEANS.test(after)) return true;
  if (VERB_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return false;
  if (SWITCH.test(after) || DIGIT_SWITCH.test(after) || ARGUMENT.test(after) || ADDRESS.test(after)) return true;
  return lowerCase && listedCommand(text, start, end, isCommandWord);
}

const KIND_TYPES: Readonly<Record<'malware' | 'tool' | 'group' | 'campaign', readonly EntityType[]>> = {
  malware: ['malware'],
  tool: ['tool'],
  group: ['intrusion-set', 'threat-actor'],
  campaign: ['campaign'],
};

/** English nouns that name a kind, singular or plural. */
const EN_KIND: ReadonlyArray<[RegExp, keyof typeof KIND_TYPES]> = [
  [/^(?:group|actor|gang|crew|operator|apt)s?$/i, 'group'],
  [/^(?:campaign|operation)s?$/i, 'campaign'],
  [/^(?:malware|ransomware|backdoor|implant|trojan|rat|loader|stealer|wiper|worm|rootkit|dropper|downloader|payload|variant|family|families|sample)s?$/i, 'malware'],
  [/^(?:tool|utility|utilities)s?$/i, 'tool'],
];
const JA_NOUNS: ReadonlyArray<[string, keyof typeof KIND_TYPES]> = [
  ['(?:攻撃)?(?:グループ|集団|アクター|攻撃者|ギャング)', 'group'],
  ['(?:キャンペーン|作戦)', 'campaign'],
  ['(?:マルウェア|ランサムウェア|バックドア|トロイの木馬|ローダー|ダウンローダー|ドロッパー|ルートキット|ワーム|ワイパー|ボット|(?:インフォ)?スティーラー|インプラント|スパイウェア|検体|亜種)', 'malware'],
  ['ツール', 'tool'],
];
/** A Japanese noun of a kind right after the name, and right before it. */
const JA_AFTER = JA_NOUNS.map(([source, kind]) => [new RegExp(`^${source}`), kind] as const);
const JA_BEFORE = JA_NOUNS.map(([source, kind]) => [new RegExp(`${source}$`), kind] as const);

/** Whether an English word names a kind of object (`ransomware`, `Group`, `tool`). */
export function isKindNoun(word: string): boolean {
  return EN_KIND.some(([pattern]) => pattern.test(word));
}

function kindOfWords(words: readonly string[]): keyof typeof KIND_TYPES | undefined {
  const kinds = words.map((word) => EN_KIND.find(([pattern]) => pattern.test(word))?.[1]);
  // `the Play ransomware gang` is the gang: a group's noun outranks the malware it runs.
  return kinds.includes('group') ? 'group' : kinds.find((kind) => kind !== undefined);
}

/**
 * The kinds of object the nouns beside a hit name: the two words after it (`Snake
 * malware`, `Play ransomware gang`), a Japanese noun after it (`KeyBoyグループ`,
 * `Snakeと呼ばれるマルウェア`), or a noun just before it (`マルウェア「Machete」`,
 * `the malware Snake`). Undefined when no such noun stands there.
 */
export function kindHintAt(text: string, start: number, end: number): readonly EntityType[] | undefined {
  const after = lineAfter(text, end).replace(/^[」』"”’)）]/, '');
  // `Snakeと呼ばれるマルウェア`, and the noun of a list: `…やPlayといったランサムウェア`, `Emotetなどのマルウェア`.
  const ja = /^[ \t]*(?:と(?:呼ばれる|いう|いった|称される)|などの?|等の|のような)?(.*)$/.exec(after)?.[1] ?? '';
  const jaKind = JA_AFTER.find(([pattern]) => pattern.test(ja))?.[1];
  if (jaKind) return KIND_TYPES[jaKind];
  const words = /^[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?/.exec(after);
  const enKind = words ? kindOfWords([words[1], words[2]].filter((word): word is string => word !== undefined)) : undefined;
  if (enKind) return KIND_TYPES[enKind];
  // In apposition: `Royal, a ransomware family …`, `Carbon, a second-stage backdoor`.
  const apposed = /^,[ \t]+(?:an?|the)[ \t]+([A-Za-z-]+)(?:[ \t]+([A-Za-z-]+))?(?:[ \t]+([A-Za-z-]+))?/.exec(after);
  const apposedKind = apposed ? kindOfWords((apposed.slice(1) as (string | undefined)[]).filter((word): word is string => word !== undefined)) : undefined;
  if (apposedKind) return KIND_TYPES[apposedKind];
  const before = text.slice(Math.max(0, start - 24), start).replace(/[「『"“(（ \t]+$/, '');
  const jaBefore = JA_BEFORE.find(([pattern]) => pattern.test(before))?.[1];
  if (jaBefore) return KIND_TYPES[jaBefore];
  const lastWord = /([A-Za-z]+)$/.exec(before)?.[1];
  const enBefore = lastWord ? EN_KIND.find(([pattern]) => pattern.test(lastWord))?.[1] : undefined;
  return enBefore ? KIND_TYPES[enBefore] : undefined;
}

/** `Sandworm exploit`, `the Sandworm vulnerability`, `Sandwormと呼ばれる脆弱性`. */
const VULNERABILITY_AFTER = /^(?:[ \t]+(?:exploits?|vulnerabilit(?:y|ies)|flaws?|bugs?|zero-days?|0-days?)\b|(?:と(?:呼ばれる|いう|称される))?(?:脆弱性|エクスプロイト))/i;
/** `CVE-2014-4114 aka Sandworm`, `CVE-2014-4114, also known as Sandworm`, `CVE-2014-4114 (Sandworm)`; the id may wrap at its hyphen. */
const VULNERABILITY_BEFORE = /CVE-\s?\d{4}-\s?\d{4,}[,)]?[ \t]*(?:\(|aka|a\.k\.a\.|also[ \t]+(?:known|called)[ \t]+as|通称|別名)[ \t]*$/i;

/**
 * Whether the name at [start, end) is a vulnerability's nickname here: the noun of a
 * vulnerability after it, a CVE id it is the other name of, or a vulnerability "called" so.
 * No group or software is named so.
 */
/** `a vulnerability commonly called Sandworm`, `an exploit dubbed …`. */
const VULNERABILITY_CALLED = /\b(?:vulnerabilit(?:y|ies)|exploits?|flaws?|bugs?)\b[^.。\n]{0,24}?\b(?:called|named|dubbed|known[ \t]+as|aka)[ \t]*["“']?$/i;

export function namesAVulnerability(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  return VULNERABILITY_AFTER.test(lineAfter(text, end)) || VULNERABILITY_BEFORE.test(before) || VULNERABILITY_CALLED.test(before);
}

/**
 * `the energy sector`, `healthcare organizations`, `the energy and finance sectors`. The noun
 * in lower case: a capital makes it part of a proper name (`Atomic Energy Agency`).
 */
const EN_SECTOR_NOUN = /^[ \t]+(?:and[ \t]+[a-z]+[ \t]+)?(?:sectors?|industry|industries|organi[sz]ations?|compan(?:y|ies)|providers?|institutions?|agenc(?:y|ies)|firms?|operators?|verticals?)\b/;
/** `金融機関`, `エネルギー業界`, `通信事業者`, `防衛産業`. */
const JA_SECTOR_NOUN = /^(?:業界|産業|業|分野|機関|事業者|企業|会社|部門|セクター)/;

/** Whether the noun of a sector follows the name at `end`. */
export function sectorNounAfter(text: string, end: number): boolean {
  const after = lineAfter(text, end);
  return EN_SECTOR_NOUN.test(after) || JA_SECTOR_NOUN.test(after);
}

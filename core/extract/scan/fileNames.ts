/**
 * File names with extensions that analysts track: executables, scripts, Office macro and
 * document formats, archives and disk images. Names may be Japanese (`請求書.pdf.exe`);
 * hiragana is taken as running text, so `述べた請求書.pdf.exe` yields `請求書.pdf.exe`.
 */
import type { MappedText } from '../mappedText.ts';
import { eachMatch, eachMatchNear, type Candidate } from './candidate.ts';

export const FILE_EXTENSIONS: readonly string[] = [
  // executables and libraries
  'exe', 'dll', 'scr', 'sys', 'ocx', 'cpl', 'drv', 'msi', 'msp', 'com', 'pif', 'elf', 'so', 'dylib', 'apk', 'ipa', 'dmg', 'pkg', 'deb', 'rpm', 'bin',
  // scripts
  'ps1', 'psm1', 'psd1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'hta', 'bat', 'cmd', 'sh', 'py', 'pl', 'rb', 'php', 'asp', 'aspx', 'jsp', 'sct', 'inf', 'reg', 'scf', 'lnk', 'url', 'iqy', 'chm', 'jar', 'class', 'vba', 'applescript',
  // documents, including macro-enabled and template formats
  'doc', 'docx', 'docm', 'dot', 'dotm', 'dotx', 'xls', 'xlsx', 'xlsm', 'xlsb', 'xlam', 'xll', 'ppt', 'pptx', 'pptm', 'ppsm', 'rtf', 'pdf', 'one', 'hwp', 'jtd', 'odt', 'ods', 'wll',
  // archives and images of disks
  'zip', 'rar', '7z', 'cab', 'gz', 'tgz', 'tar', 'bz2', 'xz', 'ace', 'arj', 'lzh', 'iso', 'img', 'vhd', 'vhdx',
  // pictures (mail attachments and droppers)
  'jpg', 'jpeg', 'png', 'gif', 'bmp', 'svg',
  // videos sent as lures
  'mov', 'mp4',
  // data files droppers leave behind
  'dat', 'tmp', 'bak', 'log', 'db',
  // configuration files malware reads or writes
  'ini', 'cfg', 'properties',
  // web pages sent as attachments (HTML smuggling, credential phishing)
  'html', 'htm',
];

const NAME_CHAR = String.raw`A-Za-z0-9_\-\u30A0-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF`;
const EXTENSIONS = [...FILE_EXTENSIONS].sort((a, b) => b.length - a.length).join('|');
/** A name: a stem of up to STEM characters, up to PARTS inner `.part`s of up to PART, then the extension. */
const STEM = 120;
const PART = 40;
const PARTS = 4;
/** The extension's `.` and what may not follow it: every name ends in one (`.exe`, not `.exe2`). */
const EXTENSION_END = String.raw`\.(?:${EXTENSIONS})(?![A-Za-z0-9_\-])`;
export const FILE_NAME = new RegExp(String.raw`(?<![${NAME_CHAR}.%])[${NAME_CHAR}]{1,${STEM}}(?:\.[${NAME_CHAR}]{1,${PART}}){0,${PARTS}}${EXTENSION_END}`, 'gi');
/**
 * Where a name can end. Searching for names only near these (issue 16, speed) instead of
 * near every `.` skips the full stops of prose, which were most of this scanner's time.
 */
export const FILE_NAME_ANCHOR = new RegExp(EXTENSION_END, 'gi');
/** The farthest a name's last `.` stands from its start. */
export const FILE_NAME_REACH = STEM + PARTS * (PART + 1);

function plausibleName(name: string): boolean {
  const stem = name.slice(0, name.lastIndexOf('.'));
  return stem !== '' && !/^[\d.]+$/.test(stem);
}

const HIRAGANA = /[\u3040-\u309F]/;
const CELL_CHAR = new RegExp(String.raw`[${NAME_CHAR}\u3040-\u309F]`);

/**
 * Where a name cut at hiragana really starts when it fills a table cell or a line of its
 * own (`  支払いの確認_至急.pdf.exe    実行ファイル`): the whole run, kana included, from the
 * line's start or a column's gap to the next gap or the line's end. In prose (`本文で述べた請求書.zip`) hiragana is running
 * text, and the name starts after it.
 */
function cellStart(text: string, start: number, end: number): number | undefined {
  if (!HIRAGANA.test(text.charAt(start - 1)) || !/^(?:\t| {2,}|[ \t]*(?:\n|$))/.test(text.slice(end, end + 3))) return undefined;
  let from = start;
  while (from > 0 && start - from < STEM && CELL_CHAR.test(text.charAt(from - 1))) from--;
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const before = text.slice(lineStart, from);
  return /^[ \t]*$/.test(before) || /(?:\t| {2,})$/.test(before) ? from : undefined;
}

/** Where a Japanese word glued before a Latin name ends: `ペイロードsvchost.exe` → `svchost.exe`. */
const GLUED_JAPANESE = /^[\u30A0-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+(?=[A-Za-z])/;

/**
 * Names the text sets apart: between quotes or Japanese brackets (「…」『…』"…"“…”), or
 * after a label (`Attachment name:`, `ファイル名：`) to the end of the line. Inside them a
 * name may hold spaces and brackets (`quarterly report.pdf.lnk`, `【至急】請求書.pdf.exe`);
 * of a path only the last part is the name.
 */
const QUOTED = new RegExp(String.raw`(?:「([^「」\n]{1,160})」|『([^『』\n]{1,160})』|"([^"\n]{1,160})"|“([^“”\n]{1,160})”)`, 'g');
export const LABELLED = new RegExp(
  String.raw`(?:\b(?:file ?names?|attachments?(?: names?)?|attached file|document name|lure)|添付ファイル名?|ファイル名|添付)\s*[:：]\s*([^\n]{1,160})`,
  'gi',
);
/** The colon after a label: every LABELLED match holds one. */
export const LABEL_COLON = /[:：]/g;
/** Longer than the longest label (`attachments names`, 17 characters). */
const LABEL_LONGEST = 24;
const SPACE = /\s/;

/**
 * How far before a colon a label that ends in it may start: the run of white space before
 * the colon, then the label. LABELLED is searched only there (issue 16, speed: its words,
 * matched without case, were tried at every offset of every page).
 */
export function labelReach(text: string, colon: number): number {
  let start = colon;
  while (start > 0 && SPACE.test(text.charAt(start - 1))) start--;
  return colon - start + LABEL_LONGEST;
}
const NAME_END = new RegExp(String.raw`\.(?:${EXTENSIONS})$`, 'i');

function setApartName(inner: string, innerStart: number): Candidate | undefined {
  const trimmed = inner.replace(/\s+$/, '');
  const lastSeparator = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
  const name = trimmed.slice(lastSeparator + 1).replace(/^\s+/, '');
  if (!NAME_END.test(name) || name.includes('://') || !plausibleName(name)) return undefined;
  // A quoted sentence that ends with a file name is not a name: at most three spaces.
  if ((name.match(/\s/g) ?? []).length > 3 || /[,;、。]/.test(name)) return undefined;
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (extension === 'com') return undefined;
  const start = innerStart + trimmed.length - name.length;
  return { type: 'file', kind: 'name', value: name, start, end: start + name.length };
}

export function scanFileNames(mapped: MappedText): Candidate[] {
  const text = mapped.text;
  const apart: Candidate[] = [];
  eachMatch(QUOTED, text, (match) => {
    const inner = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const candidate = setApartName(inner, match.index + 1);
    if (candidate !== undefined) apart.push(candidate);
  });
  eachMatchNear(LABELLED, text, LABEL_COLON, (colon) => labelReach(text, colon), (match) => {
    const inner = match[1] ?? '';
    const candidate = setApartName(inner, match.index + match[0].length - inner.length);
    if (candidate !== undefined && !apart.some((other) => other.start < candidate.end && candidate.start < other.end)) apart.push(candidate);
  });
  const found: Candidate[] = [...apart];
  eachMatchNear(FILE_NAME, text, FILE_NAME_ANCHOR, FILE_NAME_REACH, (match) => {
    let name = match[0];
    let start = match.index;
    if (apart.some((other) => other.start <= start && start + name.length <= other.end)) return;
    const cell = cellStart(text, start, start + name.length);
    if (cell !== undefined) {
      name = text.slice(cell, start + name.length);
      start = cell;
    }
    const glued = cell === undefined ? GLUED_JAPANESE.exec(name) : null;
    if (glued !== null) {
      name = name.slice(glued[0].length);
      start += glued[0].length;
    }
    if (!plausibleName(name)) return;
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    // `.com` is the one extension that is far more often a domain in reports.
    if (extension === 'com') return;
    found.push({ type: 'file', kind: 'name', value: name, start, end: start + name.length });
  });
  return found;
}

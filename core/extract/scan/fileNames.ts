/**
 * File names with extensions that analysts track: executables, scripts, Office macro and
 * document formats, archives and disk images. Names may be Japanese (`請求書.pdf.exe`);
 * hiragana is taken as running text, so `述べた請求書.pdf.exe` yields `請求書.pdf.exe`.
 */
import type { MappedText } from '../mappedText.ts';
import { eachMatch, type Candidate } from './candidate.ts';

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
  // data files droppers leave behind
  'dat', 'tmp', 'bak', 'log', 'db',
];

const NAME_CHAR = String.raw`A-Za-z0-9_\-\u30A0-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF`;
const EXTENSIONS = [...FILE_EXTENSIONS].sort((a, b) => b.length - a.length).join('|');
const FILE_NAME = new RegExp(
  String.raw`(?<![${NAME_CHAR}.%])[${NAME_CHAR}]{1,120}(?:\.[${NAME_CHAR}]{1,40}){0,4}\.(?:${EXTENSIONS})(?![A-Za-z0-9_\-])`,
  'gi',
);

function plausibleName(name: string): boolean {
  const stem = name.slice(0, name.lastIndexOf('.'));
  return stem !== '' && !/^[\d.]+$/.test(stem);
}

export function scanFileNames(mapped: MappedText): Candidate[] {
  const found: Candidate[] = [];
  eachMatch(FILE_NAME, mapped.text, (match) => {
    const name = match[0];
    if (!plausibleName(name)) return;
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    // `.com` is the one extension that is far more often a domain in reports.
    if (extension === 'com') return;
    found.push({ type: 'file', kind: 'name', value: name, start: match.index, end: match.index + name.length });
  });
  return found;
}

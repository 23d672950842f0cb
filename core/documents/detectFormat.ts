/**
 * What a dropped file is, from its name and first bytes, so the caller routes it: a
 * document to the readers and the extraction engine, a STIX bundle or a MISP event to
 * their own importers (they carry structured objects; mining their text would lose them).
 * Content wins over the name where the bytes are unambiguous (`%PDF-`, JSON shapes).
 */
import { jsonHeadKeys } from './jsonHeadKeys.ts';
import type { DocumentFormat } from './types.ts';

export type DetectedFormat =
  | { kind: 'document'; format: DocumentFormat }
  | { kind: 'stix-bundle' }
  | { kind: 'misp-event' }
  | { kind: 'unsupported'; reason: string; refusal: FormatRefusal };

/** Why a file was refused, as a code the UI words in its language; `what` names a recognised binary format. */
export type FormatRefusal = { code: 'json-not-stix-or-misp' | 'empty' | 'fake-pdf' | 'binary' } | { code: 'binary-format'; what: BinaryKind };

export type BinaryKind = 'office-zip' | 'old-office' | 'image' | 'gzip' | 'rar' | '7z' | 'windows-exe' | 'executable';

/** How many leading bytes detectFormat looks at; pass at least this many when the file is longer. */
export const SNIFF_BYTES = 64 * 1024;

const EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  pdf: 'pdf',
  txt: 'text', text: 'text', log: 'text', ioc: 'text', ioc2: 'text', rules: 'text', yar: 'text', yara: 'text',
  md: 'markdown', markdown: 'markdown', mdown: 'markdown',
  html: 'html', htm: 'html', xhtml: 'html', mht: 'text',
  csv: 'csv', tsv: 'csv',
  eml: 'eml',
};

const BINARY_FORMATS: readonly [string, string, BinaryKind][] = [
  ['PK\u0003\u0004', 'an Office document or ZIP archive: save it as PDF (or extract the archive) and import that', 'office-zip'],
  ['\u00d0\u00cf\u0011\u00e0', 'an old Office document: save it as PDF and import that', 'old-office'],
  ['\u0089PNG', 'an image: Magpie reads text, not images (use OCR first)', 'image'],
  ['\u00ff\u00d8\u00ff', 'an image: Magpie reads text, not images (use OCR first)', 'image'],
  ['GIF8', 'an image: Magpie reads text, not images (use OCR first)', 'image'],
  ['\u001f\u008b', 'a gzip archive: extract it and import the files inside', 'gzip'],
  ['Rar!', 'a RAR archive: extract it and import the files inside', 'rar'],
  ['7z\u00bc\u00af', 'a 7-Zip archive: extract it and import the files inside', '7z'],
  ['MZ', 'a Windows executable: Magpie does not read binaries', 'windows-exe'],
  ['\u007fELF', 'an executable: Magpie does not read binaries', 'executable'],
];

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function latin1(bytes: Uint8Array, length: number): string {
  let text = '';
  for (let i = 0; i < Math.min(length, bytes.length); i++) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

function jsonKind(head: string): DetectedFormat {
  // "type": "bundle" before any nested object or array opens: a property of the top level.
  if (/^\s*\{[^{}[\]]*"type"\s*:\s*"bundle"/.test(head)) return { kind: 'stix-bundle' };
  if (/^\s*\{[^{}[\]]*"spec_version"\s*:\s*"2\.[01]"[^{}[\]]*"objects"\s*:\s*\[/.test(head)) return { kind: 'stix-bundle' };
  if (isMispHead(head)) return { kind: 'misp-event' };
  // Writers that sort keys put "objects" (and the whole content) before "type": a
  // top-level-looking "type": "bundle" anywhere in the head still names a bundle.
  if (/^\s*\{/.test(head) && /"type"\s*:\s*"bundle"/.test(head)) return { kind: 'stix-bundle' };
  if (/^\s*\{\s*"id"\s*:\s*"bundle--/.test(head)) return { kind: 'stix-bundle' };
  return { kind: 'unsupported', reason: 'This JSON file is neither a STIX 2.x bundle nor a MISP event, the two JSON formats Magpie imports.', refusal: { code: 'json-not-stix-or-misp' } };
}

/** Keys only a MISP event has (draft-dulaunoy-misp-core-format §2.1); a title alone is not enough. */
const EVENT_KEYS = ['Attribute', 'Object', 'Orgc', 'threat_level_id', 'EventReport', 'Galaxy'];

function looksLikeEvent(keys: ReadonlySet<string>): boolean {
  if (keys.has('type') || keys.has('spec_version')) return false;
  return EVENT_KEYS.some((key) => keys.has(key)) || (keys.has('info') && (keys.has('uuid') || keys.has('date')));
}

/** A MISP event in any of the shapes MISP, PyMISP and misp-stix write: `{"Event": …}`, bare, `{"response": [ … ]}` or a list. */
function isMispHead(head: string): boolean {
  const { top, first } = jsonHeadKeys(head);
  if (top.has('Event') || first.has('Event')) return true;
  return looksLikeEvent(top) || looksLikeEvent(first);
}

/** NUL bytes in text that is not UTF-16 mean a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (utf16) return false;
  let nul = 0;
  for (const byte of sample) if (byte === 0) nul++;
  // UTF-16 without a BOM has NULs in every other byte; anything between is binary.
  return nul > 0 && (nul < sample.length * 0.3 || nul > sample.length * 0.6);
}

export function detectFormat(name: string, firstBytes: Uint8Array): DetectedFormat {
  const head = latin1(firstBytes, 1024);
  if (head.includes('%PDF-')) return { kind: 'document', format: 'pdf' };
  const extension = extensionOf(name);
  if (firstBytes.length === 0) return { kind: 'unsupported', reason: 'The file is empty.', refusal: { code: 'empty' } };
  const binary = BINARY_FORMATS.find(([magic]) => head.startsWith(magic));
  if (binary) return { kind: 'unsupported', reason: `This looks like ${binary[1]}.`, refusal: { code: 'binary-format', what: binary[2] } };
  if (extension === 'pdf') return { kind: 'unsupported', reason: 'The file is named .pdf but is not a PDF (it has no %PDF- header).', refusal: { code: 'fake-pdf' } };
  if (looksBinary(firstBytes)) return { kind: 'unsupported', reason: 'This is a binary file, not a document Magpie can read.', refusal: { code: 'binary' } };

  const text = new TextDecoder('utf-8').decode(firstBytes.subarray(0, SNIFF_BYTES)).replace(/^\ufeff/, '');
  if (extension === 'json' || extension === 'stix' || /^\s*[{[]\s*"/.test(text)) {
    const kind = jsonKind(text);
    if (kind.kind !== 'unsupported' || extension === 'json' || extension === 'stix') return kind;
  }
  const byExtension = EXTENSIONS[extension];
  if (byExtension) return { kind: 'document', format: byExtension };
  if (/^\s*(<!doctype html|<html[\s>])/i.test(text)) return { kind: 'document', format: 'html' };
  if (/^(Received|Return-Path|From|MIME-Version|Message-ID|Delivered-To|X-[\w-]+):/im.test(text.slice(0, 2048)) && /^Subject:/im.test(text)) {
    return { kind: 'document', format: 'eml' };
  }
  return { kind: 'document', format: 'text' };
}

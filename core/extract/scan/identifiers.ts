/** CVE ids, MITRE ATT&CK ids and autonomous-system numbers. */
import type { AttackIdKind } from '../types.ts';
import type { MappedText } from '../mappedText.ts';
import { eachMatch, type Candidate } from './candidate.ts';

const CVE = /(?<![A-Za-z0-9_-])CVE[-_ ]?(\d{4})[-_](\d{4,7})(?![0-9])/gi;
/** An id standing alone, or one of Sigma's tags (`attack.t1059.001`, `attack.g0032`). */
const ATTACK = /(?:(?<![A-Za-z0-9_\-/.])|(?<=\battack\.))(TA\d{4}|T\d{4}(?:\.\d{3})?|DS\d{4}|[GSMC]\d{4})(?![A-Za-z0-9_]|\.\d)/gi;
const ASN = /(?<![A-Za-z0-9_])(?:AS ?|ASN ?|as|asn ?|Asn ?)(\d{1,10})(?![A-Za-z0-9_])/g;

/** Plausible number ranges per ATT&CK prefix (Enterprise, Mobile and ICS), with margin. */
const ATTACK_RANGES: readonly { prefix: string; kind: AttackIdKind; min: number; max: number }[] = [
  { prefix: 'TA', kind: 'tactic', min: 1, max: 120 },
  { prefix: 'DS', kind: 'data-source', min: 1, max: 60 },
  { prefix: 'T', kind: 'technique', min: 800, max: 1799 },
  { prefix: 'G', kind: 'group', min: 1, max: 1300 },
  { prefix: 'S', kind: 'software', min: 1, max: 1500 },
  { prefix: 'M', kind: 'mitigation', min: 800, max: 1099 },
  { prefix: 'C', kind: 'campaign', min: 1, max: 200 },
];

/**
 * G/S/M/C/DS ids collide with part numbers, grid references and model names. They are
 * accepted where the text reads as ATT&CK: the id opens its line (tables and lists), or
 * ATT&CK words or technique ids stand within a few hundred characters.
 */
const ATTACK_CONTEXT = /ATT&CK|MITRE|\battack\.[a-z]|\bT[A]?\d{4}\b|mitigation|tactic|technique|software|campaign|data source|group|緩和|戦術|テクニック/i;

/** How far ATT&CK words, or a listed id of the same kind, may stand from an id they vouch for. */
const CONTEXT_REACH = 300;

function opensLine(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^[\s|•・*-]*$/.test(text.slice(lineStart, start));
}

function attackContext(text: string, start: number, end: number): boolean {
  if (opensLine(text, start)) return true;
  const around = text.slice(Math.max(0, start - CONTEXT_REACH), start) + ' ' + text.slice(end, end + CONTEXT_REACH);
  return ATTACK_CONTEXT.test(around);
}

function cveYearPlausible(year: number): boolean {
  return year >= 1999 && year <= 2099;
}

/**
 * ATT&CK ids in range. G/S/M/C/DS ids need the text to read as ATT&CK (attackContext); one
 * that does not is still taken when an id of its own kind opening a line stands near it: a
 * flattened table glues `Archive via Utility M1047: Audit` among `M1026: …` lines.
 */
function scanAttackIds(text: string): Candidate[] {
  const inRange: { candidate: Candidate; prefix: string; vouched: boolean; listed: boolean }[] = [];
  eachMatch(ATTACK, text, (match) => {
    const id = (match[1] ?? '').toUpperCase();
    const range = ATTACK_RANGES.find((candidate) => id.startsWith(candidate.prefix) && /^\d/.test(id.slice(candidate.prefix.length)));
    if (range === undefined) return;
    const number = Number(id.slice(range.prefix.length, range.prefix.length + 4));
    if (number < range.min || number > range.max) return;
    const end = match.index + match[0].length;
    const kind: AttackIdKind = range.prefix === 'T' && id.includes('.') ? 'sub-technique' : range.kind;
    const always = range.prefix === 'T' || range.prefix === 'TA';
    inRange.push({
      candidate: { type: 'attack-pattern', value: id, start: match.index, end, attack_kind: kind },
      prefix: range.prefix,
      vouched: always || attackContext(text, match.index, end),
      listed: !always && opensLine(text, match.index),
    });
  });
  // Offsets of the listed ids of each kind, ascending (matches come in text order).
  const listedAt = new Map<string, number[]>();
  for (const { candidate, prefix, listed } of inRange) {
    if (!listed) continue;
    const offsets = listedAt.get(prefix);
    if (offsets === undefined) listedAt.set(prefix, [candidate.start]);
    else offsets.push(candidate.start);
  }
  const found: Candidate[] = [];
  for (const { candidate, prefix, vouched } of inRange) if (vouched || nearListed(listedAt.get(prefix) ?? [], candidate.start)) found.push(candidate);
  return found;
}

/** Whether an offset in `sorted` (ascending) lies within CONTEXT_REACH of `at`: one binary search. */
function nearListed(sorted: readonly number[], at: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) < at - CONTEXT_REACH) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && (sorted[low] ?? 0) <= at + CONTEXT_REACH;
}

export function scanIdentifiers(mapped: MappedText): Candidate[] {
  const text = mapped.text;
  const found: Candidate[] = [];
  eachMatch(CVE, text, (match) => {
    const year = Number(match[1]);
    if (!cveYearPlausible(year)) return;
    found.push({ type: 'vulnerability', value: `CVE-${match[1] ?? ''}-${match[2] ?? ''}`, start: match.index, end: match.index + match[0].length });
  });
  for (const candidate of scanAttackIds(text)) found.push(candidate);
  eachMatch(ASN, text, (match) => {
    const number = Number(match[1]);
    if (!Number.isSafeInteger(number) || number === 0 || number > 4294967295) return;
    found.push({ type: 'autonomous-system', value: `AS${String(number)}`, start: match.index, end: match.index + match[0].length });
  });
  return found;
}

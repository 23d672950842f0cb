import type { AttackIdKind, HashType, IndicatorType } from '../types.ts';

/** One match in the prepared (normalised, refanged) text, before flags and grouping. */
export interface Candidate {
  type: IndicatorType;
  value: string;
  /** [start, end) in the prepared text. */
  start: number;
  end: number;
  hash_type?: HashType;
  kind?: 'name';
  currency?: 'BTC' | 'ETH' | 'XMR';
  attack_kind?: AttackIdKind;
  cidr?: boolean;
  /** A domain whose last label is also a common file extension (`log.zip`). */
  filenameLike?: boolean;
}

/** Runs a global regular expression over `text`, calling `visit` for each match. */
export function eachMatch(pattern: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    visit(match);
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

/**
 * `eachMatch` for a pattern every match of which holds an anchor at most `reach`
 * characters after its start (an e-mail's `@`; a file name's `.exe`): the search starts
 * only near each anchor, so a page without one costs one anchor search. The same matches,
 * in the same order: a match starting before `anchor - reach` would hold an earlier
 * anchor. The anchor is a string, or a global expression for anchors a character cannot
 * tell apart (a `.` followed by a label, not a sentence's full stop). The reach is a
 * number, or, where it depends on the text before the anchor (a label, then any run of
 * spaces, then its colon), a function of the anchor's offset.
 */
export function eachMatchNear(pattern: RegExp, text: string, anchor: string | RegExp, reach: number | ((at: number) => number), visit: (match: RegExpExecArray) => void): void {
  const anchorAt = typeof anchor === 'string' ? (from: number): number => text.indexOf(anchor, from) : anchorSearch(anchor, text);
  let from = 0;
  for (let at = anchorAt(0); at !== -1; at = anchorAt(from)) {
    pattern.lastIndex = Math.max(from, at - (typeof reach === 'number' ? reach : reach(at)));
    const match = pattern.exec(text);
    if (match === null) return;
    visit(match);
    from = match.index + Math.max(1, match[0].length);
    // A visitor may move the search on (as eachMatch allows).
    from = Math.max(from, pattern.lastIndex);
  }
}

function anchorSearch(anchor: RegExp, text: string): (from: number) => number {
  if (!anchor.global) throw new Error('eachMatchNear: an anchor expression must be global');
  return (from) => {
    anchor.lastIndex = from;
    return anchor.exec(text)?.index ?? -1;
  };
}

/**
 * The text before `offset` on its line and the non-blank line before it, line breaks and
 * runs of white space read as one space, at most `limit` characters: a label such as `ファイルバージョンは` or `暗号化キー`
 * often ends the line above the value it names.
 */
export function textBefore(text: string, offset: number, limit: number): string {
  const from = Math.max(0, offset - limit);
  const window = text.slice(from, offset);
  if (!window.includes('\n')) return window;
  // Blank lines and layout padding between the label and the value carry no meaning.
  const lines = window.split('\n').filter((line) => line.trim() !== '');
  const kept = lines.slice(-2).join(' ').replace(/\s{2,}/g, ' ');
  return window.endsWith('\n') || /\n[ \t]*$/.test(window) ? `${kept.trimEnd()} ` : kept;
}

/** The text of the line holding `offset`, up to `offset`, at most `limit` characters. */
export function lineBefore(text: string, offset: number, limit: number): string {
  const from = Math.max(0, offset - limit);
  const window = text.slice(from, offset);
  const newline = window.lastIndexOf('\n');
  return newline === -1 ? window : window.slice(newline + 1);
}

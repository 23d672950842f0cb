/**
 * Look up a list (issue 21, point 1): the values in text of any shape — a ticket, a chat
 * line, a SIEM alert, a CSV — found and refanged by the extraction engine, each with the
 * warninglists that hold it. The app's Look up screen and `magpie kb lookup` both start
 * here, so a pasted list means the same values in both.
 */
import { extractIndicators } from '../extract/index.ts';
import type { LookupAnswer } from '../localApi/protocol.ts';
import type { ExtractedIndicator } from '../extract/types.ts';
import { defaultWarninglistIndex, type WarninglistHit, type WarninglistIndex } from '../warninglists/index.ts';

export interface PastedValue {
  type: ExtractedIndicator['type'];
  value: string;
  hash_type?: ExtractedIndicator['hash_type'];
  kind?: ExtractedIndicator['kind'];
  /** Written defanged in the text (`hxxp`, `[.]`): shown so the analyst sees it was refanged. */
  defanged: boolean;
  warninglists: WarninglistHit[];
}

/** Where a looked-up value is listed: known wins (a known value's warninglist hits are still shown on it). */
export type LookupGroup = 'known' | 'warninglist' | 'unknown';
export const LOOKUP_GROUPS: readonly LookupGroup[] = ['known', 'warninglist', 'unknown'];

/** One looked-up value: what the list gave, what the knowledge base answered, and where it is listed. */
export interface LookupRow extends PastedValue, Omit<LookupAnswer, 'warninglists'> {
  group: LookupGroup;
}

/**
 * A value and its answer as one row. The answer's warninglist hits (the app's lists in
 * force: some turned off, newer copies added) win over those found beside the text with
 * the shipped lists.
 */
export function lookupRow(value: PastedValue, answer: LookupAnswer): LookupRow {
  const { warninglists = value.warninglists, ...rest } = answer;
  return { ...value, ...rest, warninglists, group: lookupGroup(rest.known, warninglists) };
}

export function lookupGroup(known: boolean, warninglists: readonly WarninglistHit[]): LookupGroup {
  if (known) return 'known';
  return warninglists.length > 0 ? 'warninglist' : 'unknown';
}

export function pastedValues(text: string, warninglists: WarninglistIndex = defaultWarninglistIndex()): PastedValue[] {
  // One occurrence kept per value: the lookup needs the values, not where they were.
  const { indicators } = extractIndicators([{ page: 1, text }], { maxOccurrences: 1 });
  return indicators.map((indicator) => ({
    type: indicator.type,
    value: indicator.value,
    ...(indicator.hash_type ? { hash_type: indicator.hash_type } : {}),
    ...(indicator.kind ? { kind: indicator.kind } : {}),
    defanged: indicator.flags.some((flag) => flag.code === 'defanged'),
    warninglists: warninglists.hits(indicator.value, indicator.type),
  }));
}

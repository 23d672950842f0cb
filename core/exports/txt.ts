/**
 * A TXT blocklist: one value per line, deduplicated and sorted, from SCOs and from the
 * simple STIX patterns of indicators (values.ts), for firewalls, proxies and EDR
 * allow/deny lists. Either all kinds mixed in one sorted list, or grouped by kind under a
 * `# kind` line, which is how most blocklist readers take comments.
 */
import { defang } from './defang.ts';
import { valuesOf, type ValueKind } from './values.ts';
import type { JsonObject } from '../stix/model/properties.ts';

/** What a blocklist can hold: file names and AS numbers block nothing on their own. */
export const BLOCKLIST_KINDS = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'sha512'] as const satisfies readonly ValueKind[];
export type BlocklistKind = (typeof BLOCKLIST_KINDS)[number];

export interface TxtOptions {
  /** The kinds to list (default: all of BLOCKLIST_KINDS); one kind gives a per-type list. */
  readonly kinds?: readonly BlocklistKind[];
  /** `mixed` (default): one sorted list; `by-kind`: a `# kind` line before each kind's values. */
  readonly layout?: 'mixed' | 'by-kind';
  /** `refanged` (default): values as stored, ready for a machine; `defanged`: hxxp, [.], for people. */
  readonly fang?: 'refanged' | 'defanged';
  /** Values to leave out one by one (issue 21: warninglisted values of an indicator that is kept for its other values). */
  readonly omit?: (kind: BlocklistKind, value: string) => boolean;
}

const isBlocklistKind = (kind: ValueKind): kind is BlocklistKind => (BLOCKLIST_KINDS as readonly ValueKind[]).includes(kind);

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const count = (byKind: Map<BlocklistKind, string[]>): number => [...byKind.values()].reduce((sum, values) => sum + values.length, 0);

/** The values of each kind, deduplicated and sorted, before defanging. */
export function blocklistValues(objects: readonly JsonObject[], kinds: readonly BlocklistKind[] = BLOCKLIST_KINDS, omit?: TxtOptions['omit']): Map<BlocklistKind, string[]> {
  const found = new Map<BlocklistKind, Set<string>>(kinds.map((kind) => [kind, new Set<string>()]));
  for (const { kind, value } of valuesOf(objects)) {
    if (isBlocklistKind(kind)) found.get(kind)?.add(value);
  }
  return new Map([...found].map(([kind, values]) => [kind, [...values].filter((value) => omit?.(kind, value) !== true).sort(byCodeUnit)]));
}

/** `omitted`: distinct values that `options.omit` left out. */
export function toTxt(objects: readonly JsonObject[], options: TxtOptions = {}): { text: string; values: number; omitted: number } {
  const byKind = blocklistValues(objects, options.kinds, options.omit);
  const omitted = options.omit === undefined ? 0 : count(blocklistValues(objects, options.kinds)) - count(byKind);
  const show = (kind: BlocklistKind, value: string): string => (options.fang === 'defanged' ? defang(kind, value) : value);
  let lines: string[];
  if (options.layout === 'by-kind') {
    lines = [...byKind].filter(([, values]) => values.length > 0).flatMap(([kind, values]) => [`# ${kind}`, ...values.map((value) => show(kind, value))]);
  } else {
    lines = [...new Set([...byKind].flatMap(([kind, values]) => values.map((value) => show(kind, value))))].sort(byCodeUnit);
  }
  return { text: lines.length === 0 ? '' : `${lines.join('\n')}\n`, values: count(byKind), omitted };
}

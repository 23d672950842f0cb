/**
 * Warninglists (issue 21, point 4): the shipped MISP-format lists, the analyst's choices,
 * and one lookup for review, lookup, the entity page and exports.
 */
import { warninglistIndex, type WarninglistIndex } from './compile.ts';
import { SHIPPED_WARNINGLISTS } from './shipped.ts';
import type { WarninglistHit } from './types.ts';

export { cidrIndex, type CidrIndex } from './cidrIndex.ts';
export { isBenignHit, warninglistIndex, type WarninglistIndex } from './compile.ts';
export { parseMispWarninglist, WarningListError } from './parse.ts';
export { activeWarninglists, SHIPPED_WARNINGLISTS, type WarninglistChoices } from './shipped.ts';
export type * from './types.ts';

let shippedIndex: WarninglistIndex | undefined;

/** The index of the shipped lists, built once on first use. */
export function defaultWarninglistIndex(): WarninglistIndex {
  shippedIndex ??= warninglistIndex(SHIPPED_WARNINGLISTS);
  return shippedIndex;
}

/**
 * Which warninglists hold a value of a STIX type (`ipv4-addr`, `ipv6-addr`, `domain-name`,
 * `url`, `email-addr`, `file`), by list name and category. Pure; uses the shipped lists
 * unless given the index of the analyst's own choice of lists.
 */
export function warninglistHits(value: string, type: string, index: WarninglistIndex = defaultWarninglistIndex()): WarninglistHit[] {
  return index.hits(value, type);
}

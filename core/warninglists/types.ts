/**
 * MISP warninglists (github.com/MISP/misp-warninglists, `list.json` per list) as Magpie
 * reads them: the shipped ones (resources/warninglists) and copies the analyst adds.
 */

export const WARNINGLIST_TYPES = ['string', 'hostname', 'substring', 'cidr'] as const;
export type WarninglistType = (typeof WARNINGLIST_TYPES)[number];

/**
 * MISP's `category`: `false-positive` lists hold values that are not worth acting on (a
 * hit is benign: unticked in review, left out of exports); `known` lists only say what a
 * value is (a link shortener, free mail): a hit is context and changes nothing else.
 */
export type WarninglistCategory = 'false-positive' | 'known';

export interface Warninglist {
  readonly name: string;
  /** MISP's version (a date as YYYYMMDD or a counter); absent when the file had none. */
  readonly version?: number;
  readonly description?: string;
  readonly type: WarninglistType;
  readonly category: WarninglistCategory;
  /** MISP attribute types the list applies to; absent means every type. */
  readonly matchingAttributes?: readonly string[];
  readonly values: readonly string[];
}

/** One list that holds a value. */
export interface WarninglistHit {
  readonly list: string;
  readonly category: WarninglistCategory;
  readonly version?: number;
}

/** The STIX types a warninglist can hold a value of. */
export type WarninglistValueType = 'ipv4-addr' | 'ipv6-addr' | 'domain-name' | 'url' | 'email-addr' | 'file';

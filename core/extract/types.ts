/**
 * The indicator-extraction contract shared by the engine, the document readers, the
 * review screen, the CLI and the benchmark. Type names are STIX 2.1 object types, so an
 * extracted value maps onto the knowledge base without a translation table.
 */
import type { Warninglist } from '../warninglists/types.ts';

/** One page (or, for formats without pages, the whole document as page 1) of plain text. */
export interface TextPage {
  /** 1-based page number. */
  page: number;
  text: string;
}

export type IndicatorType =
  | 'ipv4-addr'
  | 'ipv6-addr'
  | 'domain-name'
  | 'url'
  | 'email-addr'
  | 'file'
  | 'vulnerability'
  | 'attack-pattern'
  | 'cryptocurrency-wallet'
  | 'windows-registry-key'
  | 'autonomous-system'
  | 'mac-addr';

export type HashType = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-512' | 'SSDEEP';

/** What an ATT&CK id names; all are reported as `attack-pattern` items with this detail. */
export type AttackIdKind = 'technique' | 'sub-technique' | 'tactic' | 'group' | 'software' | 'mitigation' | 'campaign' | 'data-source';

/**
 * The flag vocabulary. A flagged item is still returned: the analyst decides.
 * - `reserved`: private, loopback, link-local, multicast, reserved or documentation address.
 * - `benign`: on the built-in allow list, the user's allow list or an imported warning list.
 * - `denied`: on the user's deny list: reported as malicious even where another rule says benign.
 * - `publisher`: the report publisher's own site or contact.
 * - `defanged`: written defanged in the text (a strong sign the author meant it as an indicator).
 * - `filename-like`: a domain whose last label is also a common file extension (`log.zip`).
 * - `revoked`: an ATT&CK id known to be revoked or deprecated.
 * - `context`: on a warninglist that says what a value is (a link shortener, free mail) without making it benign.
 */
export type FlagCode = 'reserved' | 'benign' | 'denied' | 'publisher' | 'defanged' | 'filename-like' | 'revoked' | 'context';

/**
 * Why a flag was raised, as data: the UI words it in the analyst's language from `why` and
 * its values (issue 15: reasons made in core reached the Japanese UI in English).
 */
export type FlagDetail =
  | { why: 'deny-list'; list: string }
  | { why: 'allow-list'; list: string }
  | { why: 'warninglist'; list: string }
  | { why: 'vendor-site'; site: string }
  | { why: 'publisher' }
  | { why: 'range'; range: string }
  | { why: 'defanged' }
  | { why: 'file-extension'; extension: string }
  | { why: 'revoked'; version: string; replacement: string | null }
  | { why: 'deprecated'; version: string };

export interface Flag {
  code: FlagCode;
  /** A sentence for the analyst, in English (CLI, exports); the UI words `detail` instead. */
  reason: string;
  detail?: FlagDetail;
}

export interface Occurrence {
  page: number;
  /** Offset of the first character of the match in that page's text (UTF-16 code units, as given). */
  offset: number;
  /** Length of the match in that page's text. */
  length: number;
  /** About 40 characters either side, whitespace collapsed. */
  context: string;
}

export interface ExtractedIndicator {
  type: IndicatorType;
  /** Canonical, refanged value: lower-case hosts and hashes, upper-case CVE and ATT&CK ids, `AS` + digits. */
  value: string;
  /** `file` hashes only. */
  hash_type?: HashType;
  /** `file` items that are names rather than hashes. */
  kind?: 'name';
  /** `cryptocurrency-wallet` only. */
  currency?: 'BTC' | 'ETH' | 'XMR';
  /** `attack-pattern` only. */
  attack_kind?: AttackIdKind;
  /** For `ipv4-addr`/`ipv6-addr` values that are CIDR blocks. */
  cidr?: boolean;
  flags: Flag[];
  /** In reading order, at most `maxOccurrences` of them. */
  occurrences: Occurrence[];
  /** How many times the value occurs in all, including occurrences not listed. */
  occurrenceCount: number;
}

/** A list entry matched against domains (and their subdomains), hosts, URLs and e-mail domains. */
export interface ValueList {
  name: string;
  /** Exact values, domain suffixes (`example.com` covers `www.example.com`) or CIDR blocks. */
  values: readonly string[];
}

export interface ExtractOptions {
  /** Extra allow lists (the user's own); the built-in defaults always apply. */
  allow?: readonly ValueList[];
  /** The warninglists in force (core/warninglists activeWarninglists); the shipped ones when absent. */
  warninglists?: readonly Warninglist[];
  deny?: readonly ValueList[];
  /** Domains of the report's publisher (from metadata or the analyst), flagged `publisher`. */
  publisherDomains?: readonly string[];
  /** Upper bound on occurrences kept per indicator (default 50); counts stay exact. */
  maxOccurrences?: number;
}

export interface ExtractionResult {
  indicators: ExtractedIndicator[];
  /** Characters of text examined. */
  characters: number;
}

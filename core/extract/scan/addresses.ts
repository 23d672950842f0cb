/**
 * IPv4 and IPv6 addresses and CIDR blocks, and MAC addresses. Version numbers that look
 * like dotted quads (`rv:1.9.1.5`, `Chrome/123.0.0.0`, `version 2.4.1.7`) are not IPs.
 */
import ipaddr from 'ipaddr.js';
import { isIPv4 } from '../hostnames.ts';
import type { MappedText } from '../mappedText.ts';
import { eachMatch, eachMatchNear, lineBefore, textBefore, type Candidate } from './candidate.ts';

const IPV4 = /(?<![A-Za-z0-9_.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?:\/(\d{1,2})(?![0-9]))?(?![A-Za-z0-9_]|\.[A-Za-z0-9])/g;
/**
 * Two colons with at most 37 hex digits between: every address holds such a pair in its
 * first 39 characters, and prose (`Note: …`) does not, so its colons cost no search
 * (issue 16, speed).
 */
export const IPV6_ANCHOR = /:[0-9A-Fa-f]{0,37}:/g;
/**
 * Not inside a longer run of hex and colons — but right after a label's colon (`Source:`,
 * `宛先：` once folded): a word before the colon with a letter no hex digit is, or a
 * character outside ASCII.
 */
export const IPV6 = /(?:(?<![A-Za-z0-9_:.])|(?<=(?:[G-Zg-z_][A-Za-z0-9_]*|[^\p{ASCII}]):))[0-9A-Fa-f:]{2,39}(?:\.\d{1,3}){0,3}(?:\/(\d{1,3}))?(?![A-Za-z0-9_:]|\.\d)/gu;
const MAC = /(?<![A-Za-z0-9_:.-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![A-Za-z0-9_:-])/g;

/** What precedes a version number: a keyword, or a product token such as `Chrome/`. */
// `(?:set\s+)?to`: "with the Flash Player version set to 23.0.0.185".
const VERSION_BEFORE = new RegExp(
  // Section, rule, item and OID numbers of technical prose (`section 4.2.1.3`, `規則 3.1.2.4`, `第2.3.1.1条`) too.
  String.raw`(?:(?:\b(?:v|ver\.?|version|versions|rv|build|firmware|release|update|flash player|flash|section|sections|sec\.|rule|rules|clause|chapter|paragraph|item|items|revision|rev\.|oid|kb|annex|appendix)|§|第|バージョン|ビルド|版|章|節|項|条|規則|規定|番号)` +
    // A noun may stand between the label and the number (`version string is`, `build number:`, `バージョン情報は`).
    String.raw`(?:\s*(?:string|number|no\.|info|information|id|identifier|value)\b|情報|番号|名|値)?` +
    String.raw`\s*(?:[:=]|は|が|is|was|as|of|(?:set\s+)?to)?\s*[「『"“'(（]?` +
    String.raw`(?:\d+(?:\.\d+){1,4}\s*(?:から|to|through|and|or|,|、|-|~|～)\s*)?` +
    String.raw`|(?:^|[\s(;,])[A-Za-z][A-Za-z0-9_-]*\/)$`,
  'i',
);
/**
 * What follows a section or version number: a Japanese counter (`4.1.2.3節`, `2.3.1.1条`),
 * "or earlier" (`3.0.12.4 以前`, `2.0.3.8 より前`, `7.1.0.2 and later`), or, in a table, the
 * next cell naming it (`5.2.0.7    Version`, `2.3.1.7    Rule ID`).
 */
const VERSION_AFTER = /^(?:[章節項条版]|[ \t]{2,}(?:version|revision|rev\.|rule|section|oid)(?![\w-])|[ \t]*(?:以前|以降|より前|未満)|[ \t]+(?:or|and)[ \t]+(?:earlier|later|newer|older|above|below)\b)/i;

/** How a label that ends the line above leads into its value: a colon, は/が, or a range's `to`. */
const LEADS_ON = /(?:[:=]|は|が|から|\bto|-|~|～)\s*[「『"“'(（]?\s*$/i;

export function looksLikeVersion(text: string, offset: number, end = offset): boolean {
  if (VERSION_AFTER.test(text.slice(end, end + 24))) return true;
  const line = lineBefore(text, offset, 48);
  if (VERSION_BEFORE.test(line)) return true;
  // The label may end the line above (`ファイルバージョンは` / `3.2.0.118 で`, prose wrapped
  // after `at version`) when it leads on to the value or the line is prose; a table row's
  // last cell (`… rule revision`, after a wide gap) does not label the next row.
  const across = textBefore(text, offset, 48);
  if (across === line || !VERSION_BEFORE.test(across)) return false;
  const above = text.slice(Math.max(0, text.lastIndexOf('\n', offset - line.length - 2) + 1), Math.max(0, offset - line.length - 1));
  return LEADS_ON.test(across) || !TABLE_GAP.test(above);
}

/** Two columns of a table: a tab or a run of spaces between two words. */
const TABLE_GAP = /\S(?:\t| {3,})\S/;
/** How far after a version a number of the same family (`9.1.18.2` … `9.1.18.5`) is read as one too. */
const FAMILY_REACH = 300;

export function scanIPv4(mapped: MappedText): Candidate[] {
  const text = mapped.text;
  const found: Candidate[] = [];
  /** The first two parts of each version seen, and where it ended. */
  const versions: { family: string; end: number }[] = [];
  eachMatch(IPV4, text, (match) => {
    const address = match[1] ?? '';
    if (!isIPv4(address)) return;
    const family = address.split('.', 2).join('.');
    const end = match.index + address.length;
    // A later release of a version just named (`firmware 9.1.18.2 … fixed in 9.1.18.5`) is one too.
    if (looksLikeVersion(text, match.index, end) || versions.some((version) => version.family === family && match.index - version.end <= FAMILY_REACH)) {
      versions.push({ family, end });
      return;
    }
    const prefix = match[2];
    if (prefix !== undefined && Number(prefix) <= 32) {
      found.push({ type: 'ipv4-addr', value: `${address}/${prefix}`, start: match.index, end: match.index + match[0].length, cidr: true });
    } else {
      found.push({ type: 'ipv4-addr', value: address, start: match.index, end: match.index + address.length });
    }
  });
  return found;
}

export function scanIPv6(mapped: MappedText): Candidate[] {
  const found: Candidate[] = [];
  // Only matches with two colons are kept, the first within 39 characters of the start:
  // the search runs near two colons with only hex digits between (a match it skips has
  // no such pair and would be dropped below).
  eachMatchNear(IPV6, mapped.text, IPV6_ANCHOR, 39, (match) => {
    // A run that opens with a label's colon (`宛先:2a03:…`): the address starts after it.
    if (/^:[^:]/.test(match[0]) && /[^\p{ASCII}]/u.test(mapped.text.charAt(match.index - 1))) {
      match = Object.assign([match[0].slice(1), match[1]], { index: match.index + 1, input: match.input }) as RegExpExecArray;
    }
    const written = match[0];
    const prefix = match[1];
    const address = prefix === undefined ? written : written.slice(0, written.length - prefix.length - 1);
    if ((address.match(/:/g) ?? []).length < 2 || !/[0-9A-Fa-f]/.test(address)) return;
    if (!ipaddr.IPv6.isValid(address)) return;
    const end = match.index + written.length;
    if (prefix !== undefined && Number(prefix) <= 128) {
      found.push({ type: 'ipv6-addr', value: written.toLowerCase(), start: match.index, end, cidr: true });
    } else {
      found.push({ type: 'ipv6-addr', value: address.toLowerCase(), start: match.index, end: match.index + address.length });
    }
  });
  return found;
}

export function scanMacAddresses(mapped: MappedText): Candidate[] {
  const found: Candidate[] = [];
  eachMatch(MAC, mapped.text, (match) => {
    const value = match[0].toLowerCase().replace(/-/g, ':');
    found.push({ type: 'mac-addr', value, start: match.index, end: match.index + match[0].length });
  });
  return found;
}

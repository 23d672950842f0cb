/**
 * URLs with a scheme. The body is read by hand after the scheme so that brackets are
 * balanced (`[url](url)` in Markdown, `(url)` in prose) and trailing punctuation is left
 * to the sentence; the host must be a real domain or an IP address.
 */
import ipaddr from 'ipaddr.js';
import { classifyHost, isIPv4 } from '../hostnames.ts';
import { isDefanged, type MappedText } from '../mappedText.ts';
import { eachMatch, type Candidate } from './candidate.ts';

const SCHEME = /(?<![A-Za-z0-9])(?:https?|ftps?|sftp|wss?):\/\//gi;
/** Characters a URL body may hold; anything else (space, quotes, CJK text) ends it. */
const BODY_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%|^]/;
/**
 * Sentence punctuation left to the sentence. `=` is not among them: a URL ending in
 * `?profile=` (an empty parameter the malware fills in) or base64 padding keeps it.
 */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '*', '|', '^', '&']);
const MAX_URL = 2048;
const MAX_AUTHORITY = 300;

const BODY_TABLE = new Uint8Array(128);
for (let code = 0; code < 128; code++) BODY_TABLE[code] = BODY_CHAR.test(String.fromCharCode(code)) && code !== 39 ? 1 : 0;

/** End of the URL body starting at `from`: stops at an unbalanced closing bracket. */
function bodyEnd(text: string, from: number, limit: number, stopAtPath: boolean): number {
  let round = 0;
  let square = 0;
  let curly = 0;
  let end = from;
  const last = Math.min(text.length, from + limit);
  for (; end < last; end++) {
    const code = text.charCodeAt(end);
    if (code >= 128 || BODY_TABLE[code] === 0) break;
    if (stopAtPath && (code === 0x2f || code === 0x3f || code === 0x23)) break;
    if (code === 0x28) round++;
    else if (code === 0x5b) square++;
    else if (code === 0x7b) curly++;
    else if (code === 0x29) {
      if (round === 0) break;
      round--;
    } else if (code === 0x5d) {
      if (square === 0) break;
      square--;
    } else if (code === 0x7d) {
      if (curly === 0) break;
      curly--;
    }
  }
  while (end > from && TRAILING.has(text.charAt(end - 1))) end--;
  return end;
}

interface HostPart {
  host: string;
  start: number;
  end: number;
}

/** Finds the host inside `text[from, end)` (after `scheme://`), skipping user info. */
function hostOf(text: string, from: number, end: number): HostPart | undefined {
  let start = from;
  const authorityEnd = text.slice(from, end).search(/[/?#]/);
  const authority = text.slice(from, authorityEnd === -1 ? end : from + authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at !== -1) start = from + at + 1;
  if (text.charAt(start) === '[') {
    const close = text.indexOf(']', start);
    if (close === -1 || close >= end) return undefined;
    return { host: text.slice(start + 1, close), start: start + 1, end: close };
  }
  let hostEnd = start;
  while (hostEnd < end && /[A-Za-z0-9._-]/.test(text.charAt(hostEnd))) hostEnd++;
  const host = text.slice(start, hostEnd).replace(/\.$/, '');
  return { host, start, end: start + host.length };
}

export interface UrlScan {
  candidates: Candidate[];
  /** Prepared-text spans of the URLs, inside which other scanners mostly stay quiet. */
  spans: { start: number; end: number; queryStart: number }[];
}

export function scanUrls(mapped: MappedText): UrlScan {
  const text = mapped.text;
  const candidates: Candidate[] = [];
  const spans: UrlScan['spans'] = [];
  eachMatch(SCHEME, text, (match) => {
    const start = match.index;
    const bodyStart = start + match[0].length;
    // The authority is short; reading it first keeps a run of bare schemes linear.
    const host = hostOf(text, bodyStart, bodyEnd(text, bodyStart, MAX_AUTHORITY, true));
    if (host === undefined || host.host === '') return;
    let end = bodyEnd(text, bodyStart, MAX_URL, false);
    let hostCandidate: Candidate | undefined;
    if (isIPv4(host.host)) {
      hostCandidate = { type: 'ipv4-addr', value: host.host, start: host.start, end: host.end };
    } else if (host.host.includes(':')) {
      if (!ipaddr.IPv6.isValid(host.host)) return;
      hostCandidate = { type: 'ipv6-addr', value: host.host.toLowerCase(), start: host.start, end: host.end };
    } else {
      const verdict = classifyHost(host.host, isDefanged(mapped, host.start, host.end));
      if (verdict === undefined) return;
      hostCandidate = { type: 'domain-name', value: host.host.toLowerCase(), start: host.start, end: host.end };
    }
    // After the host only a port, a path, a query or a fragment may follow.
    let rest = host.end + (text.charAt(host.end) === ']' ? 1 : 0);
    if (text.charAt(host.end) === '.' && rest === host.end) rest++;
    const port = /^:\d{1,5}/.exec(text.slice(rest, rest + 6));
    if (port !== null) rest += port[0].length;
    if (rest < end && !/[/?#]/.test(text.charAt(rest))) end = rest;
    // A URL that opens an unquoted CSV field (`5,URL,hxxps://…/verify.php?u=77,2025/03/01`) ends at the field's comma.
    if (text.charAt(start - 1) === ',') {
      const comma = text.indexOf(',', rest);
      if (comma !== -1 && comma < end) end = comma;
    }
    while (end > bodyStart && TRAILING.has(text.charAt(end - 1))) end--;
    const written = text.slice(start, end);
    const schemeEnd = match[0].length;
    const value =
      written.slice(0, schemeEnd).toLowerCase() +
      text.slice(bodyStart, host.start) +
      text.slice(host.start, host.end).toLowerCase() +
      text.slice(host.end, end);
    candidates.push({ type: 'url', value, start, end }, hostCandidate);
    const query = text.slice(host.end, end).search(/[?#]/);
    spans.push({ start, end, queryStart: query === -1 ? end : host.end + query });
    SCHEME.lastIndex = Math.max(SCHEME.lastIndex, end);
  });
  return { candidates, spans };
}

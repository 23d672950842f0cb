/**
 * File hashes: runs of exactly 32, 40, 64 or 128 hex digits, and SSDEEP fuzzy hashes.
 * A run must be all one case (a capitalised first letter aside) and hold both digits and
 * letters: real digests almost always do, while encoded data, counters and mixed-case
 * blobs often do not.
 */
import type { HashType } from '../types.ts';
import type { MappedText } from '../mappedText.ts';
import { eachMatch, textBefore, type Candidate } from './candidate.ts';

/**
 * A run of 32–128 hex digits not inside a longer run. Written to read one digit before
 * looking behind it (the same matches as `(?<!hex)hex{32,128}`): a pattern that opens with
 * a character class lets the engine skip to the next hex digit, where one opening with a
 * lookbehind is tried at every offset (issue 16, speed; a property test compares the two).
 */
export const HEX_RUN = /[0-9A-Fa-f](?<![0-9A-Fa-f][0-9A-Fa-f])[0-9A-Fa-f]{31,127}(?![0-9A-Fa-f])/g;
const SSDEEP = /(?<![A-Za-z0-9_:/+])\d{1,8}:[A-Za-z0-9/+]{3,128}:[A-Za-z0-9/+]{3,128}(?![A-Za-z0-9_/+])/g;

export const HASH_LENGTHS: ReadonlyMap<number, HashType> = new Map([
  [32, 'MD5'],
  [40, 'SHA-1'],
  [64, 'SHA-256'],
  [128, 'SHA-512'],
]);

/**
 * Words that name a hex value as something other than a file digest: keys (`"key":
 * "…"` in a config dump, `暗号化キー` on the line above, `RC4`/`AES`/`XOR` keys), session
 * ids, GUIDs. Up to 12 non-word characters may stand between (quotes, colons, padding).
 */
const NOT_A_DIGEST = /(?:\b(?:key|boundary|sid|session|token|secret|nonce|salt|iv|guid|uuid|cookie|password|aes(?:-?\d{3})?|rc4|xor)|鍵|キー)\W{0,12}$/i;

/**
 * A lower-case digest whose first letter a word processor capitalised at the start of a
 * line or sentence (`Fbc6f64c…` in a list typed in Word): read as the lower-case digest.
 */
const CAPITALISED = /^[A-F][0-9a-f]*[a-f][0-9a-f]*$/;

/** True when `hex` could be a digest: one case (but for a capitalised first letter), digits and letters both present. */
export function plausibleDigest(hex: string): boolean {
  const body = CAPITALISED.test(hex) ? hex.slice(1) : hex;
  const lower = /[a-f]/.test(body);
  const upper = /[A-F]/.test(body);
  return lower !== upper && /[0-9]/.test(hex);
}

export function hashCandidate(hex: string, start: number, end: number): Candidate | undefined {
  const hashType = HASH_LENGTHS.get(hex.length);
  if (hashType === undefined || !plausibleDigest(hex)) return undefined;
  return { type: 'file', value: hex.toLowerCase(), start, end, hash_type: hashType };
}

export function scanHashes(mapped: MappedText): Candidate[] {
  const text = mapped.text;
  const found: Candidate[] = [];
  eachMatch(HEX_RUN, text, (match) => {
    const start = match.index;
    if (NOT_A_DIGEST.test(textBefore(text, start, 32))) return;
    // `0x` + 40 hex digits is an Ethereum address; the wallet scanner decides.
    if (match[0].length === 40 && text.slice(Math.max(0, start - 2), start).toLowerCase() === '0x' && isEthereumContext(text, start)) return;
    const candidate = hashCandidate(match[0], start, start + match[0].length);
    if (candidate !== undefined) found.push(candidate);
  });
  eachMatch(SSDEEP, text, (match) => {
    // ssdeep block sizes are 3·2^n; this keeps `2001:0db8:…` and times out of the way.
    const blockSize = Number(match[0].slice(0, match[0].indexOf(':')));
    if (!Number.isInteger(Math.log2(blockSize / 3))) return;
    found.push({ type: 'file', value: match[0], start: match.index, end: match.index + match[0].length, hash_type: 'SSDEEP' });
  });
  return found;
}

/**
 * Whether `0x…` at `hexStart` reads as an Ethereum address: mixed case (the EIP-55
 * checksum) or a wallet word nearby. Otherwise a uniform-case value is taken as SHA-1.
 */
export function isEthereumContext(text: string, hexStart: number): boolean {
  const hex = text.slice(hexStart, hexStart + 40);
  if (/[a-f]/.test(hex) && /[A-F]/.test(hex)) return true;
  return /\b(?:eth|ethereum|ether|wallet|erc-?20|address)\b|ウォレット|イーサリアム/i.test(text.slice(Math.max(0, hexStart - 80), hexStart));
}

/**
 * Cryptocurrency wallet addresses. Bitcoin addresses carry checksums (Base58Check,
 * bech32/bech32m), which are verified: random base58-looking words almost never pass.
 */
import type { MappedText } from '../mappedText.ts';
import { eachMatch, type Candidate } from './candidate.ts';
import { isEthereumContext } from './hashes.ts';
import { sha256 } from './sha256.ts';

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BTC_LEGACY = /(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])/g;
const BTC_BECH32 = /(?<![A-Za-z0-9])(?:bc1[02-9ac-hj-np-z]{11,71}|BC1[02-9AC-HJ-NP-Z]{11,71})(?![A-Za-z0-9])/g;
const XMR = /(?<![A-Za-z0-9])[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93}(?:[1-9A-HJ-NP-Za-km-z]{11})?(?![A-Za-z0-9])/g;
const ETH = /(?<![A-Za-z0-9])0x([0-9A-Fa-f]{40})(?![0-9A-Za-z])/g;

function base58Decode(text: string): Uint8Array | undefined {
  const bytes: number[] = [0];
  for (const char of text) {
    let carry = BASE58_ALPHABET.indexOf(char);
    if (carry < 0) return undefined;
    for (let i = 0; i < bytes.length; i++) {
      carry += (bytes[i] ?? 0) * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

/** Base58Check: the last 4 bytes are the first 4 of the double SHA-256 of the rest. */
export function validBase58Check(text: string): boolean {
  const decoded = base58Decode(text);
  if (decoded?.length !== 25) return false;
  const payload = decoded.subarray(0, 21);
  const checksum = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (checksum[i] !== decoded[21 + i]) return false;
  return true;
}

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

/** BIP-173/350: valid with the bech32 constant (v0) or the bech32m constant (v1+). */
export function validBech32(address: string): boolean {
  const lower = address.toLowerCase();
  const separator = lower.lastIndexOf('1');
  const hrp = lower.slice(0, separator);
  const data = Array.from(lower.slice(separator + 1), (char) => BECH32_CHARSET.indexOf(char));
  if (data.some((value) => value < 0) || data.length < 6) return false;
  const hrpCodes = Array.from(hrp, (char) => char.charCodeAt(0));
  const values = [...hrpCodes.map((code) => code >> 5), 0, ...hrpCodes.map((code) => code & 31), ...data];
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) checksum ^= BECH32_GENERATORS[i] ?? 0;
  }
  const constant = checksum >>> 0;
  const version = data[0] ?? -1;
  return (version === 0 && constant === 1) || (version > 0 && version <= 16 && constant === 0x2bc830a3);
}

export function scanWallets(mapped: MappedText): Candidate[] {
  const text = mapped.text;
  const found: Candidate[] = [];
  const add = (value: string, start: number, currency: 'BTC' | 'ETH' | 'XMR'): void => {
    found.push({ type: 'cryptocurrency-wallet', value, start, end: start + value.length, currency });
  };
  eachMatch(BTC_LEGACY, text, (match) => {
    if (validBase58Check(match[0])) add(match[0], match.index, 'BTC');
  });
  eachMatch(BTC_BECH32, text, (match) => {
    if (validBech32(match[0])) add(match[0], match.index, 'BTC');
  });
  eachMatch(XMR, text, (match) => add(match[0], match.index, 'XMR'));
  eachMatch(ETH, text, (match) => {
    if (isEthereumContext(text, match.index + 2)) add(match[0], match.index, 'ETH');
  });
  return found;
}

/**
 * What a digest of each hash algorithm looks like (STIX 2.1 §2.6 and §10.4, the
 * hash-algorithm-ov), shared by the `hashes` property kind and by hash constants in STIX
 * patterns (`file:hashes.'SHA-256' = '…'`), so an object and a pattern agree on what a
 * SHA-256 is. Each shape comes with the words a message uses to say what to type.
 */

export interface HashFormat {
  /** The spec's spelling of the algorithm. */
  readonly name: string;
  readonly pattern: RegExp;
  /** What a value looks like, for messages: "64 hexadecimal digits". */
  readonly shape: string;
}

const hex = (name: string, digits: number): HashFormat => ({
  name, pattern: new RegExp(`^[a-fA-F0-9]{${digits}}$`), shape: `${digits} hexadecimal digits`,
});

/** The vocabulary's algorithms, by their spec names. */
export const HASH_FORMATS: Readonly<Record<string, HashFormat>> = {
  MD5: hex('MD5', 32),
  'SHA-1': hex('SHA-1', 40),
  'SHA-256': hex('SHA-256', 64),
  'SHA-512': hex('SHA-512', 128),
  'SHA3-256': hex('SHA3-256', 64),
  'SHA3-512': hex('SHA3-512', 128),
  // blocksize:hash:hash, each hash in base64 characters (ssdeep's own output format).
  SSDEEP: { name: 'SSDEEP', pattern: /^\d{1,10}:[A-Za-z0-9/+]{1,64}:[A-Za-z0-9/+]{1,64}$/, shape: 'blocksize:hash:hash, e.g. 3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C' },
  // 70 hexadecimal digits, written by TLSH 4 and later after a "T1" version prefix.
  TLSH: { name: 'TLSH', pattern: /^(?:T1)?[a-fA-F0-9]{70}$/, shape: '70 hexadecimal digits, optionally after the version prefix T1' },
};

/** Other algorithms with a fixed digest length that patterns name (the OASIS pattern validator knows them too). */
const OTHER_FORMATS: readonly HashFormat[] = [
  hex('SHA-224', 56), hex('SHA-384', 96), hex('SHA3-224', 56), hex('SHA3-384', 96), hex('RIPEMD-160', 40), hex('WHIRLPOOL', 128),
];

const loose = (name: string): string => name.toUpperCase().replaceAll('-', '').replaceAll('_', '');
const BY_LOOSE_NAME = new Map([...Object.values(HASH_FORMATS), ...OTHER_FORMATS].map((format) => [loose(format.name), format]));

/** The format of an algorithm however it is spelt (`SHA256`, `sha-256`, `SHA-256`). */
export function hashFormatLoosely(algorithm: string): HashFormat | undefined {
  return BY_LOOSE_NAME.get(loose(algorithm));
}

/** §2.7 and the OASIS hashes schema: a custom algorithm name is 3–250 of a–z, A–Z, 0–9, _ and -. */
export const CUSTOM_HASH_NAME = /^[a-zA-Z0-9_-]{3,250}$/;

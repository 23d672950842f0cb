/**
 * Hash type from a hash's shape. Lengths are ambiguous between families (64 hex digits is
 * SHA-256 or SHA3-256), so the declared key decides among the candidates its length allows,
 * and the most common algorithm is assumed when the key says nothing usable.
 */
const BY_HEX_LENGTH: Readonly<Record<number, readonly string[]>> = {
  32: ['MD5'],
  40: ['SHA-1'],
  64: ['SHA-256', 'SHA3-256'],
  128: ['SHA-512', 'SHA3-512'],
};

/** blocksize:hash:hash in base64 alphabet (ssdeep's own output form). */
const SSDEEP = /^\d+:[A-Za-z0-9/+]+:[A-Za-z0-9/+]+$/;

/** The hash algorithm a value looks like, or undefined when it matches none. */
export function hashTypeOf(value: string, declared?: string): string | undefined {
  const text = value.trim();
  if (SSDEEP.test(text)) return 'SSDEEP';
  if (!/^[0-9a-fA-F]+$/.test(text)) return undefined;
  const candidates = BY_HEX_LENGTH[text.length];
  if (candidates === undefined) return undefined;
  const wanted = declared?.trim().toUpperCase();
  return candidates.find((name) => name === wanted) ?? candidates[0];
}

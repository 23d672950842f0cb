/**
 * An incremental SHA-256 (one archive entry is hashed as it streams past). Web Crypto has
 * no incremental digest, so the audited @noble/hashes does it, the same in workers and Node.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface RunningDigest {
  update(bytes: Uint8Array): void;
  hex(): string;
}

export function runningSha256(): RunningDigest {
  const hash = sha256.create();
  return {
    update: (bytes) => void hash.update(bytes),
    hex: () => bytesToHex(hash.digest()),
  };
}

/** One buffer from several (the pieces of one entry or one output chunk). */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1 && pieces[0]) return pieces[0];
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

/**
 * Split hashes (issue 16): pieces are joined when together they make a hash and the rules
 * allow it. A number heading a line of a hash list — a build date or version labelling the
 * next hash — is not the tail (or head) of the hash beside it.
 */
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index.ts';

const MD5_A = '0cc175b9c0f1b6a831c399e269772661';
const MD5_B = '92eb5ffee6ae2fec3ad71c777531578f';
const hashes = (text: string): string[] =>
  extractIndicators([{ page: 1, text }])
    .indicators.filter((indicator) => indicator.hash_type !== undefined)
    .map((indicator) => `${indicator.hash_type}:${indicator.value}`)
    .sort();

describe('split hashes and numbers that head a line', () => {
  it('keeps the MD5s of a list apart from the dates and versions labelling the next line', () => {
    expect(hashes(`Builds\nfirst: ${MD5_A}\n20190312: ${MD5_B}\n`)).toEqual([`MD5:${MD5_A}`, `MD5:${MD5_B}`]);
    expect(hashes(`Builds\n${MD5_A}\n20190415 (x64):\n${MD5_B}\nDroppers\n`)).toEqual([`MD5:${MD5_A}`, `MD5:${MD5_B}`]);
    expect(hashes(`Builds\nv1: ${MD5_A}\n4021 samples were seen\n`)).toEqual([`MD5:${MD5_A}`]);
  });

  it('still joins a tail of digits alone on its line, and one a label names the joined length', () => {
    const sha256 = '5c1f3e0a9b8d7c6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a20240117';
    expect(hashes(`Payload\n${sha256.slice(0, 56)}\n${sha256.slice(56)}\n`)).toEqual([`SHA-256:${sha256}`]);
    const sha1 = '7d1a8e4c2b9f0e3d5a6c7b8e9f0a1b2c45830921';
    expect(hashes(`The loader (SHA-1: ${sha1.slice(0, 32)}\n${sha1.slice(32)} and more) runs.`)).toEqual([`SHA-1:${sha1}`]);
  });
});

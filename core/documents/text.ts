/**
 * Bytes of a text file → a string. Byte-order marks decide first (UTF-8, UTF-16 LE/BE);
 * without one, strict UTF-8 is tried, then the two Japanese legacy encodings that threat
 * reports and CERT advisories still arrive in (Shift_JIS, EUC-JP), each strictly, keeping
 * the one that reads as the most Japanese. TextDecoder knows these labels in browsers and
 * in Node with full ICU (the default build). windows-1252 is the last resort: it never fails.
 */

export type TextEncodingLabel = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingLabel;
}

function strict(label: TextEncodingLabel, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Characters that are ordinary in Japanese prose: kana, common kanji, full-width punctuation. */
function japaneseScore(text: string): number {
  const common = text.match(/[\u3040-\u30ff\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]/g)?.length ?? 0;
  // Half-width katakana and private-use characters are what a wrong guess usually produces.
  const odd = text.match(/[\uff61-\uff9f\ue000-\uf8ff\ufffd]/g)?.length ?? 0;
  return common - odd * 3;
}

/** UTF-16 without a BOM shows as a NUL in every other byte of ASCII text. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const candidates = (['shift_jis', 'euc-jp'] as const)
    .map((encoding) => ({ encoding, text: strict(encoding, bytes) }))
    .filter((candidate): candidate is DecodedText & { encoding: 'shift_jis' | 'euc-jp' } => candidate.text !== undefined)
    .sort((a, b) => japaneseScore(b.text) - japaneseScore(a.text));
  const best = candidates[0];
  if (best && japaneseScore(best.text) > 0) return best;
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

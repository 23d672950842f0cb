/**
 * Normalising for matching folds one character at a time, and passes over ASCII runs in
 * one step (issue 16, speed): whatever the mix of ASCII and other text, a page must come
 * out as its characters folded one by one, each output character pointing at its source.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from './normalize.ts';

/** The page folded one code point at a time, each piece with the offset it came from. */
function foldedOneByOne(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = normalizeForMatching(char).text;
    out += piece;
    for (let i = 0; i < piece.length; i++) origin.push(offset);
    offset += char.length;
  }
  origin.push(text.length);
  return { text: out, origin };
}

const PIECES = ['ﬁ', 'ﬀ', '１９８．５１', '［．］', '＠', '¥', '￥', 'C:¥Users', '‐', '−', '\u00AD', '\u200B', '’', '•', '請求書', 'ｶﾀｶﾅ', '😀', 'example.com', ' ', '\n', 'a'.repeat(50)];

describe('normalizeForMatching', () => {
  it('gives what folding each character alone gives, pointing each output character at its source', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const mapped = normalizeForMatching(text);
        const expected = foldedOneByOne(text);
        expect(mapped.text).toBe(expected.text);
        expect(Array.from(mapped.origin)).toEqual(expected.origin);
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('folds full-width digits and dots, ligatures and yen signs, and keeps kana and kanji', () => {
    expect(normalizeForMatching('C2は１９８．５１．１００．７、ﬁle C:¥Users 請求書').text).toBe('C2は198.51.100.7、file C:\\Users 請求書');
  });
});

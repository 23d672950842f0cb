/**
 * `eachMatchNear` (issue 16, speed) searches only near an anchor character; it must visit
 * exactly what a search of the whole text visits, or e-mail addresses would be lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachMatch, eachMatchNear } from './candidate.ts';

/** The e-mail scanner's pattern: its local part is 1–64 characters before the `@`. */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63}){1,126})(?![A-Za-z0-9_-])/g;

function visits(search: (visit: (match: RegExpExecArray) => void) => void): [number, string][] {
  const seen: [number, string][] = [];
  search((match) => seen.push([match.index, match[0]]));
  return seen;
}

const PIECES = ['@', 'a@b.com', 'x.y+z@mail.example.co.jp', ' ', '\n', '.', '-', 'a'.repeat(70), 'b'.repeat(63) + '@c.org', '@@', 'user@', '@host.net', 'x@y', '..', '%'];

describe('eachMatchNear', () => {
  it('visits the same e-mail matches as a search of the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 10 }), fc.stringMatching(/^[a-z0-9.@-]{1,20}$/)), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(visits((visit) => eachMatchNear(EMAIL, text, '@', 65, visit))).toEqual(visits((visit) => eachMatch(EMAIL, text, visit)));
      }),
      { seed: 16, numRuns: 3000 },
    );
  });
});

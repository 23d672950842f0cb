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

const PIECES = ['2001:db8::1', '::ffff:1.2.3.4/96', 'fe80::1%', 'a'.repeat(60) + '.com', 'ab:cd', '/', '@', 'a@b.com', 'x.y+z@mail.example.co.jp', ' ', '\n', '.', '-', 'a'.repeat(70), 'b'.repeat(63) + '@c.org', '@@', 'user@', '@host.net', 'x@y', '..', '%'];

/** The domain scanner's pattern: a `.` within the first 64 characters. */
const DOMAIN = /(?<![A-Za-z0-9_.\-@/\\])[A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63}){1,126}(?![A-Za-z0-9_-])/g;
/** The IPv6 scanner's pattern; it keeps only matches with two colons, the first within 39 characters. */
const IPV6 = /(?<![A-Za-z0-9_:.])[0-9A-Fa-f:]{2,39}(?:\.\d{1,3}){0,3}(?:\/(\d{1,3}))?(?![A-Za-z0-9_:]|\.\d)/g;

const TEXT = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 10 }), fc.stringMatching(/^[a-z0-9.@-]{1,20}$/), fc.stringMatching(/^[0-9a-fA-F:./ x]{1,48}$/)), { maxLength: 40 });

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

  it('visits the same domain matches, and the same IPv6 matches with two colons', () => {
    const twoColons = (seen: [number, string][]): [number, string][] => seen.filter(([, text]) => text.split(':').length > 2);
    fc.assert(
      fc.property(TEXT, (pieces) => {
        const text = pieces.join('');
        expect(visits((visit) => eachMatchNear(DOMAIN, text, '.', 64, visit))).toEqual(visits((visit) => eachMatch(DOMAIN, text, visit)));
        expect(twoColons(visits((visit) => eachMatchNear(IPV6, text, ':', 39, visit)))).toEqual(twoColons(visits((visit) => eachMatch(IPV6, text, visit))));
      }),
      { seed: 16, numRuns: 3000 },
    );
  });
});

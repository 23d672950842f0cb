/**
 * `eachMatchNear` (issue 16, speed) searches only near an anchor; it must visit exactly
 * what a search of the whole text visits, or e-mail addresses, domains, IPv6 addresses
 * and file names would be lost. The scanners' own patterns and anchors are tested.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPV6, IPV6_ANCHOR } from './addresses.ts';
import { eachMatch, eachMatchNear } from './candidate.ts';
import { FILE_NAME, FILE_NAME_ANCHOR, FILE_NAME_REACH, LABEL_COLON, LABELLED, labelReach } from './fileNames.ts';
import { HEX_RUN } from './hashes.ts';
import { DOMAIN, DOMAIN_ANCHOR, EMAIL } from './hosts.ts';


function visits(search: (visit: (match: RegExpExecArray) => void) => void): [number, string][] {
  const seen: [number, string][] = [];
  search((match) => seen.push([match.index, match[0]]));
  return seen;
}

const PIECES = ['2001:db8::1', '::ffff:1.2.3.4/96', 'fe80::1%', 'a'.repeat(60) + '.com', 'ab:cd', '/', '@', 'a@b.com', 'x.y+z@mail.example.co.jp', ' ', '\n', '.', '-', 'a'.repeat(70), 'b'.repeat(63) + '@c.org', '@@', 'user@', '@host.net', 'x@y', '..', '%'];


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
        expect(visits((visit) => eachMatchNear(DOMAIN, text, DOMAIN_ANCHOR, 64, visit))).toEqual(visits((visit) => eachMatch(DOMAIN, text, visit)));
        expect(twoColons(visits((visit) => eachMatchNear(IPV6, text, IPV6_ANCHOR, 39, visit)))).toEqual(twoColons(visits((visit) => eachMatch(IPV6, text, visit))));
      }),
      { seed: 16, numRuns: 3000 },
    );
  });

  it('visits the same file names near an extension as a search for names near every character', () => {
    // Names built to the limits: stems of up to 125 characters, up to five inner parts of up
    // to 42 (one past each limit), Japanese stems, extensions in any case and ones that are
    // not (`.exe2`, `.jsx`), set among prose full stops, `%` and separators.
    const name = fc
      .tuple(fc.integer({ min: 1, max: 125 }), fc.array(fc.integer({ min: 1, max: 42 }), { maxLength: 5 }), fc.constantFrom('.exe', '.EXE', '.pdf', '.js', '.jsx', '.exe2', '.gz', '.docx', '.Doc'), fc.constantFrom('a', '請', '_', '9'))
      .map(([stem, parts, extension, char]) => char.repeat(stem) + parts.map((length) => '.' + 'p'.repeat(length)).join('') + extension);
    const noise = fc.oneof(fc.constantFrom('.', '. ', '%', '-', ' ', '\n', '【至急】', 'x'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.oneof(name, noise), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(visits((visit) => eachMatchNear(FILE_NAME, text, FILE_NAME_ANCHOR, FILE_NAME_REACH, visit))).toEqual(visits((visit) => eachMatch(FILE_NAME, text, visit)));
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('finds a name at every limit at once: a 120-character stem and four 40-character parts', () => {
    const longest = 'a'.repeat(120) + '.'.concat('p'.repeat(40)).repeat(4) + '.exe';
    const text = `dropped ${longest} and ran it`;
    expect(visits((visit) => eachMatchNear(FILE_NAME, text, FILE_NAME_ANCHOR, FILE_NAME_REACH, visit))).toEqual([[8, longest]]);
  });

  it('visits the same labelled names near a colon as a search of the whole text', () => {
    // Every label in its longest form and in any case, any run of spaces (tabs, full-width) before its colon.
    const label = fc
      .tuple(fc.constantFrom('Attachments names', 'ATTACHED FILE', 'document name', 'File names', 'filename', 'lure', '添付ファイル名', 'ファイル名', '添付', 'xfile name'), fc.constantFrom('', ' ', '      ', '\t', '\u3000', '\n', ' '.repeat(40)), fc.constantFrom(':', '：', ' :', ''))
      .map(([words, spaces, colon]) => words + spaces + colon);
    fc.assert(
      fc.property(fc.array(fc.oneof(label, fc.constantFrom(' report.pdf.exe', ':', '\n', 'note: ', '  '), fc.string({ maxLength: 6 })), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(visits((visit) => eachMatchNear(LABELLED, text, LABEL_COLON, (colon) => labelReach(text, colon), visit))).toEqual(visits((visit) => eachMatch(LABELLED, text, visit)));
      }),
      { seed: 16, numRuns: 3000 },
    );
  });

  it('rejects an anchor expression that is not global (it would search from the start every time)', () => {
    expect(() => eachMatchNear(DOMAIN, 'a.example', /\./, 64, () => undefined)).toThrow(/global/);
  });
});

describe('the hash scanner\'s run of hex digits', () => {
  it('matches exactly where a lookbehind-first pattern does', () => {
    const LOOKBEHIND_FIRST = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{32,128}(?![0-9A-Fa-f])/g;
    // Runs around every limit (31–33, 127–129 digits), side by side or apart.
    const run = fc.integer({ min: 1, max: 132 }).chain((length) => fc.array(fc.constantFrom(...Array.from('0123456789abcdefABCDEF')), { minLength: length, maxLength: length }).map((digits) => digits.join('')));
    fc.assert(
      fc.property(fc.array(fc.oneof(run, fc.constantFrom(' ', '\n', 'g', 'x', '0x', '-'), fc.string({ maxLength: 4 })), { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(visits((visit) => eachMatch(HEX_RUN, text, visit))).toEqual(visits((visit) => eachMatch(LOOKBEHIND_FIRST, text, visit)));
      }),
      { seed: 16, numRuns: 3000 },
    );
  });
});

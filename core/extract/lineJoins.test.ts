/**
 * The line filter of the wrapped-indicator joins (issue 16, speed): a hand-written pass
 * replaced a regular expression that read up to 20 characters ahead at every offset. It
 * must pick exactly the lines the expression picked, or a wrapped hash, URL or host would
 * silently stop being joined.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextJoinLine } from './lineJoins.ts';

/** The expression it replaced: its specification. */
const JOIN_START = /:\/\/|-(?![\x21-\x7E])|[0-9A-Fa-f]{4}(?![\x21-\x7E])|[1-9A-HJ-NP-Za-km-z]{20}(?![\x21-\x7E])/g;

function linesByExpression(text: string): number[] {
  const starts: number[] = [];
  JOIN_START.lastIndex = 0;
  for (let hit = JOIN_START.exec(text); hit !== null; hit = JOIN_START.exec(text)) {
    const newline = text.indexOf('\n', hit.index);
    if (newline === -1) break;
    starts.push(text.lastIndexOf('\n', hit.index - 1) + 1);
    JOIN_START.lastIndex = newline + 1;
  }
  return starts;
}

function linesByFilter(text: string): number[] {
  const starts: number[] = [];
  for (let start = nextJoinLine(text, 0); start !== -1; ) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) break;
    starts.push(start);
    start = nextJoinLine(text, newline + 1);
  }
  return starts;
}

const PIECES = ['http://a.b/', '://', 'icloud-', '-', ' - ', 'd41d8cd9', 'dead', 'beef\n', '2016', 'CVE-2024-', '48jSx1Yn9P6TnbWYfGrHWQHRvfVHUWbbZ8KcxUGT3m7Y', '1BoatSLRr', '\n', '\n\n', ' ', '  ', '\t', '．', '用し', 'abc', 'Z0O', '0x1f', 'a:/'];

describe('nextJoinLine', () => {
  it('finds the same lines as the expression it replaced, on report pages and random text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9a-fA-F-]{1,24}$/)), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(linesByFilter(text)).toEqual(linesByExpression(text));
      }),
      { seed: 16, numRuns: 3000 },
    );
  });
});

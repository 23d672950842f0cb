/**
 * No input may make extraction super-linear (issue: "Speed and safety"). For adversarial
 * texts the time for 2 MB must stay under 8× the time for 512 KB, measured in the same
 * run (best of two to four, alternating, to fight noise), never as absolute times.
 * Four times the text takes 4× when linear and 16× when quadratic, so the 8× line sits a
 * factor of two from each: a busy CI machine does not fail it, a real quadratic does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index.ts';

const MB = 1 << 20;
const SMALL = MB / 2;
const LARGE = 2 * MB;
const LIMIT = 8;

function time(text: string): number {
  const started = performance.now();
  extractIndicators([{ page: 1, text }]);
  return performance.now() - started;
}

/**
 * Best times for 512 KB and 2 MB of the same text, measured alternately so that load from
 * other tests on the machine falls on both sizes alike.
 */
function bestTimes(unit: string): { small: number; large: number } {
  const small = repeatTo(unit, SMALL);
  const large = repeatTo(unit, LARGE);
  const times = { small: Infinity, large: Infinity };
  // More pairs only when the first two look super-linear: a GC pause or another test's
  // burst on this 2-core machine should not fail the check, a real quadratic always will.
  for (let run = 0; run < 4 && (run < 2 || times.large >= LIMIT * times.small); run++) {
    times.small = Math.min(times.small, time(small));
    times.large = Math.min(times.large, time(large));
  }
  return times;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const ADVERSARIAL: readonly string[] = ['a.', '1.1.1.1.', '[.]', 'deadbeef', 'hxxp://', '-', '．', 'a-', 'x@', 'HKLM\\a ', '1:', 'T1059.', ' [ . ] ', 'ab:cd:', 'ｗ．'];

/** Mixtures: many URLs next to many IPs, e-mails and keys, and lines that all want joining. */
const MIXED: readonly string[] = ['hxxp://a.com/ 1.2.3.4 ', 'x@a.com 1.2.3.4 HKLM\\a ', 'http://a.com/x-\ny.com/z ', 'abc-\ndef.com 1.2.3.4\n', 'd41d8cd98f00b204\ne9800998ecf8427e '];

describe('linear time', { timeout: 30_000 }, () => {
  it.each([...ADVERSARIAL, ...MIXED])('scales linearly from 512 KB to 2 MB of repeated %j', (unit) => {
    const { small, large } = bestTimes(unit);
    // Sub-millisecond runs are all noise; the ratio only means something above that.
    expect(large).toBeLessThan(Math.max(LIMIT * small, 5));
  });

  it('scales linearly on random text (seeded)', () => {
    const pieces = fc.sample(fc.oneof(fc.string({ unit: 'binary', maxLength: 64 }), fc.constantFrom(...ADVERSARIAL), fc.stringMatching(/^[0-9a-f.:/[\]@-]{1,40}$/)), { seed: 20240517, numRuns: 2000 });
    const { small, large } = bestTimes(pieces.join(''));
    expect(large).toBeLessThan(Math.max(LIMIT * small, 5));
  });
});

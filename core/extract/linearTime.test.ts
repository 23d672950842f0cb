/**
 * No input may make extraction super-linear (issue: "Speed and safety"). For adversarial
 * texts the time for 2 MB must stay under 3× the time for 1 MB, measured in the same
 * run (best of two or three, alternating, to fight noise), never as absolute times.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index.ts';

const MB = 1 << 20;

function time(text: string): number {
  const started = performance.now();
  extractIndicators([{ page: 1, text }]);
  return performance.now() - started;
}

/**
 * Best times for 1 MB and 2 MB of the same text, measured alternately so that load from
 * other tests on the machine falls on both sizes alike.
 */
function bestTimes(unit: string): { small: number; large: number } {
  const small = repeatTo(unit, MB);
  const large = repeatTo(unit, 2 * MB);
  const times = { small: Infinity, large: Infinity };
  // A third pair only when the first two look super-linear: a GC pause or another test's
  // burst on this 2-core machine should not fail the check, a real quadratic always will.
  for (let run = 0; run < 3 && (run < 2 || times.large >= 3 * times.small); run++) {
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
  it.each([...ADVERSARIAL, ...MIXED])('scales linearly on 1 and 2 MB of repeated %j', (unit) => {
    const { small, large } = bestTimes(unit);
    // Sub-millisecond runs are all noise; the ratio only means something above that.
    expect(large).toBeLessThan(Math.max(3 * small, 5));
  });

  it('scales linearly on random text (seeded)', () => {
    const pieces = fc.sample(fc.oneof(fc.string({ unit: 'binary', maxLength: 64 }), fc.constantFrom(...ADVERSARIAL), fc.stringMatching(/^[0-9a-f.:/[\]@-]{1,40}$/)), { seed: 20240517, numRuns: 2000 });
    const { small, large } = bestTimes(pieces.join(''));
    expect(large).toBeLessThan(Math.max(3 * small, 5));
  });
});

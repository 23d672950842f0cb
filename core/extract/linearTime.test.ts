/**
 * No input may make extraction super-linear (issue: "Speed and safety"). For adversarial
 * texts the time for 2 MB must stay under ~3× the time for 1 MB, measured in the same
 * run (best of three, to fight noise), never as absolute times.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index.ts';

const MB = 1 << 20;

function bestTime(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    extractIndicators([{ page: 1, text }]);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const ADVERSARIAL: readonly string[] = ['a.', '1.1.1.1.', '[.]', 'deadbeef', 'hxxp://', '-', '．', 'a-', 'x@', 'HKLM\\a ', '1:', 'T1059.', ' [ . ] ', 'ab:cd:', 'ｗ．'];

describe('linear time', () => {
  it.each(ADVERSARIAL)('scales linearly on repeated %j', (unit) => {
    const small = bestTime(repeatTo(unit, MB / 4));
    const large = bestTime(repeatTo(unit, MB / 2));
    // Sub-millisecond runs are all noise; the ratio only means something above that.
    expect(large).toBeLessThan(Math.max(3 * small, 5));
  });

  it('scales linearly on random text (seeded)', () => {
    const pieces = fc.sample(fc.oneof(fc.string({ unit: 'binary', maxLength: 64 }), fc.constantFrom(...ADVERSARIAL), fc.stringMatching(/^[0-9a-f.:/[\]@-]{1,40}$/)), { seed: 20240517, numRuns: 2000 });
    const unit = pieces.join('');
    const small = bestTime(repeatTo(unit, MB / 4));
    const large = bestTime(repeatTo(unit, MB / 2));
    expect(large).toBeLessThan(Math.max(3 * small, 5));
  });
});

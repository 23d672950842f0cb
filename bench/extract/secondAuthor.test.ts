/**
 * The floors on the second author's cases (secondAuthor.ts): indicators and names of known
 * threats, English and Japanese, written by someone who had not seen the code.
 */
import { describe, expect, it } from 'vitest';
import { attackBundlesAvailable, attackObjects } from '../../testkit/attackBundles.ts';
import { fixturesSkipReason } from '../../testkit/fixtures.ts';
import { scoreEntityCases } from './entities.ts';
import { scoreRound2 } from './round2.ts';
import { secondAuthorEntityCases, secondAuthorIndicatorCases, type Batch } from './secondAuthor.ts';

/**
 * Each batch's floors: indicators F1, and what the review lists of names (precision and
 * recall), with batch 1's ticks too. Batch 3's precision floor is low on purpose: a quarter
 * of its paragraphs are nothing but traps (films, people, places) only meaning tells apart.
 */
const FLOORS: readonly { batch: Batch; what: string; f1: number; cases: number; precision: number; recall: number; tickedPrecision?: number }[] = [
  { batch: 1, what: 'fragments of every error class', f1: 0.98, cases: 70, precision: 0.95, recall: 0.95, tickedPrecision: 0.95 },
  { batch: 2, what: 'whole report excerpts', f1: 0.98, cases: 64, precision: 0.9, recall: 0.95 },
  { batch: 3, what: 'rules and exports as pasted; paragraphs of traps', f1: 0.98, cases: 50, precision: 0.75, recall: 0.95 },
];

describe("the second author's cases", () => {
  it('finds the indicators of batch 1 in English and in Japanese at F1 ≥ 0.97', () => {
    const { byClass, byLanguage } = scoreRound2(secondAuthorIndicatorCases(1));
    for (const score of Object.values(byLanguage.perSource)) expect(score.overall.f1, JSON.stringify(byClass.misses)).toBeGreaterThanOrEqual(0.97);
  });

  if (!attackBundlesAvailable) it.skip(`names skipped: ${fixturesSkipReason}`, () => undefined);

  for (const floor of FLOORS) {
    it(`finds the indicators of batch ${floor.batch} (${floor.what}) at F1 ≥ ${floor.f1}`, () => {
      const { byClass } = scoreRound2(secondAuthorIndicatorCases(floor.batch));
      expect(byClass.overall.f1, JSON.stringify(byClass.misses)).toBeGreaterThanOrEqual(floor.f1);
    });

    it.skipIf(!attackBundlesAvailable)(`lists batch ${floor.batch}'s names at precision ≥ ${floor.precision} and recall ≥ ${floor.recall}`, () => {
      const scores = scoreEntityCases(attackObjects('enterprise'), secondAuthorEntityCases(floor.batch));
      const errors = scores.errors.join('\n');
      expect(scores.cases).toBe(floor.cases);
      expect(scores.listed['all']?.precision, errors).toBeGreaterThanOrEqual(floor.precision);
      expect(scores.listed['all']?.recall, errors).toBeGreaterThanOrEqual(floor.recall);
      if (floor.tickedPrecision !== undefined) expect(scores.ticked['all']?.precision, errors).toBeGreaterThanOrEqual(floor.tickedPrecision);
    });
  }
});

/**
 * The floors on the second author's cases (secondAuthor.ts): indicators and names of known
 * threats, English and Japanese, written by someone who had not seen the code.
 */
import { describe, expect, it } from 'vitest';
import { attackBundlesAvailable, attackObjects } from '../../testkit/attackBundles.ts';
import { fixturesSkipReason } from '../../testkit/fixtures.ts';
import { scoreEntityCases } from './entities.ts';
import { scoreRound2 } from './round2.ts';
import { secondAuthorEntityCases, secondAuthorIndicatorCases } from './secondAuthor.ts';

describe("the second author's cases", () => {
  it('finds the indicators at F1 ≥ 0.98, in English and in Japanese', () => {
    const { byClass, byLanguage } = scoreRound2(secondAuthorIndicatorCases());
    expect(byClass.overall.f1, JSON.stringify(byClass.misses)).toBeGreaterThanOrEqual(0.98);
    for (const score of Object.values(byLanguage.perSource)) expect(score.overall.f1, JSON.stringify(byClass.misses)).toBeGreaterThanOrEqual(0.97);
  });

  if (!attackBundlesAvailable) it.skip(`names skipped: ${fixturesSkipReason}`, () => undefined);

  it.skipIf(!attackBundlesAvailable)('lists the names of known threats with precision and recall ≥ 0.95, and ticks at ≥ 0.95 precision', () => {
    const scores = scoreEntityCases(attackObjects('enterprise'), secondAuthorEntityCases());
    expect(scores.cases).toBe(70);
    expect(scores.listed['all']?.precision, scores.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(scores.listed['all']?.recall, scores.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(scores.ticked['all']?.precision, scores.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the indicators of the second batch (whole report excerpts) at F1 ≥ 0.98', () => {
    const { byClass } = scoreRound2(secondAuthorIndicatorCases(2));
    expect(byClass.overall.f1, JSON.stringify(byClass.misses)).toBeGreaterThanOrEqual(0.98);
  });

  it.skipIf(!attackBundlesAvailable)("lists the second batch's names with precision ≥ 0.9 and recall ≥ 0.95", () => {
    const scores = scoreEntityCases(attackObjects('enterprise'), secondAuthorEntityCases(2));
    expect(scores.cases).toBe(64);
    expect(scores.listed['all']?.precision, scores.errors.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(scores.listed['all']?.recall, scores.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the indicators of the third batch (rules and exports as pasted) at F1 ≥ 0.98', () => {
    const { byClass } = scoreRound2(secondAuthorIndicatorCases(3));
    expect(byClass.overall.f1, JSON.stringify(byClass.misses)).toBeGreaterThanOrEqual(0.98);
  });

  it.skipIf(!attackBundlesAvailable)("finds the third batch's names at recall ≥ 0.95 among its traps (precision ≥ 0.75: films, people, places)", () => {
    const scores = scoreEntityCases(attackObjects('enterprise'), secondAuthorEntityCases(3));
    expect(scores.cases).toBe(50);
    expect(scores.listed['all']?.precision, scores.errors.join('\n')).toBeGreaterThanOrEqual(0.75);
    expect(scores.listed['all']?.recall, scores.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

/**
 * The error classes of extraction round 2 (issue 16) on this project's own cases
 * (bench/extract/round2Cases.ts): every class at F1 ≥ 0.95, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { scoreRound2 } from '../../bench/extract/round2.ts';

describe('extraction round 2 cases', () => {
  const { byClass, byLanguage } = scoreRound2();
  it('scores every error class at F1 ≥ 0.95', () => {
    const low = Object.entries(byClass.perSource).filter(([, score]) => score.overall.f1 < 0.95).map(([name, score]) => `${name}: ${score.overall.f1}`);
    expect(low, JSON.stringify(byClass.misses)).toEqual([]);
  });
  it('holds in English and in Japanese', () => {
    expect(Object.keys(byLanguage.perSource).sort()).toEqual(['en', 'ja']);
    for (const score of Object.values(byLanguage.perSource)) expect(score.overall.f1).toBeGreaterThanOrEqual(0.95);
  });
});

/**
 * Scores the extractor on the round-2 cases (round2Cases.ts), per error class and per
 * language, with the public cases' scoring (only `checked_types` count).
 */
import { magpieExtractor, scoreExtractor, type Scores } from './cases.ts';
import { ROUND2_CASES, type Round2Case } from './round2Cases.ts';

export function scoreRound2(cases: readonly Round2Case[] = ROUND2_CASES): { byClass: Scores; byLanguage: Scores } {
  const group = (key: (testCase: Round2Case) => string) => {
    const sources = new Map<string, Round2Case[]>();
    for (const testCase of cases) sources.set(key(testCase), [...(sources.get(key(testCase)) ?? []), testCase]);
    return [...sources].map(([source, grouped]) => ({ source, cases: grouped }));
  };
  return { byClass: scoreExtractor(magpieExtractor, group((testCase) => testCase.class)), byLanguage: scoreExtractor(magpieExtractor, group((testCase) => testCase.lang)) };
}

if (import.meta.main) {
  const { byClass } = scoreRound2();
  for (const [name, score] of Object.entries(byClass.perSource)) console.info(name, JSON.stringify(score.overall));
  for (const miss of byClass.misses) console.info(JSON.stringify(miss));
}

/**
 * The acceptance bar on the public ioc-cases (fixtures/ioc-cases): overall F1 above the
 * ioc-extractor package's in the same run, and no type below 0.9 recall.
 */
import { describe, expect, it } from 'vitest';
import { compareOnCases } from '../../bench/extract/cases.ts';
import { fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';

const available = fixturesAvailable && hasFixture('ioc-cases');

describe('ioc-cases benchmark', () => {
  if (!available) it.skip(`skipped: ${fixturesSkipReason}`, () => undefined);

  it.skipIf(!available)('beats ioc-extractor on F1 with recall ≥ 0.9 for every type', () => {
    const result = compareOnCases();
    expect(result).toBeDefined();
    if (result === undefined) return;
    expect(result.magpie.overall.f1).toBeGreaterThan(result.iocExtractor.overall.f1);
    expect(result.magpie.overall.precision).toBeGreaterThanOrEqual(0.95);
    const lowRecall = Object.entries(result.magpie.perType).filter(([, score]) => score.recall < 0.9);
    expect(lowRecall).toEqual([]);
  });
});

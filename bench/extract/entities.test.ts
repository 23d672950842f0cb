/**
 * The floor of name matching on the labelled paragraphs (entityCases.ts) against ATT&CK
 * Enterprise: what the review lists must be mostly right and find most of what is there.
 */
import { describe, expect, it } from 'vitest';
import { attackBundlesAvailable, attackObjects } from '../../testkit/attackBundles.ts';
import { fixturesSkipReason } from '../../testkit/fixtures.ts';
import { scoreEntityCases } from './entities.ts';

describe('names of known threats on the labelled paragraphs', () => {
  if (!attackBundlesAvailable) it.skip(`skipped: ${fixturesSkipReason}`, () => undefined);

  it.skipIf(!attackBundlesAvailable)('lists with precision ≥ 0.9 and recall ≥ 0.85, and ticks nothing wrong', () => {
    const scores = scoreEntityCases(attackObjects('enterprise'));
    expect(scores.names).toBeGreaterThan(1500);
    expect(scores.listed['all']?.precision, scores.errors.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(scores.listed['all']?.recall, scores.errors.join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(scores.ticked['all']?.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.ticked['all']?.recall).toBeGreaterThanOrEqual(0.8);
  });
});

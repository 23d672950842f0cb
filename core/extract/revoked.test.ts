/**
 * Revoked and deprecated ATT&CK ids by type (issue 16): a deprecated mitigation numbered
 * T1078 must not flag the live technique T1078, and the shipped list is the one the
 * bundles give (scripts/build-attack-revoked.ts).
 */
import { describe, expect, it } from 'vitest';
import shipped from '../../resources/extraction/attack-revoked.json' with { type: 'json' };
import { buildRevokedList } from '../../scripts/build-attack-revoked.ts';
import { attackBundlesAvailable, attackObjects } from '../../testkit/attackBundles.ts';
import { fixturesSkipReason } from '../../testkit/fixtures.ts';
import { liveAttackIds } from '../attack/revokedIds.ts';
import { extractIndicators } from './index.ts';

describe('revoked ATT&CK ids', () => {
  if (!attackBundlesAvailable) it.skip(`skipped: ${fixturesSkipReason}`, () => undefined);

  it.skipIf(!attackBundlesAvailable)('flags no live Enterprise technique, group or software, and flags the retired ones', () => {
    const live = [...liveAttackIds(attackObjects('enterprise'))].filter((id) => /^(?:T\d{4}(?:\.\d{3})?|G\d{4}|S\d{4})$/.test(id));
    expect(live.length).toBeGreaterThan(800);
    // A table of ids, one per line: the layout where G and S ids are read as ATT&CK.
    const text = ['ATT&CK techniques and software', ...live, 'G0042', 'T1574.002'].join('\n');
    const flagged = extractIndicators([{ page: 1, text }]).indicators.filter((indicator) => indicator.flags.some((flag) => flag.code === 'revoked'));
    expect(flagged.map((indicator) => indicator.value).sort()).toEqual(['G0042', 'T1574.002']);
    expect(flagged.find((indicator) => indicator.value === 'G0042')?.flags[0]?.reason).toMatch(/use G0040/);
  });

  it.skipIf(!attackBundlesAvailable)('ships the list the bundles give', () => {
    expect(shipped).toEqual(buildRevokedList());
  });
});

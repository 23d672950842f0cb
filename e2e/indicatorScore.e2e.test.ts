/**
 * Indicators that age, as the analyst sees them (issue 21, point 2): an indicator whose
 * source brought it three times, each time valid for longer, shows its score over time
 * with two reset markers and a sentence that says so, in English and Japanese; and a
 * lifetime changed in Settings → Indicator lifetimes survives a reload and gives the next
 * extracted indicator its valid_until.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EntityPage } from './support/entityPage.ts';
import { MagpieApp, screenshotDir } from './support/magpieApp.ts';
import { writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';

const DAY = 86_400_000;
const ID = 'indicator--5f1c6c0e-9a43-4c59-8a57-2f3f7d1c2b11';

const chromium = useChromium();
beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
});

/** One version of the indicator: modified `ago` days before now, valid until `until` days from now. */
function version(now: number, ago: number, until: number) {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    type: 'bundle',
    id: `bundle--0b6a2c3e-1f7d-4e55-9a1b-5c6d7e8f90${String(ago).padStart(2, '0')}`,
    objects: [
      {
        type: 'indicator', spec_version: '2.1', id: ID, name: '198.51.100.23', pattern: "[ipv4-addr:value = '198.51.100.23']", pattern_type: 'stix',
        created: iso(now - 40 * DAY), modified: iso(now - ago * DAY), valid_from: iso(now - 40 * DAY), valid_until: iso(now + until * DAY), x_opencti_score: 80,
      },
    ],
  };
}

async function openIndicator(app: MagpieApp): Promise<void> {
  await app.page.evaluate((hash) => (window.location.hash = hash), `#/object/${encodeURIComponent(ID)}`);
  await new EntityPage(app.page).settled('overview');
  await app.page.getByTestId('score-chart').waitFor();
}

describe('an indicator’s score over time', () => {
  it('marks the two times its lifetime was reset and says so, in English and Japanese', async () => {
    const now = Date.now();
    // Made 40 days ago valid for 30, brought again 20 days ago and 5 days ago, each time valid 30 days from then.
    const files = [version(now, 40, -10), version(now, 20, 10), version(now, 5, 25)];
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1280, height: 1100 } });
    try {
      for (const [index, bundle] of files.entries()) await app.importDropped(await writeJson(chromium.folder, `indicator-v${index + 1}.json`, bundle));
      await openIndicator(app);
      expect(await app.page.getByTestId('score-reset').count()).toBe(2);
      // 5 days into 30 from the base 80: 80 × (1 − (5/30)²) ≈ 78; it reaches 20 at 30 × √0.75 ≈ 26 days, 21 days from now.
      const summary = (await app.page.getByTestId('score-summary').textContent()) ?? '';
      const day = (ms: number) => new Date(ms).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });
      expect(summary).toContain(`Score 78 of 80; it decays to the revoke score 20 on ${day(now + 20.98 * DAY)}, and its validity ends on ${day(now + 25 * DAY)}.`);
      expect(summary).toContain('Reset 2 times (once by indicator-v2.json and once by indicator-v3.json).');
      expect(await app.page.getByTestId('score-current').textContent()).toBe('78 / 80');
      // Screen readers: the chart's name is the sentence, and its key points are a table.
      expect(await app.page.getByRole('img', { name: /Score over time/ }).getAttribute('aria-label')).toContain('Reset 2 times');
      expect(await app.page.getByTestId('score-points').locator('tbody tr').count()).toBe(6);
      await app.page.getByTestId('indicator-score').screenshot({ path: join(screenshotDir, 'indicator-score-en.png') });

      await app.visit('settings');
      await app.segment('language-control', '日本語').click();
      await openIndicator(app);
      expect(await app.page.getByTestId('score-summary').textContent()).toContain('スコアは 80 中 78。');
      expect(await app.page.getByTestId('score-summary').textContent()).toContain('2 回リセットされました');
      await app.page.getByTestId('indicator-score').screenshot({ path: join(screenshotDir, 'indicator-score-ja.png') });
      await app.visit('settings');
      await app.page.getByTestId('lifetime-ipv4-addr').waitFor();
      await app.page.getByTestId('lifetimes-card').screenshot({ path: join(screenshotDir, 'lifetimes-card-ja.png') });
    } finally {
      await app.close();
    }
    // About 15 and 30 s alone; the headroom is for a machine busy with other suites.
  }, 120_000);
});

describe('Settings → Indicator lifetimes', () => {
  it('refuses a lifetime out of range, keeps a saved one across a reload and gives it to the next extracted indicator', async () => {
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1280, height: 1400 } });
    try {
      await app.visit('settings');
      const card = app.page.getByTestId('lifetimes-card');
      const ipv4 = card.getByTestId('lifetime-ipv4-addr');
      await ipv4.waitFor();
      expect(await ipv4.inputValue()).toBe('30 days');
      await ipv4.fill('0');
      await ipv4.press('Enter');
      await card.getByTestId('lifetimes-invalid').waitFor();
      expect(await card.innerText()).toContain('Enter a whole number of days from 1 to 3650');
      await ipv4.fill('7');
      await card.getByTestId('lifetimes-save').click();
      await card.getByText('Saved. New indicators and the next expiry pass use these values.').waitFor();
      await card.screenshot({ path: join(screenshotDir, 'lifetimes-card-en.png') });

      const reloaded = await app.reopen();
      await reloaded.visit('settings');
      const again = reloaded.page.getByTestId('lifetime-ipv4-addr');
      await again.waitFor();
      expect(await again.inputValue()).toBe('7 days');

      // The next extraction: an IPv4 indicator valid 7 days from today.
      const notes = join(chromium.folder, 'beacon.txt');
      await writeFile(notes, 'The implant beacons to 45.77.12[.]9 every hour.\n');
      await reloaded.dropFile(notes);
      await reloaded.waitForReview();
      await reloaded.page.getByTestId('commit-extraction').click();
      await reloaded.page.getByTestId('commit-result').waitFor({ timeout: 60_000 });
      await reloaded.visit('knowledge');
      await reloaded.page.locator('nav [data-type="indicator"]').click();
      await reloaded.page.getByTestId('kb-search').fill('45.77.12.9');
      await reloaded.page.getByTestId('row-name').getByText('45.77.12.9', { exact: true }).first().click();
      await new EntityPage(reloaded.page).openFromDrawer();
      await reloaded.page.getByTestId('score-chart').waitFor();
      const day = (ms: number) => new Date(ms).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });
      expect(await reloaded.page.getByTestId('score-valid-until').textContent()).toBe(day(Date.now() + 7 * DAY));
    } finally {
      await app.close();
    }
    // About 15 and 30 s alone; the headroom is for a machine busy with other suites.
  }, 120_000);
});

/**
 * Issue 16, points 5 and 6, in Chromium: a second report's review marks exactly the values
 * a first, committed report already brought as known (naming that report), "New only"
 * hides them; and clicking a row deep in a long review leaves the list where it is, with
 * the save button on screen.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

/** Every row's value and its known mark, once the knowledge base has answered for all of them. */
async function knownMarks(app: MagpieApp): Promise<Record<string, string>> {
  await app.page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="indicator-row"]')];
    return rows.length > 0 && rows.every((row) => row.hasAttribute('data-known'));
  }, null, { timeout: 30_000 });
  return app.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-testid="indicator-row"]')].map((row) => [row.getAttribute('data-value') ?? '', row.getAttribute('data-known') ?? ''])));
}

describe('known or new in the review', () => {
  it('marks exactly the values a committed report holds as known, naming it, and "New only" hides them', async () => {
    const first = join(chromium.folder, 'first.txt');
    await writeFile(first, 'Beacons to shared-lantern-c2.com and 45.77.12.9 (CVE-2023-23397); staging on first-only-kite.net.\n');
    const second = join(chromium.folder, 'second.txt');
    await writeFile(second, 'The loader reached shared-lantern-c2.com and 45.77.12.9 again, exploiting CVE-2023-23397; new host second-heron-drop.org at 91.203.5.17.\n');
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1000 } });
    try {
      await app.dropFile(first);
      const review = await app.waitForReview();
      await review.getByTestId('report-name').fill('Operation First Light');
      // Nothing is known in an empty knowledge base.
      expect(Object.values(await knownMarks(app)).every((mark) => mark === 'false')).toBe(true);
      await app.page.getByTestId('commit-extraction').click();
      await app.page.getByTestId('commit-result').waitFor({ timeout: 60_000 });

      await app.dropFile(second);
      const jobs = app.page.getByTestId('extraction-job');
      await expect.poll(() => jobs.nth(1).getAttribute('data-status'), { timeout: 60_000 }).toBe('review');
      await jobs.nth(1).getByRole('button').first().click();
      await app.page.getByText('second.txt', { exact: false }).first().waitFor();
      await app.indicatorRow('domain-name', 'second-heron-drop.org').waitFor();
      const marks = await knownMarks(app);
      const known = Object.entries(marks).filter(([, mark]) => mark === 'true').map(([value]) => value).sort();
      expect(known).toEqual(['45.77.12.9', 'CVE-2023-23397', 'shared-lantern-c2.com']);
      expect(marks['second-heron-drop.org']).toBe('false');
      expect(marks['91.203.5.17']).toBe('false');
      // Each group's header counts them.
      const domains = app.page.locator('[data-testid="indicator-group"][data-type="domain-name"] [data-testid="known-counts"]');
      expect(await domains.getAttribute('data-new')).toBe('1');
      expect(await domains.getAttribute('data-known')).toBe('1');

      // The context pane names the first report and its import.
      await app.indicatorRow('domain-name', 'shared-lantern-c2.com').getByRole('button').first().click();
      expect(await app.page.getByTestId('known-reports').textContent()).toContain('Operation First Light');
      expect(await app.page.getByTestId('known-sources').textContent()).toContain('first.txt');
      await app.screenshot('extraction-known');

      // New only: the shared values go, the new ones stay; a group with nothing new says so.
      await app.page.getByRole('switch', { name: 'New only' }).check();
      await expect.poll(() => app.page.locator('[data-testid="indicator-row"][data-known="true"]').count()).toBe(0);
      expect(await app.indicatorRow('domain-name', 'second-heron-drop.org').count()).toBe(1);
      expect(await app.indicatorRow('ipv4-addr', '91.203.5.17').count()).toBe(1);
      expect(await app.page.locator('[data-testid="indicator-group"][data-type="vulnerability"] [data-testid="all-known"]').count()).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('keeps a long list where it is when a row deep in it is clicked, with the save button on screen', async () => {
    const long = join(chromium.folder, 'long.txt');
    const lines = Array.from({ length: 400 }, (_, index) => `Host ${index}: node${index}-relay-grid.com at 45.${(index >> 8) + 60}.${index & 255}.7 served the payload.`);
    await writeFile(long, `${lines.join('\n')}\n`);
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 900 } });
    try {
      await app.dropFile(long);
      await app.waitForReview();
      const row = await app.revealIndicatorRow('domain-name', 'node300-relay-grid.com');
      await row.scrollIntoViewIfNeeded();
      const before = await row.boundingBox();
      const scrollsBefore = await app.page.evaluate(() => [...document.querySelectorAll('*')].filter((element) => element.scrollTop > 0).map((element) => element.scrollTop));
      await row.getByRole('button').first().click();
      await app.page.getByTestId('context-view').waitFor();
      await app.page.getByTestId('highlight').waitFor();
      const after = await row.boundingBox();
      expect(Math.abs((after?.y ?? 0) - (before?.y ?? -1))).toBeLessThan(2);
      // The page-text pane may scroll to the highlight; the list's scroll container must not move.
      const scrollsAfter = await app.page.evaluate(() => [...document.querySelectorAll('*')].filter((element) => element.scrollTop > 0 && !element.closest('[data-testid="context-view"]')).map((element) => element.scrollTop));
      expect(scrollsAfter).toEqual(scrollsBefore);
      // The sticky action bar keeps saving within reach.
      const save = await app.page.getByTestId('commit-extraction').boundingBox();
      expect(save).not.toBeNull();
      expect((save?.y ?? 1e9) + (save?.height ?? 0)).toBeLessThanOrEqual(900);
    } finally {
      await app.close();
    }
  });
});

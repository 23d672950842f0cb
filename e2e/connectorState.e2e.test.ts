/**
 * Connector state follows the knowledge base (issue 14), in Chromium with main's services in
 * Node: the CISA KEV catalog imported from a local copy of the real catalog, the store
 * emptied with Settings → Delete everything, and the next run brings every vulnerability
 * back instead of answering "unchanged" from the validators of the store that is gone. Then
 * the card's own "Reset state" makes the next run download the catalog again.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startFeedServer } from '../testkit/feedServer.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';
import { pointConnectorAt, runAndDeliver } from './support/connectorCard.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

const kevAvailable = fixturesAvailable && hasFixture('cisa-kev', 'known_exploited_vulnerabilities.json');
if (!kevAvailable) console.warn(`[e2e] connector state tests skipped: ${fixturesSkipReason}`);

async function vulnerabilityCount(app: MagpieApp): Promise<string> {
  await app.visit('dashboard');
  const badge = app.page.getByTestId('count-vulnerability');
  return (await badge.count()) === 0 ? '0' : ((await badge.textContent()) ?? '');
}

describe.skipIf(!kevAvailable)('connector state after the knowledge base is emptied', () => {
  // Three runs of the whole catalog: about 35 s on a quiet machine, much more on a loaded one.
  it('the next KEV run brings back every vulnerability, and Reset state downloads the catalog again', { timeout: 240_000 }, async () => {
    const catalog = await readFile(fixturePath('cisa-kev', 'known_exploited_vulnerabilities.json'));
    const entries = (JSON.parse(catalog.toString('utf8')) as { vulnerabilities: unknown[] }).vulnerabilities.length;
    const all = entries.toLocaleString('en-US');
    const feed = await startFeedServer({ '/kev.json': { body: catalog } });
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1300, height: 1100 } });
    try {
      const card = await pointConnectorAt(app, 'cisa-kev', `${feed.url}/kev.json`);
      expect(await runAndDeliver(card, feed)).toEqual([200]);
      await expect.poll(() => vulnerabilityCount(app), { timeout: 30_000 }).toContain(all);

      // Settings → Delete everything, after a confirmation that says how much goes.
      await app.visit('settings');
      await app.page.getByTestId('kb-clear-all').click();
      await expect.poll(async () => (await app.page.getByTestId('kb-clear-counts').textContent()) ?? '', { timeout: 30_000 }).toMatch(/objects/);
      expect(await app.page.getByTestId('kb-clear-counts').textContent()).toMatch(/This deletes [\d,]+ objects/);
      await app.page.getByTestId('kb-clear-confirm').click();
      await app.page.getByTestId('kb-cleared').waitFor({ timeout: 60_000 });
      expect(await vulnerabilityCount(app)).toBe('0');

      // The card says the next run imports everything; the run downloads the whole catalog (no 304) and refills the store.
      await app.visit('connectors');
      await expect.poll(() => card.getByTestId('connector-state-reset').getAttribute('data-reason'), { timeout: 30_000 }).toBe('store-changed');
      // A connector that never delivered anything had nothing to forget, so says nothing.
      expect(await app.page.getByTestId('connector-mitre-attack').getByTestId('connector-state-reset').count()).toBe(0);
      expect(await runAndDeliver(card, feed)).toEqual([200]);
      const last = (await card.getByTestId('connector-last').textContent()) ?? '';
      expect(last).not.toMatch(/unchanged/i);
      expect(last).toContain(`${all} vulnerabilities, ${all} new or changed`);
      expect(await card.getByTestId('connector-state-reset').count()).toBe(0);
      await expect.poll(() => vulnerabilityCount(app), { timeout: 30_000 }).toContain(all);
      await app.visit('connectors');
      await app.screenshot('connector-state-refilled');

      // Reset state on the card: confirmed, shown, and the next run asks without validators.
      await card.getByTestId('connector-reset-state').click();
      await app.page.getByTestId('connector-reset-confirm').click();
      await expect.poll(() => card.getByTestId('connector-state-reset').getAttribute('data-reason'), { timeout: 30_000 }).toBe('analyst');
      expect(await runAndDeliver(card, feed)).toEqual([200]);
      expect(await card.getByTestId('connector-last').textContent()).toContain(`${all} new or changed`);
    } finally {
      await app.close();
      await feed.close();
    }
  });
});

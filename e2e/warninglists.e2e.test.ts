/**
 * Issue 21, point 4, in Chromium: the entity page of an imported 1.1.1.1 says it is on the
 * public DNS resolver list (benign) while that list is on; Look up flags 8.8.8.8; the
 * analyst turns the list off in Settings → Warninglists and Look up of 8.8.8.8 no longer
 * flags it; turned on again, the flag is back, in Japanese too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateScoId } from '../core/stix/ids.ts';
import { EntityPage } from './support/entityPage.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';

const DNS = 'List of known IPv4 public DNS resolvers';
const IP_ID = generateScoId('ipv4-addr', { value: '1.1.1.1' });

const chromium = useChromium();

async function openIp(app: MagpieApp): Promise<void> {
  await app.page.evaluate((hash) => (window.location.hash = hash), `#/object/${encodeURIComponent(IP_ID)}`);
  await new EntityPage(app.page).settled('overview');
}

/** Looks up one value and returns the group its row lands in (known, warninglist, unknown). */
async function lookUp(app: MagpieApp, value: string): Promise<string | null> {
  await app.visit('lookup');
  await app.page.getByTestId('lookup-text').fill(value);
  await app.page.getByTestId('lookup-run').click();
  const row = app.page.locator(`[data-testid="lookup-row"][data-value="${value}"]`);
  await row.waitFor({ timeout: 30_000 });
  return row.getAttribute('data-group');
}

function dnsSwitch(page: Page) {
  return page.locator(`[data-testid="warninglist"][data-name="${DNS}"]`);
}

describe('warninglists the analyst turns on and off', () => {
  it('flags 1.1.1.1 on its page and 8.8.8.8 in Look up while the resolver list is on, and not once it is turned off', async () => {
    const bundle = await writeJson(chromium.folder, 'resolvers.json', {
      type: 'bundle',
      id: 'bundle--3e0f6f0a-8a5e-4d7e-9b5c-2f0d6c1a7b21',
      objects: [{ type: 'ipv4-addr', spec_version: '2.1', id: IP_ID, value: '1.1.1.1' }],
    });
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1280, height: 1000 } });
    try {
      await app.importDropped(bundle);
      await openIp(app);
      const flag = app.page.getByTestId('entity-warninglist');
      await flag.waitFor();
      expect(await flag.getAttribute('data-list')).toBe(DNS);
      expect(await flag.textContent()).toBe(`On the warninglist "${DNS}" (benign)`);
      await app.page.screenshot({ path: '/tmp/warninglists-entity-en.png' });

      expect(await lookUp(app, '8.8.8.8')).toBe('warninglist');

      await app.visit('settings');
      const row = dnsSwitch(app.page);
      await row.scrollIntoViewIfNeeded();
      expect(await row.getByTestId('warninglist-category').textContent()).toBe('benign (false positive)');
      await app.page.getByTestId('warninglists-card').screenshot({ path: '/tmp/warninglists-card-en.png' });
      await app.page.getByRole('switch', { name: `Use the warninglist "${DNS}"` }).click({ force: true });
      await expect.poll(() => row.getAttribute('data-enabled')).toBe('false');

      expect(await lookUp(app, '8.8.8.8')).toBe('unknown');

      // Back on, in Japanese: the card and the page's flag speak it.
      await app.visit('settings');
      await app.segment('language-control', '日本語').click();
      await app.page.getByRole('switch', { name: `警告リスト「${DNS}」を使う` }).click({ force: true });
      await expect.poll(() => dnsSwitch(app.page).getAttribute('data-enabled')).toBe('true');
      await app.page.getByTestId('warninglists-card').screenshot({ path: '/tmp/warninglists-card-ja.png' });
      await openIp(app);
      await flag.waitFor();
      expect(await flag.textContent()).toBe(`警告リスト「${DNS}」に掲載 (良性)`);
      await app.page.screenshot({ path: '/tmp/warninglists-entity-ja.png' });

      // A newer copy from disk replaces the shipped list until it is removed.
      const copy = await writeJson(chromium.folder, 'list.json', { name: DNS, version: 20270101, type: 'cidr', category: 'false-positive', list: ['9.9.9.9'] });
      await app.visit('settings');
      await app.page.getByTestId('warninglist-drop').locator('input[type="file"]').setInputFiles(copy);
      await expect.poll(() => dnsSwitch(app.page).getAttribute('data-origin')).toBe('copy');
      expect(await dnsSwitch(app.page).getByTestId('warninglist-origin').textContent()).toMatch(/^新しいコピー: バージョン 20270101、.* に list\.json から追加 \(同梱版はバージョン 20261206\)$/);
      await dnsSwitch(app.page).screenshot({ path: '/tmp/warninglists-copy-ja.png' });
      await dnsSwitch(app.page).getByTestId('warninglist-remove').click();
      await expect.poll(() => dnsSwitch(app.page).getAttribute('data-origin')).toBe('shipped');
    } finally {
      await app.close();
    }
  }, 120_000);
});

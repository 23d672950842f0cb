/**
 * The app shell in real Chromium: every page in English and Japanese, keyboard access,
 * theme. Screenshots go to e2e/screenshots/ (git-ignored) for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../renderer/src/i18n/en.ts';
import { ja } from '../renderer/src/i18n/ja.ts';
import { pageIds } from '../renderer/src/shell/pages.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

describe.each([
  { language: 'en', locale: 'en-US', strings: en },
  { language: 'ja', locale: 'ja-JP', strings: ja },
] as const)('the shell in $language', ({ language, locale, strings }) => {
  it('shows every page with its translated title and marks it current', async () => {
    const app = await MagpieApp.open(chromium.browser, { locale });
    try {
      expect(await app.page.getAttribute('html', 'lang')).toBe(language);
      for (const id of pageIds) {
        await app.visit(id);
        expect(await app.pageTitle.textContent()).toBe(strings.pages[id].title);
        expect(await app.navLink(id).getAttribute('aria-current')).toBe('page');
        await app.screenshot(`shell-${language}-${id}`);
      }
    } finally {
      await app.close();
    }
  });
});

describe('keyboard and theme', () => {
  it('jumps to pages with Alt+number and opens on the page named in the URL', async () => {
    const app = await MagpieApp.open(chromium.browser);
    try {
      await app.page.keyboard.press('Alt+5');
      await app.page.waitForFunction(() => window.location.hash === '#/investigate');
      expect(await app.pageTitle.textContent()).toBe(en.pages.investigate.title);
      await app.page.reload();
      await app.pageTitle.waitFor();
      expect(await app.pageTitle.textContent()).toBe(en.pages.investigate.title);
    } finally {
      await app.close();
    }
  });

  it('offers a skip link as the first stop of the Tab key', async () => {
    const app = await MagpieApp.open(chromium.browser);
    try {
      await app.page.keyboard.press('Tab');
      expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe(en.app.skipToContent);
    } finally {
      await app.close();
    }
  });

  it('follows a dark OS theme, and the header toggle overrides it and is kept', async () => {
    const app = await MagpieApp.open(chromium.browser, { colorScheme: 'dark' });
    try {
      const scheme = () => app.page.getAttribute('html', 'data-mantine-color-scheme');
      expect(await scheme()).toBe('dark');
      await app.screenshot('shell-en-dashboard-dark');
      await app.page.getByRole('button', { name: en.theme.toggle }).click();
      await app.page.waitForFunction(() => document.documentElement.dataset['mantineColorScheme'] === 'light');
      await expect(app.harness.services.settings.get()).resolves.toMatchObject({ theme: 'light' });
      await app.page.reload();
      await app.pageTitle.waitFor();
      expect(await scheme()).toBe('light');
    } finally {
      await app.close();
    }
  });
});

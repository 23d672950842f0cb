/**
 * Real IPC round trips from the page through the bridge to main's dispatcher and services.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { en } from '../renderer/src/i18n/en.ts';
import { ja } from '../renderer/src/i18n/ja.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

describe('IPC through the harness bridge', () => {
  it('shows the app version and runtime that main reports', async () => {
    const app = await MagpieApp.open(chromium.browser);
    try {
      await app.visit('settings');
      expect(await app.page.getByTestId('about-version').textContent()).toBe(packageJson.version);
      expect(await app.page.getByTestId('about-runtime').textContent()).toBe(en.pages.settings.runtimes.harness);
      expect(await app.page.getByTestId('about-chrome').textContent()).toBe(chromium.browser.version());
      expect(await app.page.getByTestId('footer-version').textContent()).toContain(packageJson.version);
    } finally {
      await app.close();
    }
  });

  it('switches to Japanese in Settings, saves it in the profile, and starts in Japanese next time', async () => {
    const first = await MagpieApp.open(chromium.browser);
    const profileDir = first.harness.profileDir;
    try {
      await first.visit('settings');
      await first.segment('language-control', '日本語').click();
      await first.page.waitForFunction((title) => document.querySelector('[data-testid="page-title"]')?.textContent === title, ja.pages.settings.title);
      expect(await first.page.getAttribute('html', 'lang')).toBe('ja');
      const saved = JSON.parse(await readFile(join(profileDir, 'settings.json'), 'utf8')) as unknown;
      expect(saved).toMatchObject({ language: 'ja' });
    } finally {
      await first.close();
    }
    const second = await MagpieApp.open(chromium.browser, { profileDir });
    try {
      expect(await second.pageTitle.textContent()).toBe(ja.pages.dashboard.title);
      await second.screenshot('ipc-ja-after-restart');
    } finally {
      await second.close();
    }
  });

  it('rejects malformed and unknown requests with a typed error and no stack trace', async () => {
    const app = await MagpieApp.open(chromium.browser);
    try {
      const results = await app.page.evaluate(async () => {
        const bridge = window.magpie;
        if (!bridge) throw new Error('no bridge');
        const raw = bridge.invoke as (channel: string, payload?: unknown) => Promise<unknown>;
        return {
          badValue: await raw('settings:update', { language: 'klingon' }),
          badShape: await raw('settings:update', 'ja'),
          extraPayload: await raw('app:info', { all: true }),
          unknown: await raw('fs:readFile', '/etc/passwd'),
          after: await bridge.invoke('settings:get'),
        };
      });
      expect(results.badValue).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: '/language' }] } });
      expect(results.badShape).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(results.extraPayload).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(results.unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
      expect(results.after).toEqual({ ok: true, value: { language: 'system', theme: 'system' } });
      expect(JSON.stringify(results)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    } finally {
      await app.close();
    }
  });

  it('refuses requests from a page of another origin, which then explains it cannot start', async () => {
    const app = await MagpieApp.open(chromium.browser);
    const context = await chromium.browser.newContext();
    try {
      const page = await context.newPage();
      await app.harness.attach(page);
      // Same files, same bridge, but localhost is not the app's origin (127.0.0.1).
      await page.goto(app.harness.url.replace('127.0.0.1', 'localhost'));
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Requests are only accepted from the Magpie window.');
      const direct = await page.evaluate(() => window.magpie?.invoke('settings:get'));
      expect(direct).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    } finally {
      await context.close();
      await app.close();
    }
  });
});

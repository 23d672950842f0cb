/**
 * Page module for the app shell: the locators and actions e2e tests share, so a change
 * to the markup is fixed here once.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
// The renderer's declaration of `window.magpie` comes with this import.
import type {} from '../../renderer/src/ipc/client.ts';
import type { PageId } from '../../renderer/src/shell/pages.ts';
import { startHarness, type Harness, type HarnessOptions } from '../harness/harness.ts';

export const screenshotDir = resolve(import.meta.dirname, '../screenshots');

export interface OpenOptions extends HarnessOptions {
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

export class MagpieApp {
  readonly page: Page;
  readonly harness: Harness;
  private readonly context: BrowserContext;

  constructor(page: Page, harness: Harness, context: BrowserContext) {
    this.page = page;
    this.harness = harness;
    this.context = context;
  }

  static async open(browser: Browser, options: OpenOptions = {}): Promise<MagpieApp> {
    const harness = await startHarness({ quiet: true, chromeVersion: browser.version(), ...options });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
      locale: options.locale ?? 'en-US',
    });
    const page = await context.newPage();
    await harness.attach(page);
    const app = new MagpieApp(page, harness, context);
    await app.load();
    return app;
  }

  async load(): Promise<void> {
    await this.page.goto(this.harness.url);
    await this.pageTitle.waitFor();
  }

  get pageTitle(): Locator {
    return this.page.getByTestId('page-title');
  }

  navLink(id: PageId): Locator {
    return this.page.locator(`nav a[data-page="${id}"]`);
  }

  async visit(id: PageId): Promise<void> {
    await this.navLink(id).click();
    await this.page.waitForFunction((page) => window.location.hash === `#/${page}`, id);
  }

  segment(control: 'language-control' | 'theme-control', label: string): Locator {
    return this.page.getByTestId(control).getByText(label, { exact: true });
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(screenshotDir, { recursive: true });
    const path = join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.harness.close();
  }
}

/**
 * Page module for the app shell: the locators and actions e2e tests share, so a change
 * to the markup is fixed here once.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
// The renderer's declaration of `window.magpie` comes with this import.
import type {} from '../../renderer/src/ipc/client.ts';
import type { PageId } from '../../renderer/src/shell/pages.ts';
import { startHarness, type Harness, type HarnessOptions } from '../harness/harness.ts';
import { chromiumVersion } from '../harness/chromium.ts';
import { openHarnessWindow } from '../harness/window.ts';

export const screenshotDir = resolve(import.meta.dirname, '../screenshots');

export interface OpenOptions extends HarnessOptions {
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

export class MagpieApp {
  readonly page: Page;
  readonly harness: Harness;
  readonly context: BrowserContext;

  constructor(page: Page, harness: Harness, context: BrowserContext) {
    this.page = page;
    this.harness = harness;
    this.context = context;
  }

  static async open(browser: Browser, options: OpenOptions & { viewport?: { width: number; height: number } } = {}): Promise<MagpieApp> {
    const harness = await startHarness({ quiet: true, chromeVersion: browser.version(), ...options });
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
      locale: options.locale ?? 'en-US',
    });
    const page = await context.newPage();
    await harness.attach(page);
    const app = new MagpieApp(page, harness, context);
    await app.load();
    return app;
  }

  /**
   * Magpie as `npm run harness` runs it: Chromium on a persistent profile inside
   * `profileDir`, at the harness's stable origin, so what it stores is there next time.
   */
  static async openPersistent(profileDir: string, options: Omit<OpenOptions, 'profileDir'> & { viewport?: { width: number; height: number } } = {}): Promise<MagpieApp> {
    const version = chromiumVersion();
    const harness = await startHarness({ quiet: true, ...(version ? { chromeVersion: version } : {}), ...options, profileDir, stableOrigin: true });
    try {
      const { context, page } = await openHarnessWindow(harness, {
        ...(options.viewport ? { viewport: options.viewport } : {}),
        ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
      });
      const app = new MagpieApp(page, harness, context);
      await app.pageTitle.waitFor();
      return app;
    } catch (error) {
      await harness.close();
      throw error;
    }
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
    // The link is marked current in the same render that shows the page: wait for that, not the URL.
    await this.page.waitForFunction((page) => document.querySelector(`nav a[data-page="${page}"]`)?.getAttribute('aria-current') === 'page', id);
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

  /** Closes the window the way a crash or quit would (its workers die with it) and opens a new one. */
  async reopen(): Promise<MagpieApp> {
    await this.page.close();
    const page = await this.context.newPage();
    await this.harness.attach(page);
    const app = new MagpieApp(page, this.harness, this.context);
    await app.load();
    return app;
  }

  /** Drops a file from disk onto the window, as dragging it from the file manager does. */
  async dropFile(path: string): Promise<void> {
    await this.dropFiles([path]);
  }

  /** Drops several files at once, as a multi-selection dragged from the file manager. */
  async dropFiles(paths: readonly string[]): Promise<void> {
    await this.page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.id = 'e2e-drop-source';
      input.hidden = true;
      document.body.append(input);
    });
    // Chromium reads the files from disk itself; nothing large crosses the DevTools protocol.
    await this.page.setInputFiles('#e2e-drop-source', [...paths]);
    await this.page.evaluate(() => {
      const input = document.getElementById('e2e-drop-source') as HTMLInputElement;
      const transfer = new DataTransfer();
      for (const file of input.files ?? []) transfer.items.add(file);
      input.remove();
      document.querySelector('main')?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
  }

  /** The review of a dropped document, once its indicators are ready. */
  async waitForReview(timeout = 120_000): Promise<Locator> {
    const review = this.page.getByTestId('extraction-review');
    await review.waitFor({ timeout });
    return review;
  }

  /** The review row of one extracted value. */
  indicatorRow(type: string, value: string): Locator {
    return this.page.locator(`[data-testid="indicator-row"][data-type="${type}"][data-value="${value}"]`);
  }

  /**
   * The review row of one value, scrolled into the list's view first: the list draws only
   * the rows in view (issue 16, point 3). The locator counts 0 when the list has no such row.
   */
  async revealIndicatorRow(type: string, value: string): Promise<Locator> {
    const row = this.indicatorRow(type, value);
    // The list is drawn in a background render after the review appears.
    await this.page.locator('[data-testid="indicator-list"] [data-testid="indicator-group"], [data-testid="indicator-list"] [data-testid="indicator-row"]').first().waitFor({ state: 'attached' });
    await this.page.getByTestId('indicator-list').evaluate(async (list, selector) => {
      const frames = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
      if (list.querySelector(selector)) return;
      list.scrollTop = 0;
      await frames();
      while (!list.querySelector(selector) && list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
        list.scrollTop += Math.max(1, Math.floor(list.clientHeight * 0.8));
        await frames();
      }
    }, `[data-testid="indicator-row"][data-type="${type}"][data-value="${value}"]`);
    return row;
  }

  /** Drops a bundle, waits for its preview and starts the import. */
  async startDroppedImport(path: string, timeout = 120_000): Promise<void> {
    await this.dropFile(path);
    await this.page.waitForFunction(() => {
      const button = document.querySelector('[data-testid="start-import"]');
      return button !== null && !button.hasAttribute('data-loading') && !button.hasAttribute('disabled');
    }, null, { timeout });
    await this.page.getByTestId('start-import').click();
  }

  /** Imports a dropped bundle and waits for the result. */
  async importDropped(path: string, timeout = 120_000): Promise<void> {
    await this.startDroppedImport(path, timeout);
    await this.page.getByTestId('import-result').waitFor({ timeout });
  }

  /**
   * On the Export page: optionally limits the TLP, runs the export and returns what the page
   * said and the bundle main saved.
   */
  async runExport(maxTlp?: string): Promise<{ outcome: string; bundle: { objects: Record<string, unknown>[] } }> {
    if (maxTlp) {
      await this.page.getByTestId('export-max-tlp').click();
      await this.page.getByRole('option', { name: maxTlp }).click();
    }
    await this.page.getByTestId('run-export').click();
    const outcome = this.page.getByTestId('export-outcome');
    await outcome.waitFor({ timeout: 120_000 });
    const text = (await outcome.textContent()) ?? '';
    const path = /(\/\S+\.json)/.exec(text)?.[1];
    if (!path) throw new Error(`The export said no file was saved: ${text}`);
    return { outcome: text, bundle: JSON.parse(await readFile(path, 'utf8')) as { objects: Record<string, unknown>[] } };
  }

  async resultCount(kind: 'created' | 'updated' | 'unchanged' | 'rejected'): Promise<number> {
    const text = await this.page.getByTestId(`result-${kind}`).locator('p').first().textContent();
    return Number((text ?? '').replace(/[^0-9]/g, ''));
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.harness.close();
  }
}

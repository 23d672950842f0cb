/**
 * The harness's window on a persistent Chromium profile kept inside Magpie's profile folder
 * (`<profile>/chromium`), at the harness's stable origin: the knowledge base (IndexedDB),
 * investigations and kept files are on disk and are there again next run, as the Electron
 * app keeps them in its own profile. Not an off-the-record context: its quota is the disk's.
 */
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumFlags, chromiumPath } from './chromium.ts';
import { defaultDatabaseName } from '../../renderer/src/kb/db/KbDatabase.ts';
import type { Harness } from './harness.ts';

export interface HarnessWindowOptions {
  headless?: boolean;
  /** null: the window's own size (an interactive window); a fixed size for tests. */
  viewport?: { width: number; height: number } | null;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  extraArgs?: string[];
}

export interface HarnessWindow {
  context: BrowserContext;
  page: Page;
  /** Where Chromium keeps this profile's storage. */
  browserProfileDir: string;
}

export function browserProfileOf(profileDir: string): string {
  return join(profileDir, 'chromium');
}

export async function openHarnessWindow(harness: Harness, options: HarnessWindowOptions = {}): Promise<HarnessWindow> {
  const browserProfileDir = browserProfileOf(harness.profileDir);
  const context = await chromium.launchPersistentContext(browserProfileDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [...chromiumFlags, ...harness.chromiumArgs, ...(options.extraArgs ?? [])],
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
  });
  // A persistent context opens with one blank tab; the app uses it.
  const page = context.pages()[0] ?? (await context.newPage());
  await harness.attach(page);
  await page.goto(harness.url);
  return { context, page, browserProfileDir };
}

/** How many objects the knowledge base holds, read from Chromium's IndexedDB metadata (the app is not disturbed). */
export async function storedObjectCount(page: Page, origin: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { databaseNames } = await cdp.send('IndexedDB.requestDatabaseNames', { securityOrigin: origin });
    if (!databaseNames.includes(defaultDatabaseName)) return 0;
    const { entriesCount } = await cdp.send('IndexedDB.getMetadata', { securityOrigin: origin, databaseName: defaultDatabaseName, objectStoreName: 'objects' });
    return entriesCount;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

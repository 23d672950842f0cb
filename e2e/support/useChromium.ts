/**
 * One Chromium per e2e file (or per describe block) and a temporary folder for the files
 * its tests drop into the app. Call it at the top of a file or describe block: it registers
 * the beforeAll that starts the browser and the afterAll that closes it. Extra setup goes in
 * the caller's own beforeAll, registered after this call, so the browser is up by then; with
 * vitest's default "stack" hook order the caller's afterAll runs before the browser closes.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../harness/chromium.ts';
import { tempFolder } from './testFiles.ts';

export interface ChromiumSession {
  /** The browser MagpieApp.open starts each test's window in. */
  readonly browser: Browser;
  /** A new, empty temporary folder for the files the tests write. */
  readonly folder: string;
}

export function useChromium(): ChromiumSession {
  let browser: Browser | undefined;
  let folder: string | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    folder = await tempFolder();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  // Getters, not values: the hooks have not run yet when a file calls useChromium(), so a
  // plain value would be undefined; reading one too early says so instead of failing later.
  const notReady = (name: string): Error =>
    new Error(`useChromium(): ${name} was read outside its beforeAll/afterAll window. Read it inside a test or a hook of the file or describe block that called useChromium(), not when the file is loaded.`);
  return {
    get browser(): Browser {
      if (browser === undefined) throw notReady('browser');
      return browser;
    },
    get folder(): string {
      if (folder === undefined) throw notReady('folder');
      return folder;
    },
  };
}

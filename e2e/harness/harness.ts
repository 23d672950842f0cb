/**
 * Runs the built renderer without Electron: a loopback HTTP server serves out/renderer
 * with the same headers as main's app:// handler, and each page gets `window.magpie`
 * from the same createBridge as preload, wired to the same dispatcher and services that
 * main uses, running here in Node.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createMainServices, type MainServices } from '../../main/app/mainServices.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { serveOnLoopback } from './loopbackServer.ts';
import { acquireProfileLock } from './profileLock.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
export const rendererDir = join(projectRoot, 'out/renderer');
export const harnessBridgeScript = join(projectRoot, 'out/harness/bridge.js');

export interface HarnessOptions {
  /** Folder for settings and state; a new temporary folder by default. */
  profileDir?: string;
  /** Reported as the Chromium version in app:info. */
  chromeVersion?: string;
  /** Where web links go; tests record them, the interactive harness prints them. */
  openExternal?: (url: string) => Promise<void>;
  quiet?: boolean;
  /**
   * Serve the app at an origin that stays the same from run to run (see `stableOrigin`),
   * for a browser on a persistent profile: IndexedDB belongs to an origin, so a new port
   * each run would be a new, empty knowledge base.
   */
  stableOrigin?: boolean;
}

/**
 * The harness's fixed origin. Chromium maps this host to the loopback server's port of the
 * day (`--host-resolver-rules`), so nothing else on the machine has to be reserved; a
 * `.localhost` name is a secure context, as the app's own app:// origin is.
 */
export const stableAppOrigin = 'http://magpie.localhost';

export interface Harness {
  /** The app's entry URL, e.g. http://127.0.0.1:41234/index.html */
  url: string;
  origin: string;
  profileDir: string;
  /** Flags a browser needs to reach `origin` (the host mapping of a stable origin). */
  chromiumArgs: string[];
  services: MainServices;
  /** Gives a page the preload API; call before navigating. */
  attach(page: Page): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'magpie-profile-')));
  await mkdir(profileDir, { recursive: true });
  const lock = await acquireProfileLock(profileDir);
  const server = await serveOnLoopback(rendererDir).catch(async (error: unknown) => {
    await lock.release();
    throw error;
  });
  const port = new URL(server.origin).port;
  const origin = options.stableOrigin ? stableAppOrigin : server.origin;
  const chromiumArgs = options.stableOrigin ? [`--host-resolver-rules=MAP ${new URL(stableAppOrigin).host}:80 127.0.0.1:${port}`] : [];
  const pages = new Set<Page>();
  const log = {
    warn: (message: string) => {
      if (!options.quiet) console.warn(`[harness] ${message}`);
    },
    error: (message: string, detail?: unknown) => console.error(`[harness] ${message}`, detail ?? ''),
  };

  const services = createMainServices({
    appInfo: {
      name: packageJson.productName,
      version: packageJson.version,
      platform: process.platform,
      runtime: 'harness',
      versions: { electron: null, chrome: options.chromeVersion ?? null, node: process.versions.node },
    },
    userData: profileDir,
    appOrigin: origin,
    // No dialog without Electron: files are saved into the profile's exports folder.
    chooseSavePath: async (suggestedName) => {
      const folder = join(profileDir, 'exports');
      await mkdir(folder, { recursive: true });
      return join(folder, suggestedName);
    },
    openExternal:
      options.openExternal ??
      ((url) => {
        console.info(`[harness] open in your browser: ${url}`);
        return Promise.resolve();
      }),
    send: (event, payload) => {
      for (const page of pages) {
        page
          .evaluate(([name, body]) => window.__magpieDeliver(name, body), [event, payload] as const)
          .catch(() => pages.delete(page));
      }
    },
    windowCount: () => pages.size,
    log,
  });

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/index.html`,
    origin,
    profileDir,
    chromiumArgs,
    services,
    async attach(page) {
      await page.exposeBinding('__magpieTransport', ({ frame }, channel: unknown, payload: unknown) =>
        services.dispatch(channel, payload, { url: frame.url(), isMainFrame: frame === page.mainFrame() }),
      );
      await page.addInitScript({ path: harnessBridgeScript });
      pages.add(page);
      page.once('close', () => pages.delete(page));
    },
    close() {
      closing ??= (async () => {
        await services.stop();
        await server.close();
        await lock.release();
      })();
      return closing;
    },
  };
}

/**
 * Starts Debian's Chromium (or CHROMIUM_PATH) through playwright-core; never a browser
 * download. The flags keep a headless browser quiet on a closed network.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumFlags: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  return path;
}

/** Each launch gets a new, empty temporary profile (--user-data-dir) from Playwright. */
export function launchChromium({ headless = true, extraArgs = [] }: { headless?: boolean; extraArgs?: string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless,
    args: [...chromiumFlags, ...extraArgs],
  });
}

/** The version a browser would report, without starting one (`chromium --version`); null if it cannot tell. */
export function chromiumVersion(): string | null {
  try {
    return /(\d+\.\d+\.\d+\.\d+)/.exec(execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', timeout: 10_000 }))?.[1] ?? null;
  } catch {
    return null;
  }
}

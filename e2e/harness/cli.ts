/**
 * `npm run harness`: Magpie in a Chromium window, without Electron. Everything — settings,
 * connector state and, in Chromium's profile inside it, the knowledge base — is kept in a
 * profile folder (default ~/.magpie-harness, or --profile DIR) between runs. `--headless`
 * runs the app without a window until SIGINT or SIGTERM, for automation and benchmarks.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumVersion } from './chromium.ts';
import { harnessBridgeScript, rendererDir, startHarness } from './harness.ts';
import { ProfileLockedError } from './profileLock.ts';
import { openHarnessWindow, storedObjectCount } from './window.ts';

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: join(homedir(), '.magpie-harness') },
    headless: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.info('Usage: npm run harness [-- --profile DIR] [--headless]');
  console.info('  --profile DIR  where settings, connector state and the knowledge base are kept (default ~/.magpie-harness)');
  console.info('  --headless     run without a window until Ctrl+C / SIGTERM');
  process.exit(0);
}
if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(harnessBridgeScript)) {
  console.error('The renderer is not built. Run `npm run build` first (npm run harness does it for you).');
  process.exit(1);
}

const harness = await startHarness({ profileDir: resolve(values.profile), stableOrigin: true, quiet: values.headless, ...chromeVersionOption() }).catch((error: unknown) => {
  console.error(error instanceof ProfileLockedError ? error.message : `The harness could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});

function chromeVersionOption(): { chromeVersion?: string } {
  const version = chromiumVersion();
  return version ? { chromeVersion: version } : {};
}

let appWindow: Awaited<ReturnType<typeof openHarnessWindow>> | undefined;
let stopping: Promise<void> | undefined;
function stop(code = 0): Promise<void> {
  stopping ??= (async () => {
    await appWindow?.context.close().catch(() => undefined);
    await harness.close();
    process.exit(code);
  })();
  return stopping;
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  appWindow = await openHarnessWindow(harness, { headless: values.headless, viewport: values.headless ? { width: 1360, height: 860 } : null, extraArgs: ['--window-size=1360,860'] });
} catch (error) {
  console.error(`Chromium could not open Magpie: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
if (appWindow) {
  // Closing the last window ends the harness, as quitting the app does.
  appWindow.context.on('close', () => void stop());
  await appWindow.page.getByTestId('page-title').waitFor({ timeout: 60_000 });
  const objects = await storedObjectCount(appWindow.page, harness.origin);
  const mode = values.headless ? 'running headless (stop with Ctrl+C or SIGTERM)' : 'open (close the window or press Ctrl+C to stop)';
  console.info(`Magpie harness ${mode} — profile: ${harness.profileDir} · knowledge base: ${objects.toLocaleString('en-US')} objects · ${harness.url}`);
}

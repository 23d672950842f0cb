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
import { startLocalApi, type LocalApi } from '../../main/localApi/service.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { openHarnessWindow, storedObjectCount } from './window.ts';

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: join(homedir(), '.magpie-harness') },
    headless: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.info('Usage: npm run harness [-- --profile DIR] [--headless]');
  console.info('  --profile DIR  where settings, connector state and the knowledge base are kept (default ~/.magpie-harness)');
  console.info('  --headless     run without a window until Ctrl+C / SIGTERM');
  console.info('  --serve        turn the local API on (127.0.0.1; `magpie kb …` finds it through DIR/api.json)');
  console.info('  --port N       the local API\'s port (default: a free one)');
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

const apiPort = Number(values.port);
if (!Number.isInteger(apiPort) || apiPort < 0 || apiPort > 65_535) {
  console.error(`--port must be a port number (0–65535), not ${values.port}.`);
  await harness.close();
  process.exit(2);
}

let appWindow: Awaited<ReturnType<typeof openHarnessWindow>> | undefined;
let localApi: LocalApi | undefined;
let stopping: Promise<void> | undefined;
function stop(code = 0): Promise<void> {
  stopping ??= (async () => {
    await localApi?.stop().catch(() => undefined);
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
  if (values.serve) {
    try {
      localApi = await startLocalApi({ profileDir: harness.profileDir, broker: harness.services.kb, port: apiPort, version: packageJson.version });
      console.info(`Local API at ${localApi.url} — token in ${localApi.apiFile}`);
    } catch (error) {
      console.error(`The local API could not start: ${error instanceof Error ? error.message : String(error)}`);
      await stop(1);
    }
  }
}

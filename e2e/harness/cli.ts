/**
 * `npm run harness`: Magpie in a visible Chromium window, without Electron. Settings are
 * kept in a profile folder (default ~/.magpie-harness, or --profile DIR) between runs.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.ts';
import { harnessBridgeScript, rendererDir, startHarness } from './harness.ts';

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: join(homedir(), '.magpie-harness') },
    headless: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.info('Usage: npm run harness [-- --profile DIR] [--headless]');
  process.exit(0);
}
if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(harnessBridgeScript)) {
  console.error('The renderer is not built. Run `npm run build` first (npm run harness does it for you).');
  process.exit(1);
}

const browser = await launchChromium({ headless: values.headless, extraArgs: ['--window-size=1360,860'] });
const harness = await startHarness({ profileDir: resolve(values.profile), chromeVersion: browser.version() });
const context = await browser.newContext({ viewport: null });
const page = await context.newPage();
await harness.attach(page);
await page.goto(harness.url);
console.info(`Magpie harness: ${harness.url}  (profile: ${harness.profileDir})`);
console.info('Close the browser window or press Ctrl+C to stop.');

const stop = async () => {
  await browser.close().catch(() => undefined);
  await harness.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
browser.on('disconnected', () => void harness.close().then(() => process.exit(0)));
if (values.headless) {
  console.info(`Loaded: ${await page.title()}`);
  await stop();
}

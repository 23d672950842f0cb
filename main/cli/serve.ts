/**
 * `magpie serve` (issue 18, point 3): the app headless with the local API on. The CLI is
 * plain Node and the app is not: in a source checkout it runs the harness (the built
 * renderer in Chromium, main's services in Node, as `npm run harness -- --headless`);
 * with the desktop app, Magpie itself takes `--headless --serve`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './io.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function runServe(options: { profile: string; port: number }, io: CliIo): Promise<number> {
  const harness = `${projectRoot}e2e/harness/cli.ts`;
  if (!existsSync(harness)) {
    io.stderr('magpie serve: this install of the magpie CLI has no app to run. Start the desktop app as: Magpie --headless --serve\n');
    return 1;
  }
  if (!existsSync(`${projectRoot}out/renderer/index.html`)) {
    io.stderr('magpie serve: the app is not built. Run `npm run build` first.\n');
    return 1;
  }
  const child = spawn(process.execPath, [harness, '--headless', '--serve', '--profile', options.profile, '--port', String(options.port)], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

/**
 * The app's own command-line switches (issue 18): `--serve [--port N]` turns the local API
 * on, `--headless` keeps the window hidden. Chromium's and Electron's own switches are
 * left alone, so parsing is lenient.
 */
import { parseArgs } from 'node:util';

export interface LaunchOptions {
  serve: boolean;
  port: number;
  headless: boolean;
}

export function launchOptions(argv: readonly string[]): LaunchOptions {
  const { values } = parseArgs({ args: argv.slice(1), options: { serve: { type: 'boolean' }, port: { type: 'string' }, headless: { type: 'boolean' } }, strict: false, allowPositionals: true });
  const port = Number(values['port'] ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number (0–65535), not ${String(values['port'])}.`);
  return { serve: values['serve'] === true, port, headless: values['headless'] === true };
}

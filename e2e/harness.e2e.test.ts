/**
 * `npm run harness` is how a person without Electron uses Magpie; this runs its command
 * (headless, with a throw-away profile) the way the npm script does.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = resolve(import.meta.dirname, 'harness/cli.ts');

describe('npm run harness', () => {
  it('opens the app in Chromium with a profile folder of its own', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'magpie-harness-cli-'));
    const { stdout } = await run(process.execPath, [cli, '--headless', '--profile', profile], { timeout: 60_000 });
    expect(stdout).toMatch(/Magpie harness: http:\/\/127\.0\.0\.1:\d+\/index\.html/);
    expect(stdout).toContain(`(profile: ${profile})`);
    expect(stdout).toContain('Loaded: Magpie');
  });

  it('prints its usage, and opening the app writes nothing to the profile', async () => {
    const help = await run(process.execPath, [cli, '--help']);
    expect(help.stdout).toContain('npm run harness');
    // The settings file does not exist until something is changed: opening the app writes nothing.
    const profile = await mkdtemp(join(tmpdir(), 'magpie-harness-cli-'));
    await run(process.execPath, [cli, '--headless', '--profile', profile], { timeout: 60_000 });
    await expect(readFile(join(profile, 'settings.json'))).rejects.toThrow(/ENOENT/);
  });
});

/**
 * `npm run harness` is how a person without Electron uses Magpie; this runs its command the
 * way the npm script does: headless, it keeps the app running until SIGTERM, says where
 * the profile is in one line, and a second harness on the same profile is refused.
 */
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = resolve(import.meta.dirname, 'harness/cli.ts');

/** Starts the headless harness and resolves with its status line once it has printed it. */
function startHeadless(profile: string): { child: ChildProcessByStdio<null, Readable, Readable>; line: Promise<string>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [cli, '--headless', '--profile', profile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const line = new Promise<string>((done, failed) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = output.split('\n').find((text) => text.startsWith('Magpie harness running headless'));
      if (found) done(found);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exit.then((code) => failed(new Error(`The harness exited (${code}) before its status line: ${output}`)));
  });
  return { child, line, exit };
}

describe('npm run harness', () => {
  it('runs headless on a profile until SIGTERM, in one line, and a second harness on that profile is refused', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'magpie-harness-cli-'));
    const first = startHeadless(profile);
    try {
      const line = await first.line;
      expect(line).toBe(`Magpie harness running headless (stop with Ctrl+C or SIGTERM) — profile: ${profile} · knowledge base: 0 objects · http://magpie.localhost/index.html`);
      // Still running after its line: it does not exit on its own.
      await new Promise((done) => setTimeout(done, 1_000));
      expect(first.child.exitCode).toBeNull();

      const second = await run(process.execPath, [cli, '--headless', '--profile', profile], { timeout: 60_000 }).then(
        () => ({ code: 0, stderr: '' }),
        (error: unknown) => {
          const failure = error as { code?: number; stderr?: string };
          return { code: failure.code ?? -1, stderr: failure.stderr ?? '' };
        },
      );
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`Another Magpie harness (process ${first.child.pid}) is using the profile ${profile}`);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exit).toBe(0);
    // Stopped cleanly: the lock is gone, so the profile opens again.
    expect(existsSync(join(profile, 'harness.lock'))).toBe(false);
    const again = startHeadless(profile);
    await again.line;
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
  }, 120_000);

  it('prints its usage, and opening the app writes no settings to the profile', async () => {
    const help = await run(process.execPath, [cli, '--help']);
    expect(help.stdout).toContain('npm run harness');
    expect(help.stdout).toContain('--headless');
    const profile = await mkdtemp(join(tmpdir(), 'magpie-harness-cli-'));
    const harness = startHeadless(profile);
    await harness.line;
    harness.child.kill('SIGTERM');
    await harness.exit;
    // The settings file does not exist until something is changed: opening the app writes nothing.
    await expect(readFile(join(profile, 'settings.json'))).rejects.toThrow(/ENOENT/);
  }, 120_000);
});

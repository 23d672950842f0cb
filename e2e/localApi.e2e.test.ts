/**
 * Issue 18, point 3: scripts work with the knowledge base of a running Magpie. `magpie
 * serve` runs the app headless with the local API on; `magpie kb import` brings the ATT&CK
 * Mobile bundle in, `magpie kb search "T1"` finds its techniques; after a restart on the
 * same profile the same search gives the same results (the durable store), and with no
 * Magpie running the CLI says how to start one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesAvailable, fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';
import { gunzippedFixture, tempFolder } from './support/testFiles.ts';

const available = fixturesAvailable && hasFixture('mitre-attack', 'mobile-attack-17.1.json.gz');
if (!available) console.warn(`[e2e] local API test skipped: ${fixturesSkipReason}`);

const magpieEntry = resolve(import.meta.dirname, '../main/cli/magpie.ts');

function magpie(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [magpieEntry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((done) => child.once('exit', (code) => done({ code, stdout, stderr })));
}

/** `magpie serve` on the profile, once it says where its API is. */
async function serve(profile: string): Promise<{ child: ChildProcess; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [magpieEntry, 'serve', '--profile', profile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((done, failed) => {
    const timer = setTimeout(() => failed(new Error(`magpie serve did not start its API in 90 s: ${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Local API at http://127.0.0.1:')) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => failed(new Error(`magpie serve exited (${code}) before its API started: ${output}`)));
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

interface Hit {
  id: string;
  type: string;
  name: string;
}

describe.skipIf(!available)('magpie serve and magpie kb', () => {
  it('imports ATT&CK Mobile through the local API and finds the same techniques after a restart', async () => {
    const folder = await tempFolder();
    const profile = join(folder, 'profile');
    const mobile = await gunzippedFixture(folder, 'mobile-attack-17.1.json', 'mitre-attack', 'mobile-attack-17.1.json.gz');

    const first = await serve(profile);
    let before: Hit[];
    try {
      const imported = await magpie(['kb', 'import', mobile, '--profile', profile]);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      const created = Number(/: (\d+) created/.exec(imported.stdout)?.[1] ?? '0');
      expect(created).toBeGreaterThan(1000);

      const search = await magpie(['kb', 'search', 'T1', '--profile', profile, '--format', 'json', '--limit', '100']);
      expect(search.code).toBe(0);
      before = JSON.parse(search.stdout) as Hit[];
      expect(before.length).toBe(100);
      expect(before.filter((hit) => hit.type === 'attack-pattern').length).toBeGreaterThan(10);

      const phishing = before.find((hit) => hit.type === 'attack-pattern');
      const got = await magpie(['kb', 'get', phishing?.id ?? '', '--profile', profile]);
      expect(JSON.parse(got.stdout)).toMatchObject({ id: phishing?.id, name: phishing?.name });
    } finally {
      expect(await first.stop()).toBe(0);
    }
    // Stopped: the API file went with it, and the CLI says how to start Magpie.
    expect(existsSync(join(profile, 'api.json'))).toBe(false);
    const none = await magpie(['kb', 'search', 'T1', '--profile', profile]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`magpie serve --profile ${profile}`);

    const second = await serve(profile);
    try {
      const again = await magpie(['kb', 'search', 'T1', '--profile', profile, '--format', 'json', '--limit', '100']);
      expect((JSON.parse(again.stdout) as Hit[]).map((hit) => hit.id)).toEqual(before.map((hit) => hit.id));
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});

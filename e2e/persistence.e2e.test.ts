/**
 * Issue 14: the knowledge base is the analyst's months of work and survives every restart.
 * A report PDF and the ATT&CK Mobile bundle are imported and an investigation saved in the
 * harness on a persistent profile; the browser and the harness stop; the headless harness
 * then opens the same profile and counts the same objects; the windowed harness opens it
 * again: the same count, the investigation opens, and the report's original file is saved
 * byte for byte.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { gunzippedFixture, tempFolder } from './support/testFiles.ts';
import { Workbench } from './support/workbench.ts';

const report = 'jp-synthetic-invoice-stealer-ja';
const available = fixturesAvailable && hasFixture('reports', `${report}.pdf`) && hasFixture('mitre-attack', 'mobile-attack-17.1.json.gz');
if (!available) console.warn(`[e2e] persistence test skipped: ${fixturesSkipReason}`);

const cli = resolve(import.meta.dirname, 'harness/cli.ts');

async function total(app: MagpieApp): Promise<number> {
  await app.visit('dashboard');
  const text = (await app.page.getByTestId('dashboard-total').textContent()) ?? '';
  return Number(text.replace(/[^0-9]/g, ''));
}

/** Runs `npm run harness -- --headless` on the profile until its line is printed, then stops it with SIGTERM. */
async function headlessRun(profile: string): Promise<{ line: string; code: number | null }> {
  const child = spawn(process.execPath, [cli, '--headless', '--profile', profile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const line = await new Promise<string>((done, failed) => {
    const timer = setTimeout(() => failed(new Error(`The headless harness printed no status line in 60 s: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = output.split('\n').find((text) => text.startsWith('Magpie harness running headless'));
      if (found) {
        clearTimeout(timer);
        done(found);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => failed(new Error(`The headless harness exited (${code}) before its status line: ${output}`)));
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGTERM');
  return { line, code: await exited };
}

describe.skipIf(!available)('a persistent profile', () => {
  it('keeps the knowledge base, investigations and original files across restarts, windowed and headless', async () => {
    const profile = await tempFolder();
    const folder = await tempFolder();
    const pdf = fixturePath('reports', `${report}.pdf`);
    const mobile = await gunzippedFixture(folder, 'mobile-attack-17.1.json', 'mitre-attack', 'mobile-attack-17.1.json.gz');

    let app = await MagpieApp.openPersistent(profile, { viewport: { width: 1400, height: 1000 } });
    let before: number;
    let nodes: number;
    try {
      await app.dropFile(pdf);
      await app.waitForReview();
      await app.page.getByTestId('commit-extraction').click();
      await app.page.getByTestId('commit-result').waitFor({ timeout: 60_000 });
      await app.importDropped(mobile);

      // The report opened as an investigation and saved.
      await app.visit('reports');
      await app.page.getByTestId('object-row').first().click();
      await app.page.getByTestId('detail-investigate').click();
      const graph = new Workbench(app.page);
      await graph.waitOpen();
      nodes = (await graph.waitForStatus((status) => status.nodes > 1)).nodes;
      await graph.save();
      before = await total(app);
      expect(before).toBeGreaterThan(1_000);
    } finally {
      await app.close();
    }

    // The same profile, headless: the status line counts what the store holds on disk.
    const headless = await headlessRun(profile);
    expect(headless.line).toContain(`profile: ${profile}`);
    expect(headless.line).toContain(`knowledge base: ${before.toLocaleString('en-US')} objects`);
    expect(headless.code).toBe(0);

    app = await MagpieApp.openPersistent(profile, { viewport: { width: 1400, height: 1000 } });
    try {
      expect(await total(app)).toBe(before);

      await app.visit('investigate');
      await app.page.getByTestId('investigation-row').first().waitFor();
      expect(await app.page.getByTestId('investigation-row').count()).toBe(1);
      await app.page.getByTestId('investigation-open').click();
      const graph = new Workbench(app.page);
      await graph.waitOpen();
      expect((await graph.waitForStatus((status) => status.nodes === nodes)).nodes).toBe(nodes);

      // The report's original PDF, saved again from its provenance, byte for byte.
      await app.visit('reports');
      await app.page.getByTestId('object-row').first().click();
      await app.page.getByRole('tab', { name: 'Provenance' }).click();
      await app.page.getByTestId('save-original').first().click();
      const saved = (await app.page.getByTestId('original-saved').textContent({ timeout: 30_000 })) ?? '';
      const path = /(\/\S+\.pdf)/.exec(saved)?.[1] ?? '';
      expect(path.startsWith(join(profile, 'exports'))).toBe(true);
      const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
      expect(sha256(await readFile(path))).toBe(sha256(await readFile(pdf)));
      await app.screenshot('persistence-provenance');
    } finally {
      await app.close();
    }
  }, 300_000);
});

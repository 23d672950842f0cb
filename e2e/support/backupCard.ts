/**
 * Drives Settings → Backup and restore, and reads what the store holds straight from
 * IndexedDB, for the backup e2e tests.
 */
import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Browser, CDPSession } from 'playwright-core';
import { startHarness } from '../harness/harness.ts';
import { MagpieApp } from './magpieApp.ts';

/** Indicators with long descriptions: a store of a few megabytes in seconds. */
export function indicators(count: number): Record<string, unknown>[] {
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

export interface StoreFacts {
  count: number;
  sha256: string;
  investigations: string[];
}

/** Read straight from IndexedDB, as the worker keeps it: every object's STIX in id order. */
export async function storeFacts(app: MagpieApp): Promise<StoreFacts> {
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

export interface BackupAttempt {
  outcome: 'saved' | 'failed' | 'cancelled';
  text: string;
  /** The archive's path, when saved. */
  path: string | null;
}

/** Clicks Back up now and waits for what the card says: saved (with the path), failed or cancelled. */
export async function attemptBackup(app: MagpieApp, whileRunning?: () => Promise<void>): Promise<BackupAttempt> {
  await app.visit('settings');
  const card = app.page.getByTestId('backup-card');
  await card.getByTestId('backup-now').click();
  await whileRunning?.();
  const done = card.getByTestId('backup-outcome').or(card.getByTestId('backup-error')).or(card.getByTestId('backup-cancelled'));
  await done.waitFor({ timeout: 120_000 });
  const text = (await done.textContent()) ?? '';
  const testId = await done.getAttribute('data-testid');
  const outcome = testId === 'backup-outcome' ? 'saved' : testId === 'backup-error' ? 'failed' : 'cancelled';
  return { outcome, text, path: outcome === 'saved' ? (/(\/\S+\.zip)/.exec(text)?.[1] ?? null) : null };
}

export async function backUp(app: MagpieApp): Promise<string> {
  const attempt = await attemptBackup(app);
  if (!attempt.path) throw new Error(`No backup path in: ${attempt.text}`);
  return attempt.path;
}

/** Restores a file (replacing the store, confirmed); resolves with what the card said. */
export async function restore(app: MagpieApp, path: string): Promise<{ ok: boolean; text: string }> {
  await app.visit('settings');
  await app.page.getByTestId('backup-card').locator('input[type="file"]').setInputFiles(path);
  await app.page.getByTestId('restore-start').click();
  await app.page.getByTestId('restore-confirm').click();
  const done = app.page.getByTestId('restore-outcome').or(app.page.getByTestId('restore-error'));
  await done.waitFor({ timeout: 120_000 });
  return { ok: (await done.getAttribute('data-testid')) === 'restore-outcome', text: (await done.textContent()) ?? '' };
}

export async function deleteEverything(app: MagpieApp): Promise<void> {
  await app.visit('settings');
  await app.page.getByTestId('kb-clear-all').click();
  await app.page.getByTestId('kb-clear-confirm').click();
  await app.page.getByTestId('kb-cleared').waitFor({ timeout: 60_000 });
}

/**
 * Magpie whose origin has a storage quota of `quotaSize` bytes from before its first write.
 * Set later, the quota would be ignored for up to 30 s: Chromium's IndexedDB keeps granting
 * writes from the room it last learned of (BucketContext::kBucketSpaceCacheTimeLimit), and
 * a restore's one large transaction fits in a default quota's room.
 */
export async function openUnderQuota(browser: Browser, quotaSize: number): Promise<{ app: MagpieApp; devtools: CDPSession }> {
  const harness = await startHarness({ quiet: true, chromeVersion: browser.version() });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', locale: 'en-US' });
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  await devtools.send('Storage.overrideQuotaForOrigin', { origin: harness.origin, quotaSize });
  await harness.attach(page);
  const app = new MagpieApp(page, harness, context);
  await app.load();
  return { app, devtools };
}

/**
 * Settings → TAXII server, end to end in Chromium (issue 18, point 2): the analyst publishes
 * everything up to TLP:AMBER and a report (picked by its name), names a client with read
 * rights, copies its token from the once-only modal and turns the server on; a TAXII client
 * with that token reads the collection's objects (the TLP:RED indicator stays home), the
 * request log shows it, and once the client is revoked it is refused. A non-loopback
 * address without TLS is refused with main's reason; a collection is edited and removed;
 * a port already taken shows why the server is not running. Screenshots in English and Japanese.
 */
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ids, sampleObjects } from '../renderer/src/kb/testing/sampleObjects.ts';
import { MagpieApp, screenshotDir } from './support/magpieApp.ts';
import { freePort, taxiiGet, TaxiiServeCard } from './support/taxiiServeCard.ts';
import { writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';

describe('Settings → TAXII server', () => {
  const chromium = useChromium();

  it('publishes a collection to a named client, serves it with the token, and refuses the token once revoked', async () => {
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1280, height: 1400 } });
    try {
      await app.importDropped(await writeJson(chromium.folder, 'sample.json', { type: 'bundle', id: 'bundle--5a0e8c3e-7d6a-4e2b-9c1d-0a2b3c4d5e70', objects: sampleObjects() }));
      await app.visit('settings');
      const serve = new TaxiiServeCard(app.page);
      await serve.card.scrollIntoViewIfNeeded();
      expect(await serve.card.getByTestId('taxii-collections-empty').textContent()).toContain('A collection is a view of your knowledge base');
      await serve.card.getByTestId('taxii-clients-empty').waitFor();
      expect(await serve.card.getByTestId('taxii-serve-off').textContent()).toBe('Off: nothing is listening.');

      // Another address exposes the knowledge base: main refuses it without TLS, and the card says why.
      await serve.saveListening({ host: '0.0.0.0' });
      expect(await serve.card.getByTestId('taxii-serve-refused').textContent()).toContain('give a TLS certificate and key first, or keep 127.0.0.1');
      await serve.saveListening({ host: '127.0.0.1', port: await freePort() });
      await serve.card.getByText('Saved.', { exact: true }).waitFor();

      await serve.addCollection('Team feed'); // everything, up to TLP:AMBER by default
      await serve.addCollection('PlugX report', async () => {
        await serve.choose('taxii-collection-kind', 'One report and what it contains');
        await app.page.getByTestId('taxii-collection-report').fill('PlugX campaign');
        await app.page.getByRole('option', { name: /PlugX campaign against ACME/ }).click();
      });
      const rows = serve.card.getByTestId('taxii-collection-row');
      expect(await rows.filter({ hasText: 'Team feed' }).textContent()).toContain('Everything up to TLP:AMBER');
      // The report is named, never shown as its id.
      await rows.filter({ hasText: 'Report “PlugX campaign against ACME”' }).waitFor();
      expect(await serve.card.textContent()).not.toContain(ids.report);

      const token = await serve.addClient('Team OpenCTI', { 'Team feed': 'Read' });
      expect(token).toMatch(/^magpie_[A-Za-z0-9_-]{40,}$/);
      expect(await app.page.getByTestId('taxii-token-modal').textContent()).toContain('you will not see it again');
      await app.screenshot('taxii-serve-token');
      await app.page.getByTestId('taxii-token-done').click();
      await app.page.getByTestId('taxii-token-modal').waitFor({ state: 'detached' });
      // Shown once: nowhere on the page after the modal closes.
      expect(await app.page.locator('body').textContent()).not.toContain(token);
      expect(await serve.card.getByTestId('taxii-client-row').textContent()).toContain('reads Team feed');

      const discovery = await serve.turnOn('Serve TAXII 2.1');
      expect(discovery).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/taxii2\/$/);
      const found = await taxiiGet(discovery, token);
      expect(found.status).toBe(200);
      const apiRoot = String(found.body['default']);
      const listed = await taxiiGet(`${apiRoot}collections/`, token);
      const collections = listed.body['collections'] as { id: string; title: string; can_read: boolean }[];
      // Only what the client was given rights to.
      expect(collections.map((collection) => collection.title)).toEqual(['Team feed']);
      const feed = collections[0]?.id ?? '';
      const objects = await taxiiGet(`${apiRoot}collections/${feed}/objects/`, token);
      expect(objects.status).toBe(200);
      const served = (objects.body['objects'] as { id: string }[]).map((object) => object.id);
      expect(served).toEqual(expect.arrayContaining([ids.malware, ids.report, ids.ip, ids.identity, ids.attackPattern]));
      expect(served).not.toContain(ids.indicator);

      await serve.card.getByTestId('taxii-log-refresh').click();
      await expect.poll(async () => serve.card.getByTestId('taxii-log').textContent()).toMatch(new RegExp(`Team OpenCTI GET /magpie/collections/${feed}/objects/ 200 \\d+ objects`));

      await serve.shoot(join(screenshotDir, 'taxii-serve.png'));
      await app.segment('language-control', '日本語').click();
      await serve.card.getByText('公開中のコレクション').waitFor();
      await serve.shoot(join(screenshotDir, 'taxii-serve-ja.png'));
      await app.segment('language-control', 'English').click();

      // Edited to show one label, then removed after its confirmation.
      const report = rows.filter({ hasText: 'PlugX report' });
      await report.getByTestId('taxii-collection-edit').click();
      await serve.choose('taxii-collection-kind', 'Every object with one label');
      await serve.choose('taxii-collection-label', 'rat');
      await app.page.getByTestId('taxii-collection-save').click();
      await report.filter({ hasText: 'Label “rat”' }).waitFor();
      await report.getByTestId('taxii-collection-remove').click();
      await app.page.getByTestId('taxii-collection-remove-confirm').click();
      await report.waitFor({ state: 'detached' });
      expect(await rows.count()).toBe(1);

      await serve.revoke('Team OpenCTI');
      expect(await serve.card.getByTestId('taxii-client-status').textContent()).toMatch(/^Revoked /);
      expect((await taxiiGet(`${apiRoot}collections/${feed}/objects/`, token)).status).toBe(401);

      // A port another program holds: the card says why the server is not running.
      const holder = createServer();
      await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done));
      try {
        await serve.saveListening({ port: (holder.address() as AddressInfo).port });
        expect(await serve.card.getByTestId('taxii-serve-error').textContent()).toMatch(/is in use; choose another in Settings/);
        expect(await serve.card.getByTestId('taxii-serve-discovery').count()).toBe(0);
      } finally {
        holder.close();
      }

      // No certificate of her own: Magpie makes one, serves HTTPS with it and shows its fingerprint.
      await serve.saveListening({ port: await freePort() });
      await serve.card.getByTestId('taxii-serve-make-certificate').click();
      const fingerprint = serve.card.getByTestId('taxii-serve-fingerprint');
      await fingerprint.waitFor();
      expect(await fingerprint.textContent()).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      await serve.card.getByTestId('taxii-serve-discovery').filter({ hasText: 'https://127.0.0.1:' }).waitFor();
    } finally {
      await app.close();
    }
  });
});

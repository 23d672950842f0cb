/**
 * Publishing from the Export page to a TAXII 2.1 collection, end to end in Chromium (issue
 * 18): the analyst adds a server with a password, sees its writable collection, publishes
 * the knowledge base up to TLP:AMBER, reads which object the server refused and why, and
 * sends that one again once the server takes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlpOf } from '../core/stix/markings.ts';
import { ids, sampleObjects } from '../renderer/src/kb/testing/sampleObjects.ts';
import { startTaxiiServer, type TaxiiTestServer } from '../testkit/taxiiServer.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';

describe('publishing to a TAXII 2.1 collection from the Export page', () => {
  const chromium = useChromium();
  let server: TaxiiTestServer;
  let refusing = true;
  const received: string[] = [];

  beforeAll(async () => {
    server = await startTaxiiServer({
      objects: [],
      auth: { username: 'analyst', password: 'team-pass' },
      writable: {
        refuse: (object) => {
          received.push(String(object['id']));
          return refusing && object['id'] === ids.uses ? 'Relationship type not allowed in this collection' : undefined;
        },
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('publishes up to TLP:AMBER, lists the refused object with its reason, and sends it again', async () => {
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1000 } });
    try {
      const objects = sampleObjects();
      await app.importDropped(await writeJson(chromium.folder, 'sample.json', { type: 'bundle', id: 'bundle--6c1f0a9e-3b2d-4c5e-8f7a-9b0c1d2e3f4a', objects }));
      await app.visit('export');
      const card = app.page.getByTestId('taxii-publish');
      await card.getByTestId('taxii-add-server').click();
      await app.page.getByTestId('taxii-server-name').fill('Team OpenCTI');
      await app.page.getByTestId('taxii-server-url').fill(server.discoveryUrl);
      await app.page.getByTestId('taxii-server-username').fill('analyst');
      await app.page.getByTestId('taxii-server-secret').fill('team-pass');
      await app.page.getByTestId('taxii-server-save').click();
      await card.getByTestId('taxii-publish-collection').waitFor();

      await card.getByTestId('taxii-publish-run').click();
      const outcome = card.getByTestId('taxii-publish-outcome');
      await outcome.waitFor({ timeout: 60_000 });
      const text = (await outcome.textContent()) ?? '';
      // The TLP:RED indicator stays home, and so does the relationship pointing at it.
      const sent = new Set(received);
      const red = objects.filter((object) => tlpOf(object) === 'red').map((object) => String(object['id']));
      expect(red.length).toBe(1);
      expect(red.some((id) => sent.has(id))).toBe(false);
      expect(sent.size).toBe(received.length);
      expect(text).toContain('1 object marked above TLP:AMBER was left out (TLP:RED 1).');
      expect(text).toContain(`Published ${String(sent.size - 1)} objects to “Test collection”.`);
      expect(text).toContain(`${ids.uses}: Relationship type not allowed in this collection`);

      refusing = false;
      received.length = 0;
      await card.getByTestId('taxii-publish-retry').click();
      await expect.poll(async () => outcome.textContent(), { timeout: 60_000 }).toContain('Published 1 object to “Test collection”.');
      expect(received).toEqual([ids.uses]);
      expect(await card.getByTestId('taxii-publish-retry').count()).toBe(0);
      await app.screenshot('taxii-publish');
    } finally {
      await app.close();
    }
  });
});

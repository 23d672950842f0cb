/**
 * Enrichment end to end in Chromium (issue 8, "Done when"): the analyst sets VirusTotal up
 * on the Connectors page (pointed at a server on 127.0.0.1 answering with VirusTotal's real
 * IPv4 sample and self-written resolutions), opens an IPv4 observable in the graph and
 * enriches it from its node: the offline enricher and VirusTotal both answer, and the graph
 * gains the address's AS, its country and the domains that resolved to it. A TLP:RED
 * address is refused before anything is sent, and the panel says why.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScoId, TLP_2 } from '../core/stix/index.ts';
import type { JsonObject } from '../core/stix/model/properties.ts';
import { startLocalServer, type LocalServer } from '../main/connectors/testing/localServer.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';
import { Workbench } from './support/workbench.ts';

const available = fixturesAvailable && hasFixture('virustotal', 'opencti-vt_test_ipv4.json');
const IP = '138.128.150.133';
const RED_IP = '198.51.100.77';
const KEY = 'e2e-key';

function ip(value: string, marking: string): JsonObject {
  const properties = { type: 'ipv4-addr', value };
  return { ...properties, spec_version: '2.1', id: generateScoId('ipv4-addr', properties), object_marking_refs: [marking] };
}

describe.skipIf(!available)(`Enrich an IPv4 address${available ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  const chromium = useChromium();
  let server: LocalServer;

  beforeAll(async () => {
    const routes = new Map([
      [`/api/v3/ip_addresses/${IP}`, fixturePath('virustotal', 'opencti-vt_test_ipv4.json')],
      [`/api/v3/ip_addresses/${IP}/resolutions`, join(import.meta.dirname, '../main/connectors/virustotal/testdata/ip-resolutions.json')],
    ]);
    server = await startLocalServer(async (request, response) => {
      const file = routes.get(new URL(request.url ?? '/', 'http://x').pathname);
      if (request.headers['x-apikey'] !== KEY) response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":"WrongCredentialsError"}}');
      else if (file === undefined) response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFoundError"}}');
      else response.writeHead(200, { 'content-type': 'application/json' }).end(await readFile(file));
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('adds the AS, the country and the resolved domains to the graph, and never sends a TLP:RED address', async () => {
    const bundle = { type: 'bundle', id: 'bundle--1f1f9a51-4a52-4a51-9d8e-2b1e6c0f2a10', objects: [TLP_2.green, TLP_2.red, ip(IP, TLP_2.green.id), ip(RED_IP, TLP_2.red.id)] };
    const path = await writeJson(chromium.folder, 'addresses.json', bundle);
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1500, height: 1000 } });
    const graph = new Workbench(app.page);
    try {
      await app.importDropped(path);

      // VirusTotal is off until the analyst gives it a key and switches it on.
      await app.visit('connectors');
      const card = app.page.getByTestId('enrichment-virustotal');
      await card.getByTestId('enrichment-settings').click();
      await card.locator('[data-field="apiKey"]').fill(KEY);
      await card.locator('[data-field="baseUrl"]').fill(server.url('/api/v3'));
      await card.getByRole('button', { name: 'Save settings' }).click();
      // Mantine draws the switch's track over its input: the click goes to the input itself.
      await card.getByTestId('enrichment-enabled').click({ force: true });
      await expect.poll(() => card.getByTestId('enrichment-enabled').isChecked()).toBe(true);

      // The TLP:RED address: the offline enricher runs, VirusTotal is refused, nothing is sent.
      await app.visit('observables');
      await app.page.getByTestId('object-row').filter({ hasText: RED_IP }).click();
      await app.page.getByTestId('detail-enrich').click();
      const panel = app.page.getByTestId('enrich-panel');
      await expect.poll(() => panel.getAttribute('data-running')).toBe('false');
      expect(await panel.getByTestId('enrich-step-offline-enrichment').getAttribute('data-state')).toBe('done');
      const refused = panel.getByTestId('enrich-step-virustotal');
      expect(await refused.getAttribute('data-state')).toBe('refused');
      expect(await refused.getByTestId('enrich-step-message').textContent()).toMatch(/TLP:RED/);
      expect(await refused.getByTestId('enrich-step-refusal').textContent()).toMatch(/highest TLP/);
      expect(server.requests.filter((request) => request.url?.includes(RED_IP))).toEqual([]);
      await panel.getByTestId('enrich-close').click();
      await app.page.keyboard.press('Escape');

      // The TLP:GREEN address, from its node in the graph.
      await app.page.getByTestId('object-row').filter({ hasText: IP }).click();
      await app.page.getByTestId('detail-investigate').click();
      await graph.waitOpen();
      await graph.waitForStatus((status) => status.nodes === 1);
      await graph.select(IP);
      await app.page.getByTestId('side-panel').getByTestId('detail-enrich').click();
      await expect.poll(() => panel.getAttribute('data-running'), { timeout: 60_000 }).toBe('false');
      expect(await panel.getByTestId('enrich-step-offline-enrichment').getAttribute('data-state')).toBe('done');
      expect(await panel.getByTestId('enrich-step-virustotal').getAttribute('data-state')).toBe('done');
      expect(server.requests.map((request) => new URL(request.url ?? '/', 'http://x').pathname)).toEqual([`/api/v3/ip_addresses/${IP}`, `/api/v3/ip_addresses/${IP}/resolutions`]);
      await panel.getByTestId('enrich-close').click();

      // AS13886 (both sources agree, so one node), the United Kingdom, two resolved domains.
      await graph.idle();
      const status = await graph.waitForStatus((current) => current.nodes >= 5);
      expect(status.edges).toBeGreaterThanOrEqual(4);
      for (const name of ['mail.example-one.com', 'shop.example-two.net', 'United Kingdom']) {
        await graph.select(name);
        expect((await graph.status()).selected, name).toBe(1);
      }
      await graph.select('Cloud South');
      expect((await graph.status()).selected).toBeGreaterThanOrEqual(1);
      await graph.select(IP);
      await graph.key('f');
      await app.screenshot('enrich-ipv4');
    } finally {
      await app.close();
    }
  });
});

/**
 * Connectors end to end, in Chromium with main's services in Node: the CISA KEV connector
 * configured on the Connectors page against a local copy of the real catalog, run now, its
 * vulnerabilities delivered through main's inbox into the knowledge base; a second run
 * over the unchanged feed downloads nothing (conditional GET) and adds nothing.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startFeedServer } from '../testkit/feedServer.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';
import { pointConnectorAt } from './support/connectorCard.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

const kevAvailable = fixturesAvailable && hasFixture('cisa-kev', 'known_exploited_vulnerabilities.json');
if (!kevAvailable) console.warn(`[e2e] connector tests skipped: ${fixturesSkipReason}`);

describe.skipIf(!kevAvailable)('the CISA KEV connector', () => {
  it('is configured and run from the Connectors page, and its vulnerabilities reach the knowledge base once', async () => {
    const catalog = await readFile(fixturePath('cisa-kev', 'known_exploited_vulnerabilities.json'));
    const entries = (JSON.parse(catalog.toString('utf8')) as { vulnerabilities: unknown[] }).vulnerabilities.length;
    const feed = await startFeedServer({ '/kev.json': { body: catalog } });
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1300, height: 1100 } });
    try {
      const card = await pointConnectorAt(app, 'cisa-kev', `${feed.url}/kev.json`);
      await card.getByTestId('connector-run-now').click();
      // Delivered: the last success line appears once the KB acknowledged every batch.
      const delivered = card.getByTestId('connector-delivered');
      await delivered.waitFor({ timeout: 120_000 });
      // Every vulnerability, and the software and relationships around them, counted as new.
      const created = Number(/(\d[\d,]*) new/.exec((await delivered.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 'NaN');
      expect(created).toBeGreaterThan(entries);
      await app.screenshot('connectors-page');

      await app.visit('dashboard');
      await app.page.getByTestId('count-vulnerability').waitFor();
      expect(await app.page.getByTestId('count-vulnerability').textContent()).toContain(entries.toLocaleString('en-US'));

      // Again, over the unchanged feed: a 304, nothing emitted, nothing added.
      await app.visit('connectors');
      const before = feed.requests.length;
      const lastBefore = await card.getByTestId('connector-last').textContent();
      await card.getByTestId('connector-run-now').click();
      await expect.poll(() => feed.requests.slice(before).map((request) => request.status), { timeout: 60_000 }).toEqual([304]);
      await expect.poll(async () => (await card.getByTestId('connector-last').textContent()) !== lastBefore && (await card.getAttribute('data-status')) !== 'running', { timeout: 60_000 }).toBe(true);
      await app.visit('dashboard');
      expect(await app.page.getByTestId('count-vulnerability').textContent()).toContain(entries.toLocaleString('en-US'));
      await app.screenshot('connectors-kev');
    } finally {
      await app.close();
      await feed.close();
    }
  });
});

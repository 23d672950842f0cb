/** Drives an import connector's card on the Connectors page: its settings, Run now, and waiting for delivery. */
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { FeedServer } from '../../testkit/feedServer.ts';
import type { MagpieApp } from './magpieApp.ts';

/** Opens the Connectors page and points the connector's `url` setting at `url`; returns its card. */
export async function pointConnectorAt(app: MagpieApp, id: string, url: string): Promise<Locator> {
  await app.visit('connectors');
  const card = app.page.getByTestId(`connector-${id}`);
  await card.waitFor();
  await card.getByTestId('connector-settings').click();
  await card.locator('input[data-field="url"]').fill(url);
  await card.getByTestId(`connector-save-${id}`).click();
  return card;
}

/** Runs the connector from its card, waits until the run is over and no batch waits for the knowledge base; returns the feed's answers to it. */
export async function runAndDeliver(card: Locator, feed: FeedServer): Promise<number[]> {
  const before = feed.requests.length;
  const lastBefore = await card.getByTestId('connector-last').textContent();
  await card.getByTestId('connector-run-now').click();
  await expect
    .poll(async () => (await card.getByTestId('connector-last').textContent()) !== lastBefore && (await card.getAttribute('data-status')) !== 'running', { timeout: 120_000 })
    .toBe(true);
  await expect.poll(() => card.getByText(/waiting for the knowledge base/).count(), { timeout: 120_000 }).toBe(0);
  return feed.requests.slice(before).map((request) => request.status);
}

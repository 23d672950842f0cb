/**
 * Page module for Settings → TAXII server (issue 18, point 2): the steps an analyst takes on
 * the card, and a TAXII 2.1 client's requests to what it serves.
 */
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const TAXII_ACCEPT = 'application/taxii+json;version=2.1';

export class TaxiiServeCard {
  readonly page: Page;
  readonly card: Locator;

  constructor(page: Page) {
    this.page = page;
    this.card = page.getByTestId('taxii-serve');
  }

  /** Picks `option` in the Mantine Select whose input has `testId`. */
  async choose(testId: string, option: string | RegExp): Promise<void> {
    await this.page.getByTestId(testId).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async addCollection(title: string, setUp: () => Promise<void> = () => Promise.resolve()): Promise<void> {
    await this.card.getByTestId('taxii-collection-add').click();
    await this.page.getByTestId('taxii-collection-title').fill(title);
    await setUp();
    await this.page.getByTestId('taxii-collection-save').click();
    await this.card.getByTestId('taxii-collection-row').filter({ hasText: title }).waitFor();
  }

  /** Adds a client with `right` to each collection named, and answers the token the modal shows. */
  async addClient(name: string, rights: Record<string, 'Read' | 'Read/write'>): Promise<string> {
    await this.card.getByTestId('taxii-client-add').click();
    await this.page.getByTestId('taxii-client-name').fill(name);
    for (const [collection, right] of Object.entries(rights)) {
      await this.page.locator(`[data-testid="taxii-client-right"][data-collection="${collection}"]`).getByText(right, { exact: true }).click();
    }
    await this.page.getByTestId('taxii-client-save').click();
    await this.page.getByTestId('taxii-token-modal').waitFor();
    const token = (await this.page.getByTestId('taxii-serve-token').textContent())?.trim() ?? '';
    return token;
  }

  async saveListening(fields: { host?: string; port?: number }): Promise<void> {
    if (fields.host !== undefined) await this.card.getByTestId('taxii-serve-host').fill(fields.host);
    if (fields.port !== undefined) await this.card.getByTestId('taxii-serve-port').fill(String(fields.port));
    await this.card.getByTestId('taxii-serve-save').click();
  }

  /** Turns the server on from the keyboard and answers the discovery URL the card shows. */
  async turnOn(switchLabel: string): Promise<string> {
    await this.card.getByRole('switch', { name: switchLabel }).focus();
    await this.page.keyboard.press('Space');
    const url = this.card.getByTestId('taxii-serve-discovery');
    await url.waitFor();
    return (await url.textContent()) ?? '';
  }

  /** The card alone, without the app's fixed header drawn over its top. */
  async shoot(path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await this.card.screenshot({ path, style: 'header { visibility: hidden !important; }' });
  }

  async revoke(client: string): Promise<void> {
    await this.card.getByTestId('taxii-client-row').filter({ hasText: client }).getByTestId('taxii-client-revoke').click();
    await this.page.getByTestId('taxii-client-revoke-confirm').click();
    await this.card.locator('[data-testid="taxii-client-row"][data-revoked="true"]').filter({ hasText: client }).waitFor();
  }
}

/** A port nothing listens on now, for the server to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function taxiiGet(url: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers: { accept: TAXII_ACCEPT, authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

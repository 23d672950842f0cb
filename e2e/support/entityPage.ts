/** Locators and waits for an object's page (issue 15), shared by the entity-page tests. */
import type { Page } from 'playwright-core';

/** A STIX id as it must never be shown outside the STIX JSON tab. */
export const RAW_ID = /[a-z-]+--[0-9a-f]{8}-/;

export class EntityPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get title() {
    return this.page.getByTestId('entity-title');
  }

  /** Opens the page of the object whose quick look (drawer) is open. */
  async openFromDrawer(): Promise<void> {
    await this.page.getByTestId('detail-open-page').click();
    await this.title.waitFor();
  }

  async tabs(): Promise<string[]> {
    const ids = await this.page.locator('[data-testid^="entity-tab-"]').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.replace('entity-tab-', ''));
  }

  /** Shows a tab and waits until it has read everything it shows (no spinner, no name still loading). */
  async show(tab: string): Promise<void> {
    await this.page.getByTestId(`entity-tab-${tab}`).click();
    await this.settled(tab);
  }

  async settled(tab: string): Promise<void> {
    await this.page.waitForFunction(
      (name) => {
        const panel = document.querySelector(`[data-testid="entity-panel"][data-tab="${name}"]`);
        if (!panel) return false;
        // A page being re-read keeps the previous rows on screen, marked busy.
        return (
          panel.querySelector('.mantine-Loader-root') === null &&
          panel.querySelector('[aria-busy="true"]') === null &&
          panel.querySelector('[data-testid="object-ref"][data-state="loading"]') === null
        );
      },
      tab,
      { timeout: 60_000 },
    );
  }

  /** What the window shows now, as a reader sees it (the page's header and the tab). */
  shownText(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  group(key: string) {
    return this.page.locator(`[data-testid="link-group"][data-group="${key}"]`);
  }
}

/**
 * Page module for the hand-curation forms (issue 17): the analyst's identity in Settings,
 * "New…" with its generated form, the detail view's Edit, and the History tab.
 */
import type { Locator, Page } from 'playwright-core';

export class Curation {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get modal(): Locator {
    return this.page.getByTestId('create-object').or(this.page.getByTestId('edit-object'));
  }

  /** A generated field's input (or its wrapper, for rows and hashes), by STIX property name. */
  field(key: string): Locator {
    return this.modal.getByTestId(`field-${key}`);
  }

  /** Settings → Your identity, saved. */
  async setIdentity(name: string, organisation: string, tlpLabel: string): Promise<void> {
    await this.page.getByTestId('analyst-name').fill(name);
    await this.page.getByTestId('analyst-organisation').fill(organisation);
    await this.page.getByTestId('analyst-tlp').click();
    await this.page.getByRole('option', { name: tlpLabel, exact: true }).click();
    await this.page.getByTestId('analyst-save').click();
    await this.page.getByTestId('analyst-saved').waitFor();
  }

  /** Opens "New…" and picks the kind of object by its name in the UI. */
  async startNew(typeLabel: string): Promise<void> {
    await this.page.getByTestId('new-object').click();
    await this.chooseIn(this.modal.getByTestId('create-type'), typeLabel);
    await this.modal.getByTestId('object-form').waitFor();
  }

  /** Picks an option of a Select or Autocomplete. */
  async chooseIn(input: Locator, option: string): Promise<void> {
    await input.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async choose(key: string, option: string): Promise<void> {
    await this.chooseIn(this.field(key), option);
  }

  async fill(key: string, text: string): Promise<void> {
    await this.field(key).fill(text);
  }

  /** Types each value into a tags field, Enter after each. */
  async addTags(key: string, values: readonly string[]): Promise<void> {
    const input = this.field(key);
    for (const value of values) {
      await input.fill(value);
      await input.press('Enter');
    }
  }

  /** Searches the knowledge base from a reference field and picks the object named `name`. */
  async pickRef(key: string, query: string, name: string): Promise<void> {
    const input = this.field(key);
    await input.fill(query);
    await this.page.getByRole('option', { name: new RegExp(`^${name} · `) }).click();
  }

  /** Creates (or saves the edit) and waits for the dialog to close. */
  async save(): Promise<void> {
    const button = this.modal.getByTestId('create-save').or(this.modal.getByTestId('edit-save'));
    await button.click();
    await this.modal.waitFor({ state: 'detached' });
  }

  async closeDetail(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('detail-title').waitFor({ state: 'detached' });
  }

  /** Opens an object's detail from the current list page by searching its name. */
  async openFromList(name: string): Promise<void> {
    await this.page.getByTestId('kb-search').fill(name);
    await this.page.getByTestId('object-row').filter({ hasText: name }).first().click();
    await this.page.getByTestId('detail-title').filter({ hasText: name }).waitFor();
  }

  historyRows(): Locator {
    return this.page.getByTestId('history-row');
  }
}

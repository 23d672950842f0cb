/** Drives the Investigate workbench the way an analyst does: search, keys, menus and dialogs. */
import type { Page } from 'playwright-core';

export interface GraphStatus {
  nodes: number;
  edges: number;
  visible: number;
  selected: number;
}

export class Workbench {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async waitOpen(): Promise<void> {
    await this.page.getByTestId('workbench').waitFor({ timeout: 60_000 });
    await this.idle();
  }

  /** No task (opening, expanding, layout, saving) running. */
  async idle(timeout = 120_000): Promise<void> {
    await this.page.waitForFunction(() => document.querySelector('[data-testid="graph-task"]') === null, null, { timeout });
  }

  async status(): Promise<GraphStatus> {
    const text = (await this.page.getByTestId('graph-status').textContent()) ?? '';
    const numbers = [...text.matchAll(/([\d,]+)/g)].map((match) => Number((match[1] ?? '').replace(/,/g, '')));
    const [nodes = NaN, edges = NaN, visible = NaN, selected = NaN] = numbers;
    return { nodes, edges, visible, selected };
  }

  async waitForStatus(check: (status: GraphStatus) => boolean, timeout = 60_000): Promise<GraphStatus> {
    const started = Date.now();
    for (;;) {
      const status = await this.status();
      if (check(status)) return status;
      if (Date.now() - started > timeout) throw new Error(`The graph status stayed at ${JSON.stringify(status)}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Finds nodes by name in the graph and selects them (adding to the selection with `add`). */
  async select(name: string, add = false): Promise<void> {
    const search = this.page.getByTestId('graph-search');
    await search.fill(name);
    await this.page.waitForFunction((query) => document.querySelector('[data-testid="graph-search-count"]')?.getAttribute('data-query') === query, name.toLowerCase());
    await search.press(add ? 'Shift+Enter' : 'Enter');
    await search.fill('');
    await search.blur();
  }

  /** Presses a workbench shortcut with focus on the page, not in a field. */
  async key(combination: string): Promise<void> {
    await this.page.locator('body').press(combination);
  }

  /** Expands the selection by one row of the expand dialog (`expand-all`, `expand-type-…`, `expand-rel-…`); returns the count it showed. */
  async expand(choice: string): Promise<number> {
    await this.key('e');
    const count = this.page.getByTestId(`${choice}-count`);
    await this.page.getByTestId(choice === 'expand-all' ? 'expand-all' : `${choice}-count`).waitFor();
    const shown = choice === 'expand-all' ? Number(/([\d,]+)/.exec((await this.page.getByTestId('expand-all').textContent()) ?? '')?.[1]?.replace(/,/g, '')) : Number(((await count.textContent()) ?? '').replace(/,/g, ''));
    await this.page.getByTestId(choice).click();
    await this.page.getByTestId('expand-all').waitFor({ state: 'detached' });
    await this.idle();
    return shown;
  }

  async save(): Promise<void> {
    await this.page.getByTestId('investigation-save').click();
    await this.page.getByTestId('investigation-dirty').waitFor({ state: 'detached' });
  }
}

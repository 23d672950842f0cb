/**
 * Hostile STIX content (issue 15): a bundle whose every string field carries script,
 * event-handler, javascript:/data: link, entity, right-to-left and 100 KB payloads is
 * imported, and every view that shows it is opened. No script may run, no request may
 * leave the app, and no view may grow wider than the window.
 */
import { describe, expect, it } from 'vitest';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';
import { Workbench } from './support/workbench.ts';
import { payloadBundle, payloadIds, PWNED } from './support/payloadBundle.ts';
import { writeJson } from './support/testFiles.ts';

const chromium = useChromium();

interface Findings {
  outside: string[];
  dialogs: string[];
  ran: string[];
  overflow: string[];
}

/** Watches the window: requests to anywhere but the app are refused and noted, dialogs noted and dismissed. */
async function watch(app: MagpieApp): Promise<Findings> {
  const findings: Findings = { outside: [], dialogs: [], ran: [], overflow: [] };
  const origin = new URL(app.harness.url).origin;
  await app.context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    findings.outside.push(url);
    return route.abort();
  });
  app.page.on('dialog', (dialog) => {
    findings.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return findings;
}

/** After a view is shown: did any payload run, and is the page wider than the window? */
async function check(app: MagpieApp, findings: Findings, view: string): Promise<void> {
  const state = await app.page.evaluate((flag) => {
    const root = document.scrollingElement ?? document.documentElement;
    return { ran: (window as unknown as Record<string, unknown>)[flag] !== undefined, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  }, PWNED);
  if (state.ran) findings.ran.push(view);
  if (state.scrollWidth > state.clientWidth) findings.overflow.push(`${view}: ${state.scrollWidth} > ${state.clientWidth}`);
}

async function openEntityTabs(app: MagpieApp, findings: Findings, id: string): Promise<string[]> {
  await app.page.evaluate((hash) => (window.location.hash = hash), `#/object/${encodeURIComponent(id)}`);
  const tabs = app.page.locator('[data-testid^="entity-tab-"]');
  await tabs.first().waitFor();
  const names = await tabs.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
  for (const name of names) {
    const tab = app.page.getByTestId(name);
    await tab.click();
    await app.page.waitForFunction((testId) => document.querySelector(`[data-testid="${testId}"]`)?.getAttribute('aria-selected') === 'true', name);
    await app.page.locator('[role="tabpanel"]').first().waitFor();
    await check(app, findings, `${id} ${name}`);
  }
  return names;
}

describe('a bundle whose every string carries a payload', () => {
  it('runs no script, sends nothing out, and keeps every view within the window', async () => {
    const path = await writeJson(chromium.folder, 'payloads.json', payloadBundle());
    const app = await MagpieApp.open(chromium.browser);
    try {
      const findings = await watch(app);

      await app.importDropped(path);
      expect(await app.resultCount('rejected')).toBe(1);
      await check(app, findings, 'import result');
      await app.page.getByTestId('import-result').getByTestId('open-warnings').click();
      await app.page.getByTestId('import-warnings').getByTestId('warning-row').first().waitFor();
      await check(app, findings, 'import warnings');
      await app.page.getByTestId('rejections').getByRole('button', { name: 'Show the object as imported' }).click();
      await check(app, findings, 'quarantined object');

      await app.visit('dashboard');
      await app.page.getByTestId('latest-reports').getByTestId('object-ref').first().waitFor();
      await app.page.getByTestId('targeted-sectors').getByTestId('morning-row').first().waitFor();
      await check(app, findings, 'dashboard');

      for (const page of ['knowledge', 'reports'] as const) {
        await app.visit(page);
        await app.page.getByTestId('object-row').first().waitFor();
        await check(app, findings, page);
      }

      await app.visit('knowledge');
      await app.page.getByTestId('row-name').filter({ hasText: 'Evil' }).first().click();
      await app.page.getByTestId('detail-title').waitFor();
      await check(app, findings, 'drawer');
      await app.page.keyboard.press('Escape');
      await app.page.getByTestId('detail-title').waitFor({ state: 'hidden' });

      const opened: string[] = [];
      for (const id of Object.values(payloadIds)) opened.push(...(await openEntityTabs(app, findings, id)));
      expect(opened).toContain('entity-tab-overview');
      expect(opened).toContain('entity-tab-references');

      // The graph workbench, opened from the intrusion set's page (its 100 KB name made the investigation invalid: it is now shortened).
      await app.page.evaluate((hash) => (window.location.hash = hash), `#/object/${encodeURIComponent(payloadIds.intrusionSet)}`);
      await app.page.getByTestId('entity-tab-overview').waitFor();
      await app.page.locator('[data-testid="detail-investigate"]:visible').first().click();
      const graph = new Workbench(app.page);
      await graph.waitOpen();
      await graph.idle();
      await graph.waitForStatus((status) => status.nodes >= 1);
      await check(app, findings, 'graph');

      expect(findings.ran).toEqual([]);
      expect(findings.dialogs).toEqual([]);
      expect(findings.outside).toEqual([]);
      expect(findings.overflow).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);
});

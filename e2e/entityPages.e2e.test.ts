/**
 * Entity pages end to end (issue 15): APT29's page after importing ATT&CK Enterprise shows
 * G0016 beside its name, its relationships grouped with counts, and no raw STIX id on any
 * tab but STIX JSON; a report of more than 1,500 objects lists all of them grouped by type
 * and paged; a hub of more than 500 relationships pages to its last one.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../core/stix/model/properties.ts';
import { fixturesSkipReason } from '../testkit/fixtures.ts';
import { EntityPage, RAW_ID } from './support/entityPage.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { attackEnterpriseAvailable, attackEnterpriseFile, writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

/** Searches the Knowledge list, opens the first hit's quick look, then its page. */
async function openPage(app: MagpieApp, page: 'knowledge' | 'reports', query: string): Promise<EntityPage> {
  await app.visit(page);
  await app.page.getByTestId('kb-search').fill(query);
  await app.page.getByTestId('row-name').getByText(query, { exact: true }).first().click();
  const entity = new EntityPage(app.page);
  await entity.openFromDrawer();
  return entity;
}

if (!attackEnterpriseAvailable) console.warn(`[e2e] entity page tests on ATT&CK skipped: ${fixturesSkipReason}`);

describe.skipIf(!attackEnterpriseAvailable)('APT29 after importing ATT&CK Enterprise', () => {
  it('shows G0016 beside the name, its relationships grouped with counts, and no raw id outside STIX JSON', async () => {
    const path = await attackEnterpriseFile(chromium.folder);
    const bundle = JSON.parse(await readFile(path, 'utf8')) as { objects: JsonObject[] };
    const apt29 = bundle.objects.find((object) => object['type'] === 'intrusion-set' && object['name'] === 'APT29');
    expect(apt29).toBeDefined();
    const usesTechniques = bundle.objects.filter(
      (object) => object['type'] === 'relationship' && object['source_ref'] === apt29?.['id'] && object['relationship_type'] === 'uses' && String(object['target_ref']).startsWith('attack-pattern--'),
    ).length;
    expect(usesTechniques).toBeGreaterThan(20);

    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1000 } });
    try {
      await app.importDropped(path);
      const entity = await openPage(app, 'knowledge', 'APT29');
      expect(await entity.title.textContent()).toBe('APT29');
      expect(await app.page.getByTestId('entity-external-id').textContent()).toBe('G0016');
      // The route names the object and the tab: a link that can be shared and returned to.
      expect(await app.page.evaluate(() => window.location.hash)).toBe(`#/object/${encodeURIComponent(String(apt29?.['id']))}`);

      const tabs = await entity.tabs();
      expect(tabs).toEqual(expect.arrayContaining(['overview', 'knowledge', 'analyses', 'indicators', 'observables', 'sightings', 'matrix', 'references', 'provenance', 'history', 'stix']));
      for (const tab of tabs) {
        await entity.show(tab);
        const text = await entity.shownText();
        if (tab === 'stix') expect(text, 'the STIX JSON tab shows the raw object').toMatch(RAW_ID);
        else expect(text.match(RAW_ID)?.[0], `a raw id on the ${tab} tab`).toBeUndefined();
        if (tab === 'overview') {
          // The author by name, and citations as numbered links instead of "(Citation: …)".
          expect(text).toContain('The MITRE Corporation');
          expect(text).not.toContain('(Citation:');
          expect(await app.page.getByTestId('citation').count()).toBeGreaterThan(0);
        }
        if (tab === 'knowledge') {
          const uses = entity.group('outgoing|uses|attack-pattern');
          expect(await uses.getByTestId('link-group-count').textContent()).toBe(String(usesTechniques));
          expect(await app.page.getByTestId('link-group').count()).toBeGreaterThan(2);
        }
      }
      await app.screenshot('entity-page-apt29-stix');

      // Back returns to the tab before, forward to the one after.
      await app.page.goBack();
      await app.page.locator('[data-testid="entity-panel"]').and(app.page.locator(`[data-tab="${tabs.at(-2)}"]`)).waitFor();
      await app.page.goForward();
      await app.page.locator('[data-testid="entity-panel"][data-tab="stix"]').waitFor();
      await entity.show('knowledge');
      await app.screenshot('entity-page-apt29-knowledge');
    } finally {
      await app.harness.close();
    }
  }, 300_000);
});

const COUNT = 1600;
const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString();
const label = (index: number) => `ind-${String(index).padStart(4, '0')}`;

/** A hub malware indicated by 1,600 indicators, and a report holding all of them and their relationships. */
function hubBundle(): JsonObject {
  const created = '2024-01-01T00:00:00.000Z';
  const hub = { type: 'malware', spec_version: '2.1', id: `malware--${crypto.randomUUID()}`, created, modified: created, name: 'Hub malware', is_family: true };
  const objects: JsonObject[] = [hub];
  for (let index = 1; index <= COUNT; index += 1) {
    const indicator = {
      type: 'indicator', spec_version: '2.1', id: `indicator--${crypto.randomUUID()}`, created, modified: created, name: label(index),
      pattern: `[ipv4-addr:value = '10.0.${Math.floor(index / 256)}.${index % 256}']`, pattern_type: 'stix', valid_from: created,
    };
    // Newest first on the page: the oldest relationship (ind-0001) is the last one.
    const indicates = { type: 'relationship', spec_version: '2.1', id: `relationship--${crypto.randomUUID()}`, created, modified: created, relationship_type: 'indicates', source_ref: indicator.id, target_ref: hub.id, start_time: at(index) };
    objects.push(indicator, indicates);
  }
  const author = { type: 'identity', spec_version: '2.1', id: `identity--${crypto.randomUUID()}`, created, modified: created, name: 'Hub Research', identity_class: 'organization' };
  const report = {
    type: 'report', spec_version: '2.1', id: `report--${crypto.randomUUID()}`, created, modified: created, name: 'Big report', published: created,
    created_by_ref: author.id, object_refs: objects.map((object) => String(object['id'])),
  };
  return { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: [author, ...objects, report] };
}

describe('long lists on entity pages', () => {
  it('lists all of a 3,201-object report grouped by type and paged, and pages a hub of 1,600 relationships to its last one', async () => {
    const path = await writeJson(chromium.folder, 'hub.json', hubBundle());
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1000 } });
    try {
      await app.importDropped(path);
      // The Reports list: published date, author by name and how many objects it holds.
      await app.visit('reports');
      await app.page.getByTestId('kb-search').fill('Big report');
      const row = app.page.getByTestId('object-row').filter({ hasText: 'Big report' });
      await row.getByText('Hub Research').waitFor();
      expect(await row.getByTestId('row-contents').textContent()).toBe(`${2 * COUNT + 1} objects`);
      expect(await row.getByTestId('row-published').textContent()).toBe('Jan 1, 2024');
      const entity = await openPage(app, 'reports', 'Big report');
      await entity.show('contents');
      const chip = (type: string) => app.page.locator(`[data-testid="contents-type"][data-type="${type}"]`);
      expect(await chip('indicator').textContent()).toContain(`(${COUNT})`);
      expect(await chip('relationship').textContent()).toContain(`(${COUNT})`);
      expect(await chip('malware').textContent()).toContain('(1)');

      await chip('indicator').click();
      await app.page.getByTestId('contents-range').getByText(`1–50 of ${COUNT}`).waitFor();
      await app.page.getByTestId('contents-pages').locator('button').last().click();
      await app.page.getByTestId('contents-range').getByText(`1551–${COUNT} of ${COUNT}`).waitFor();
      await entity.settled('contents');
      expect((await app.page.getByTestId('contents-row').allInnerTexts()).at(-1)).toContain(label(COUNT));
      expect((await entity.shownText()).match(RAW_ID)?.[0]).toBeUndefined();

      await app.page.getByTestId('contents-search').fill(label(1599));
      await app.page.getByTestId('contents-range').getByText('1–1 of 1').waitFor();
      await app.screenshot('entity-page-report-contents');

      // The hub: its page's Knowledge tab pages through all 1,600, to the oldest.
      await app.page.getByTestId('contents-search').fill('');
      await chip('malware').click();
      await app.page.getByTestId('contents-row').getByText('Hub malware').click();
      await entity.title.getByText('Hub malware').waitFor();
      await entity.show('knowledge');
      const group = entity.group('incoming|indicates|indicator');
      expect(await group.getByTestId('link-group-count').textContent()).toBe(String(COUNT));
      await group.getByTestId('link-group-pages').locator('button').last().click();
      await group.getByTestId('link-group-range').getByText(`1581–${COUNT} of ${COUNT}`).waitFor();
      await entity.settled('knowledge');
      expect((await group.getByTestId('link-row').allInnerTexts()).at(-1)).toContain(label(1));
      expect((await entity.shownText()).match(RAW_ID)?.[0]).toBeUndefined();
    } finally {
      await app.harness.close();
    }
  }, 300_000);
});

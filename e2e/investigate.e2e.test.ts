/**
 * Investigate end to end in Chromium: open a graph from a report and from ATT&CK's APT29,
 * expand, filter, draw a relationship, save and reopen, export the view and the
 * investigation as a STIX grouping.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../core/stix/model/properties.ts';
import { validateObject } from '../core/stix/validate.ts';
import { ids, sampleObjects } from '../renderer/src/kb/testing/sampleObjects.ts';
import { fixturesSkipReason } from '../testkit/fixtures.ts';
import { loadStixSchemaOracle } from '../testkit/stixSchemas.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { attackEnterpriseAvailable, attackEnterpriseFile, writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';
import { Workbench } from './support/workbench.ts';

const chromium = useChromium();

type Bundle = { objects: JsonObject[] };

async function savedPath(app: MagpieApp): Promise<string> {
  const notice = app.page.getByTestId('investigate-notice');
  await notice.waitFor();
  const path = /(\/.+\.(?:png|svg))/.exec((await notice.textContent()) ?? '')?.[1];
  if (!path) throw new Error(`No saved path in: ${await notice.textContent()}`);
  await notice.getByRole('button').click();
  return path;
}

describe('an investigation of a small report', () => {
  it('opens a report with its contents, expands, undoes, relates, saves, reopens and exports', async () => {
    const path = await writeJson(chromium.folder, 'acme.json', { type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: sampleObjects() });
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1500, height: 1000 } });
    const graph = new Workbench(app.page);
    try {
      await app.importDropped(path);
      await app.visit('reports');
      await app.page.getByTestId('object-row').first().click();
      await app.page.getByTestId('detail-investigate').click();
      await graph.waitOpen();

      // The report and what it holds; its relationship is an edge, not a node.
      const opened = await graph.waitForStatus((status) => status.nodes === 4);
      expect(opened.edges).toBeGreaterThanOrEqual(4);
      expect(await app.page.getByTestId('investigation-name').inputValue()).toBe('PlugX campaign against ACME');

      // PlugX uses one technique not on the graph yet: the dialog counts it before adding it.
      await graph.select('PlugX');
      expect((await graph.status()).selected).toBe(1);
      expect(await app.page.getByTestId('side-panel').getByTestId('detail-title').textContent()).toBe('PlugX');
      expect(await graph.expand('expand-type-attack-pattern')).toBe(1);
      await graph.waitForStatus((status) => status.nodes === 5);

      // Undo and redo the expansion.
      await graph.key('Control+z');
      await graph.waitForStatus((status) => status.nodes === 4);
      await graph.key('Control+Shift+z');
      await graph.waitForStatus((status) => status.nodes === 5);

      // Hiding leaves the node in the investigation but not on screen.
      await graph.select('PowerShell');
      await graph.key('h');
      await graph.waitForStatus((status) => status.nodes === 5 && status.visible === 4);
      await graph.key('Shift+h');
      await graph.waitForStatus((status) => status.visible === 5);

      // Box and lasso select everything they surround.
      const canvas = await app.page.getByTestId('graph-canvas').boundingBox();
      if (!canvas) throw new Error('The graph canvas is not on screen');
      await graph.key('f');
      await graph.key('b');
      await app.page.mouse.move(canvas.x + 5, canvas.y + 5);
      await app.page.mouse.down();
      await app.page.mouse.move(canvas.x + canvas.width - 5, canvas.y + canvas.height - 5, { steps: 10 });
      await app.page.mouse.up();
      await graph.waitForStatus((status) => status.selected === 5);
      await graph.select('PlugX');
      await graph.key('f');
      await graph.key('Shift+l');
      await app.page.getByTestId('lasso-layer').waitFor();
      const corners = [[5, 5], [canvas.width - 5, 5], [canvas.width - 5, canvas.height - 5], [5, canvas.height - 5], [5, 6]];
      await app.page.mouse.move(canvas.x + 5, canvas.y + 5);
      await app.page.mouse.down();
      for (const [x = 0, y = 0] of corners) await app.page.mouse.move(canvas.x + x, canvas.y + y, { steps: 8 });
      await app.page.mouse.up();
      await graph.waitForStatus((status) => status.selected === 5);
      await graph.key('v');

      // The WebGL renderer draws the same graph (SwiftShader here), and back.
      await app.page.getByText('WebGL', { exact: true }).click();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="graph-status"]')?.textContent.includes('WebGL') === true);
      await graph.select('PlugX');
      expect((await graph.status()).selected).toBe(1);
      await app.page.getByText('Auto', { exact: true }).click();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="graph-status"]')?.textContent.includes('canvas') === true);

      // Every layout runs in its worker and leaves the graph whole.
      for (const layout of ['hierarchical', 'concentric', 'fast', 'force']) {
        await app.page.getByTestId('layout-menu').click();
        await app.page.getByTestId(`layout-${layout}`).click();
        await graph.idle();
        expect(await app.page.getByRole('alert').count(), layout).toBe(0);
      }
      await graph.waitForStatus((status) => status.nodes === 5 && status.visible === 5);

      // Draw a relationship: only the types STIX defines for malware → attack-pattern are offered.
      await graph.select('PlugX');
      await graph.select('PowerShell', true);
      await graph.key('r');
      await app.page.getByTestId('relationship-modal').waitFor();
      expect(await app.page.getByTestId('relate-source').textContent()).toBe('PlugX');
      await app.page.getByTestId('relate-type').click();
      const offered = await app.page.getByRole('option').allTextContents();
      expect(offered).toEqual(['uses', 'related-to']);
      await app.page.getByRole('option', { name: 'related-to' }).click();
      await app.page.getByTestId('relate-create').click();
      await app.page.getByTestId('relationship-modal').waitFor({ state: 'detached' });
      const related = await graph.waitForStatus((status) => status.edges === opened.edges + 2);

      // Save, leave, reopen: the same nodes and edges.
      await graph.save();
      await app.page.getByTestId('investigation-back').click();
      await app.page.getByTestId('investigation-row').waitFor();
      expect(await app.page.getByTestId('investigation-row').count()).toBe(1);
      await app.page.getByTestId('investigation-open').click();
      await graph.waitOpen();
      const reopened = await graph.waitForStatus((status) => status.nodes === 5);
      expect(reopened.edges).toBe(related.edges);

      // The view as PNG and SVG.
      await app.page.getByTestId('investigation-export').click();
      await app.page.getByTestId('export-png').click();
      const png = await readFile(await savedPath(app));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.length).toBeGreaterThan(5_000);
      await app.page.getByTestId('investigation-export').click();
      await app.page.getByTestId('export-svg').click();
      const svg = await readFile(await savedPath(app), 'utf8');
      expect(svg).toContain('<svg');
      for (const name of ['PlugX', 'PowerShell', '198.51.100.7', 'related-to']) expect(svg).toContain(name);

      // The investigation as a STIX grouping; the TLP:RED indicator stays home at the default TLP:AMBER.
      await app.page.getByTestId('investigation-export').click();
      await app.page.getByTestId('export-stix').click();
      const { bundle } = await app.runExport();
      const grouping = bundle.objects.find((object) => object['type'] === 'grouping');
      expect(grouping?.['name']).toBe('PlugX campaign against ACME');
      const refs = grouping?.['object_refs'] as string[];
      expect(refs).toEqual(expect.arrayContaining([ids.report, ids.malware, ids.ip, ids.subTechnique]));
      expect(refs).not.toContain(ids.indicator);
      expect(bundle.objects.some((object) => object['type'] === 'relationship' && object['relationship_type'] === 'related-to' && object['source_ref'] === ids.malware)).toBe(true);
      for (const object of bundle.objects) expect(validateObject(object).filter((issue) => issue.severity === 'error'), String(object['id'])).toEqual([]);

      // The workbench in Japanese.
      await app.visit('settings');
      await app.segment('language-control', '日本語').click();
      // The investigation stayed open while the analyst exported it.
      await app.visit('investigate');
      await graph.waitOpen();
      expect(await app.page.getByTestId('add-from-kb').textContent()).toBe('ナレッジベースから追加');
      await app.screenshot('investigate-ja');
    } finally {
      await app.close();
    }
  }, 300_000);
});

if (!attackEnterpriseAvailable) console.warn(`[e2e] ATT&CK investigation test skipped: ${fixturesSkipReason}`);

describe.skipIf(!attackEnterpriseAvailable)('investigating APT29 in ATT&CK Enterprise', () => {
  it('expands its techniques and software, filters to techniques, relates two, saves, reopens and exports a valid grouping', async () => {
    const path = await attackEnterpriseFile(chromium.folder);
    const bundle = JSON.parse(await readFile(path, 'utf8')) as Bundle;
    const apt29 = bundle.objects.find((object) => object['type'] === 'intrusion-set' && object['name'] === 'APT29');
    expect(apt29).toBeDefined();
    const apt29Id = String(apt29?.['id']);
    const typeOf = new Map(bundle.objects.map((object) => [String(object['id']), String(object['type'])]));
    const nameOf = new Map(bundle.objects.map((object) => [String(object['id']), typeof object['name'] === 'string' ? object['name'] : '']));
    // What "expand" must bring: every object of the type one relationship away, either direction.
    const around = (type: string) =>
      new Set(
        bundle.objects
          .filter((object) => object['type'] === 'relationship' && (object['source_ref'] === apt29Id || object['target_ref'] === apt29Id))
          .map((object) => String(object['source_ref'] === apt29Id ? object['target_ref'] : object['source_ref']))
          .filter((id) => typeOf.get(id) === type),
      );
    const techniques = around('attack-pattern');
    const software = [...around('malware'), ...around('tool')];
    expect(techniques.size).toBeGreaterThan(20);
    expect(software.length).toBeGreaterThan(5);

    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1600, height: 1000 } });
    const graph = new Workbench(app.page);
    try {
      await app.importDropped(path);
      await app.visit('knowledge');
      await app.page.getByTestId('kb-search').fill('APT29');
      const row = app.page.getByTestId('object-row').filter({ has: app.page.getByTestId('row-name').getByText('APT29', { exact: true }) });
      await row.first().click();
      await app.page.getByTestId('detail-investigate').click();
      await graph.waitOpen();
      await graph.waitForStatus((status) => status.nodes === 1);

      await graph.select('APT29');
      expect(await graph.expand('expand-type-attack-pattern')).toBe(techniques.size);
      await graph.select('APT29');
      expect(await graph.expand('expand-type-malware')).toBe(around('malware').size);
      await graph.select('APT29');
      expect(await graph.expand('expand-type-tool')).toBe(around('tool').size);
      const expanded = await graph.waitForStatus((status) => status.nodes === 1 + techniques.size + software.length);
      // Every relationship among what is drawn: APT29's, and the software's own uses of the techniques.
      expect(expanded.edges).toBeGreaterThan(techniques.size + software.length);

      // Screenshots of the whole graph, light then dark: one icon and colour per type.
      await graph.key('f');
      await app.screenshot('investigate-apt29-light');
      await app.page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
      await app.page.waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark');
      await app.page.waitForTimeout(300);
      await app.screenshot('investigate-apt29-dark');

      // Only attack patterns stay on screen.
      await app.page.getByTestId('filters-toggle').click();
      await app.page.getByTestId('filter-type-attack-pattern').click();
      const filtered = await graph.waitForStatus((status) => status.visible === techniques.size);
      expect(filtered.nodes).toBe(expanded.nodes);

      // Relate two techniques; a name given in full selects just that node.
      const [first, second] = [...techniques].map((id) => nameOf.get(id) ?? '').filter((name) => [...techniques].filter((id) => (nameOf.get(id) ?? '').toLowerCase() === name.toLowerCase()).length === 1).sort();
      await graph.select(first ?? '');
      await graph.select(second ?? '', true);
      expect((await graph.status()).selected).toBe(2);
      await graph.key('r');
      await app.page.getByTestId('relationship-modal').waitFor();
      await app.page.getByTestId('relate-type').click();
      expect(await app.page.getByRole('option').allTextContents()).toEqual(['derived-from', 'duplicate-of', 'related-to']);
      await app.page.getByRole('option', { name: 'related-to' }).click();
      await app.page.getByTestId('relate-create').click();
      await app.page.getByTestId('relationship-modal').waitFor({ state: 'detached' });
      const related = await graph.waitForStatus((status) => status.edges === expanded.edges + 1);
      await app.screenshot('investigate-apt29-filtered');

      await graph.save();
      await app.page.getByTestId('investigation-back').click();
      await app.page.getByTestId('investigation-open').click();
      await graph.waitOpen();
      const reopened = await graph.waitForStatus((status) => status.nodes === expanded.nodes);
      expect(reopened.edges).toBe(related.edges);
      expect(reopened.visible).toBe(techniques.size);

      await app.page.getByTestId('investigation-export').click();
      await app.page.getByTestId('export-stix').click();
      const { bundle: exported } = await app.runExport();
      const grouping = exported.objects.find((object) => object['type'] === 'grouping');
      const refs = new Set(grouping?.['object_refs'] as string[]);
      for (const id of [apt29Id, ...techniques, ...software]) expect(refs.has(id), id).toBe(true);
      expect(exported.objects.filter((object) => object['type'] === 'relationship' && object['relationship_type'] === 'related-to' && refs.has(String(object['id'])))).toHaveLength(1);
      expect(loadStixSchemaOracle().bundleProblems(exported)).toEqual([]);
    } finally {
      await app.close();
    }
  }, 600_000);
});

/**
 * The trash end to end in Chromium (issue 21, point 5, Done-when): an object that has
 * relationships and is in a report is deleted from its page with a why; it and its links
 * leave the Knowledge list, the report's contents and the report's graph (the one still open
 * in Investigate, not only one opened again); the Trash page
 * lists it by name with who, why and what went with it; Restore brings back the same
 * objects — a SHA-256 over their canonical JSON (RFC 8785) — and the same graph.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ids, sampleObjects } from '../renderer/src/kb/testing/sampleObjects.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';
import { Workbench } from './support/workbench.ts';

const chromium = useChromium();

type Stix = Record<string, unknown>;

/** The stored STIX objects and their kept versions, read straight from IndexedDB. */
async function stored(page: Page): Promise<{ objects: Stix[]; versions: Stix[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('magpie-knowledge-base');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const all = (table: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(table).objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    const objects = (await all('objects')).map((row) => row['stix'] as Record<string, unknown>);
    const versions = await all('versions');
    db.close();
    return { objects, versions };
  });
}

/** PlugX, the relationships on it and its kept versions: their SHA-256, and the ids it is related to. */
async function plugx(page: Page): Promise<{ sha256: string; related: string[]; present: boolean }> {
  const { objects, versions } = await stored(page);
  const malware = objects.find((object) => object['id'] === ids.malware);
  const edges = objects.filter((object) => object['type'] === 'relationship' && (object['source_ref'] === ids.malware || object['target_ref'] === ids.malware));
  const byId = (a: Stix, b: Stix) => String(a['id'] ?? a['key']).localeCompare(String(b['id'] ?? b['key']));
  const history = versions.filter((version) => version['id'] === ids.malware).sort(byId);
  const sha256 = createHash('sha256').update(canonicalize({ malware, edges: edges.sort(byId), history }) ?? '').digest('hex');
  const related = edges.map((edge) => String(edge['source_ref'] === ids.malware ? edge['target_ref'] : edge['source_ref'])).sort();
  return { sha256, related, present: malware !== undefined };
}

async function openObject(app: MagpieApp, id: string, tab?: string): Promise<void> {
  await app.page.evaluate((hash) => (window.location.hash = hash), `#/object/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`);
  await app.page.getByTestId('entity-title').waitFor();
}

/** The report opened as a graph from the Reports page, as an analyst does. */
async function reportGraph(app: MagpieApp, graph: Workbench, nodes: number) {
  await app.visit('reports');
  await app.page.getByTestId('object-row').first().click();
  await app.page.getByTestId('detail-investigate').click();
  await graph.waitOpen();
  return graph.waitForStatus((status) => status.nodes === nodes);
}

describe('the trash', () => {
  it('takes an object with its relationships out of every view, and restores the same objects and graph', async () => {
    const path = await writeJson(chromium.folder, 'acme.json', { type: 'bundle', id: 'bundle--0f7a52a6-9d8e-4a8f-9a53-0b7f5d1c9e21', objects: sampleObjects() });
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1500, height: 1000 } });
    const graph = new Workbench(app.page);
    // Opening the report's graph again replaces the unsaved one: yes to "replace it?".
    app.page.on('dialog', (dialog) => void dialog.accept());
    try {
      await app.importDropped(path);
      const before = await plugx(app.page);
      expect(before.related).toEqual([ids.indicator, ids.subTechnique].sort());
      // The report, PlugX, the indicator and the address; the relationship is an edge.
      const graphBefore = await reportGraph(app, graph, 4);

      await openObject(app, ids.malware);
      await app.page.getByTestId('detail-delete').click();
      await app.page.getByTestId('delete-to-trash').waitFor();
      await app.page.getByTestId('delete-why').fill('Wrong family: this is ShadowPad');
      await app.page.getByTestId('delete-confirm').click();
      await app.page.getByTestId('delete-dialog').waitFor({ state: 'detached' });

      // Gone from the store, the Knowledge list, the report's contents and its graph.
      expect((await plugx(app.page)).present).toBe(false);
      expect((await plugx(app.page)).related).toEqual([]);
      await app.visit('knowledge');
      await app.page.locator(`[data-testid="object-row"][data-id="${ids.indicator}"]`).waitFor();
      expect(await app.page.locator(`[data-testid="object-row"][data-id="${ids.malware}"]`).count()).toBe(0);
      await openObject(app, ids.report, 'contents');
      const trashedNote = app.page.getByTestId('contents-trashed');
      await trashedNote.waitFor();
      expect(await trashedNote.textContent()).toContain('PlugX');
      // Of the report's four, the indicator and the address are left; no malware, no relationship.
      expect(await app.page.getByTestId('contents-row').count()).toBe(2);
      expect(await app.page.locator('[data-testid="contents-type"][data-type="malware"], [data-testid="contents-type"][data-type="relationship"]').count()).toBe(0);
      // The report's graph, still open in Investigate, follows the delete without being opened again.
      await app.visit('investigate');
      await graph.waitOpen();
      const graphDeleted = await graph.waitForStatus((status) => status.nodes === graphBefore.nodes - 1);
      expect(graphDeleted.edges).toBeLessThan(graphBefore.edges);
      expect(await app.page.getByTestId('graph-absent').textContent()).toContain('1 object of this investigation is no longer in the knowledge base');

      // The Trash page says what went, by whom (no profile: you), why and how long it stays.
      await app.visit('trash');
      const entry = app.page.getByTestId('trash-entry');
      await entry.waitFor();
      const said = (await entry.innerText()).replace(/\s+/g, ' ');
      expect(said).toContain('PlugX');
      expect(said).toContain('Wrong family: this is ShadowPad');
      expect(said).toContain('2 relationships');
      expect(said).toContain('by you');
      expect(said.toLowerCase()).toContain('30 days left');
      expect(said).not.toMatch(/[a-z-]+--[0-9a-f]{8}-/);
      await app.screenshot('trash-page');

      await entry.getByTestId('trash-restore').click();
      await app.page.getByTestId('trash-empty-state').waitFor();
      const after = await plugx(app.page);
      expect(after.sha256).toBe(before.sha256);
      expect(after.related).toEqual(before.related);
      // The open graph draws it again where it was, with its relationship.
      await app.visit('investigate');
      await graph.waitOpen();
      const graphRestored = await graph.waitForStatus((status) => status.nodes === graphBefore.nodes);
      expect(graphRestored.edges).toBe(graphBefore.edges);
      expect(await app.page.getByTestId('graph-absent').count()).toBe(0);
      const graphAfter = await reportGraph(app, graph, graphBefore.nodes);
      expect({ nodes: graphAfter.nodes, edges: graphAfter.edges }).toEqual({ nodes: graphBefore.nodes, edges: graphBefore.edges });
    } finally {
      await app.close();
    }
  });
});

/**
 * Merging duplicates end to end, in Chromium (issue 17, point 4): ATT&CK ids committed
 * from a report before ATT&CK is imported become placeholders that the ATT&CK import
 * replaces with the real objects; and two malware objects merged from ticked rows in the
 * Knowledge table become one with every alias and relationship, undone exactly.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testPdf } from '../main/documents/testPdf.ts';
import { fixturesSkipReason } from '../testkit/fixtures.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { attackEnterpriseAvailable, attackEnterpriseFile, writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

type Stix = Record<string, unknown>;

/** Every stored object's STIX, read straight from IndexedDB as the worker keeps it. */
async function storedObjects(page: Page): Promise<Stix[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('magpie-knowledge-base');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const rows = await new Promise<{ stix: Record<string, unknown> }[]>((resolve, reject) => {
      const request = db.transaction('objects').objectStore('objects').getAll();
      request.onsuccess = () => resolve(request.result as { stix: Record<string, unknown> }[]);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
    db.close();
    return rows.map((row) => row.stix);
  });
}

const byId = (objects: Stix[]) => new Map(objects.map((object) => [String(object['id']), object]));

if (!attackEnterpriseAvailable) console.warn(`[e2e] ATT&CK placeholder test skipped: ${fixturesSkipReason}`);

describe.skipIf(!attackEnterpriseAvailable)('ATT&CK ids committed before ATT&CK is imported', () => {
  it('are kept as placeholders the summary names, and the ATT&CK import replaces them with the real technique and mitigation', async () => {
    const pdf = join(chromium.folder, 'lazarus-notes.pdf');
    await writeFile(pdf, testPdf(['MITRE ATT&CK techniques seen: T1059 for execution.', 'Mitigation M1047 Audit would have caught it.'], { title: 'Lazarus notes' }));
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1100 } });
    try {
      await app.dropFile(pdf);
      await app.waitForReview();
      for (const value of ['T1059', 'M1047']) expect(await (await app.revealIndicatorRow('attack-pattern', value)).count(), value).toBe(1);
      await app.page.getByTestId('commit-extraction').click();
      await app.page.getByTestId('commit-result').waitFor({ timeout: 60_000 });
      // The summary says what was saved as a placeholder and why.
      const said = (await app.page.getByTestId('commit-placeholders').textContent()) ?? '';
      expect(said).toContain('T1059');
      expect(said).toContain('M1047');
      expect(said).toMatch(/ATT&CK/);
      const before = await storedObjects(app.page);
      const report = before.find((object) => object['type'] === 'report');
      const placeholders = before.filter((object) => object['x_magpie_placeholder'] === true);
      expect(placeholders.map((object) => [object['type'], object['name']]).sort()).toEqual([['attack-pattern', 'T1059'], ['course-of-action', 'M1047']]);

      await app.visit('import');
      await app.importDropped(await attackEnterpriseFile(chromium.folder), 180_000);
      const after = await storedObjects(app.page);
      const objects = byId(after);
      expect(after.filter((object) => object['x_magpie_placeholder'] === true)).toEqual([]);
      const contents = ((objects.get(String(report?.['id']))?.['object_refs'] ?? []) as string[]).map((id) => objects.get(id));
      const named = (attackId: string) => contents.find((object) => JSON.stringify(object?.['external_references'] ?? []).includes(`"external_id":"${attackId}"`));
      expect(named('T1059')).toMatchObject({ type: 'attack-pattern', name: 'Command and Scripting Interpreter' });
      expect(named('M1047')).toMatchObject({ type: 'course-of-action', name: 'Audit' });

      // Searching T1059 finds the technique once (its sub-techniques follow), and no stub.
      await app.visit('knowledge');
      await app.page.getByTestId('kb-search').fill('T1059');
      await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="row-name"]').length > 5);
      const names = await app.page.getByTestId('row-name').allTextContents();
      expect(names.filter((name) => name === 'Command and Scripting Interpreter')).toHaveLength(1);
      expect(names).not.toContain('T1059');
    } finally {
      await app.close();
    }
  }, 300_000);
});

const t0 = '2024-03-01T00:00:00.000Z';
const ids = {
  plugx: 'malware--0a6b0a2b-1c1d-4e8e-9a51-5d0e7c1b2a01',
  korplug: 'malware--0a6b0a2b-1c1d-4e8e-9a51-5d0e7c1b2a02',
  actor: 'intrusion-set--0a6b0a2b-1c1d-4e8e-9a51-5d0e7c1b2a03',
  infra: 'infrastructure--0a6b0a2b-1c1d-4e8e-9a51-5d0e7c1b2a04',
};
const common = { spec_version: '2.1', created: t0, modified: t0 };
/** Two write-ups of one RAT, each with its own relationships, as an analyst might have typed them. */
const handMade = {
  type: 'bundle',
  id: 'bundle--0a6b0a2b-1c1d-4e8e-9a51-5d0e7c1b2a00',
  objects: [
    { ...common, type: 'malware', id: ids.plugx, name: 'PlugX', is_family: true, aliases: ['Sogu'], description: 'Modular RAT.' },
    { ...common, type: 'malware', id: ids.korplug, name: 'Korplug', is_family: true, aliases: ['ＰｌｕｇＸ'], description: 'Backdoor loaded by DLL side-loading.' },
    { ...common, type: 'intrusion-set', id: ids.actor, name: 'Mustang Panda' },
    { ...common, type: 'infrastructure', id: ids.infra, name: 'RAT C2 cluster' },
    { ...common, type: 'relationship', id: 'relationship--0a6b0a2b-1c1d-4e8e-9a51-5d0e7c1b2a05', relationship_type: 'uses', source_ref: ids.actor, target_ref: ids.plugx },
    { ...common, type: 'relationship', id: 'relationship--0a6b0a2b-1c1d-4e8e-9a51-5d0e7c1b2a06', relationship_type: 'uses', source_ref: ids.korplug, target_ref: ids.infra },
  ],
};

describe('merging two malware objects', () => {
  it('gives one object with both aliases and all relationships, and undo brings both back as they were', async () => {
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1100 } });
    try {
      await app.importDropped(await writeJson(chromium.folder, 'hand-made.json', handMade));
      const before = await storedObjects(app.page);

      // The possible-duplicates view pairs them: Korplug's full-width alias is PlugX's name.
      await app.visit('knowledge');
      await app.page.getByTestId('possible-duplicates').click();
      const view = app.page.getByTestId('duplicates-view');
      await view.getByTestId('duplicates-type').click();
      await app.page.getByRole('option', { name: /^Malware/ }).click();
      await expect.poll(() => view.getByTestId('duplicate-group').count()).toBe(1);
      await app.page.keyboard.press('Escape');

      // Tick both rows in the Knowledge table, merge, keep PlugX.
      await app.page.locator('nav [data-type="malware"]').click();
      await expect.poll(() => app.page.getByTestId('object-row').count()).toBe(2);
      // By name, each waited for: the table may draw its rows again while they are ticked.
      for (const name of ['Korplug', 'PlugX']) {
        const box = app.page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
        await expect.poll(async () => {
          if (!(await box.isChecked())) await box.check().catch(() => undefined);
          return box.isChecked();
        }).toBe(true);
      }
      await app.page.getByTestId('merge-selected').click();
      const dialog = app.page.getByTestId('merge-dialog');
      await dialog.getByRole('radio', { name: 'Keep PlugX' }).check();
      expect(await dialog.getByTestId('merge-description').inputValue()).toContain('DLL side-loading');
      await dialog.getByTestId('merge-confirm').click();
      await app.page.getByTestId('undo-notice').waitFor();

      const merged = byId(await storedObjects(app.page));
      expect(merged.has(ids.korplug)).toBe(false);
      expect(merged.get(ids.plugx)).toMatchObject({ name: 'PlugX', aliases: ['Sogu', 'Korplug'] });
      const relationships = [...merged.values()].filter((object) => object['type'] === 'relationship');
      expect(relationships.map((object) => [object['source_ref'], object['target_ref']]).sort()).toEqual([[ids.actor, ids.plugx], [ids.plugx, ids.infra]].sort());

      await app.page.getByTestId('undo-notice').getByTestId('undo').click();
      await expect.poll(async () => JSON.stringify((await storedObjects(app.page)).sort((a, b) => String(a['id']).localeCompare(String(b['id']))))).toBe(JSON.stringify(before.sort((a, b) => String(a['id']).localeCompare(String(b['id'])))));
    } finally {
      await app.close();
    }
  });
});

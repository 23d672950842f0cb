/**
 * The knowledge base end to end, in Chromium with real IndexedDB: drop the ATT&CK
 * Enterprise bundle, find and read what it holds, export it back out; TLP-limited export;
 * quarantine; and a window closed in the middle of an import.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../core/stix/model/properties.ts';
import { ids, sampleObjects } from '../renderer/src/kb/testing/sampleObjects.ts';
import { fixturesAvailable, fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';
import { loadStixSchemaOracle } from '../testkit/stixSchemas.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { attackEnterpriseAvailable, attackEnterpriseFile, writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

type Bundle = { objects: JsonObject[] };

/** Imports a bundle, opens its first report and takes it to the Export page, as the analyst does. */
async function openReportExport(app: MagpieApp, path: string): Promise<void> {
  await app.importDropped(path);
  await app.visit('reports');
  await app.page.getByTestId('object-row').first().click();
  await app.page.getByTestId('detail-export').click();
}

if (!attackEnterpriseAvailable) console.warn(`[e2e] ATT&CK knowledge-base tests skipped: ${fixturesSkipReason}`);

describe.skipIf(!attackEnterpriseAvailable)('ATT&CK Enterprise in the knowledge base', () => {
  it('imports the dropped bundle whole, finds T1059, shows its relationships, and exports it back unchanged and schema-valid', async () => {
    const path = await attackEnterpriseFile(chromium.folder);
    const bundle = JSON.parse(await readFile(path, 'utf8')) as Bundle;
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1300 } });
    try {
      await app.importDropped(path);
      expect(await app.resultCount('created')).toBe(bundle.objects.length);
      expect(await app.resultCount('rejected')).toBe(0);

      // Counts by type on the dashboard equal the bundle's.
      const expected = new Map<string, number>();
      for (const object of bundle.objects) expected.set(String(object['type']), (expected.get(String(object['type'])) ?? 0) + 1);
      await app.visit('dashboard');
      await app.page.getByTestId('dashboard-total').waitFor();
      expect(await app.page.getByTestId('dashboard-total').textContent()).toBe(bundle.objects.length.toLocaleString('en-US'));
      for (const [type, count] of expected) {
        expect(await app.page.getByTestId(`count-${type}`).textContent(), type).toContain(count.toLocaleString('en-US'));
      }

      // Search T1059: the technique first, then its sub-techniques.
      const subTechniques = bundle.objects
        .filter((object) => object['type'] === 'attack-pattern' && JSON.stringify(object['external_references']).includes('"T1059.'))
        .map((object) => String(object['name']));
      expect(subTechniques.length).toBeGreaterThan(5);
      await app.visit('knowledge');
      await app.page.getByTestId('kb-search').fill('T1059');
      await app.page.waitForFunction((count) => document.querySelectorAll('[data-testid="object-row"]').length >= count, subTechniques.length + 1);
      const names = await app.page.getByTestId('row-name').allTextContents();
      expect(names[0]).toBe('Command and Scripting Interpreter');
      expect(names).toEqual(expect.arrayContaining(subTechniques));
      await app.screenshot('kb-search-t1059');

      // Its detail view shows relationships both ways.
      await app.page.getByTestId('object-row').first().click();
      await app.page.getByTestId('detail-title').waitFor();
      expect(await app.page.getByTestId('detail-title').textContent()).toBe('Command and Scripting Interpreter');
      await app.page.getByTestId('tab-relationships').click();
      const edges = await app.page.getByTestId('detail-edge').allTextContents();
      expect(edges.some((edge) => edge.includes('subtechnique-of') && edge.includes('PowerShell'))).toBe(true);
      expect(edges.some((edge) => edge.includes('mitigates'))).toBe(true);
      await app.screenshot('kb-detail-relationships');
      await app.page.keyboard.press('Escape');

      // Export everything back out. ATT&CK carries MITRE's statement marking and no TLP, so the default TLP limit keeps it all.
      await app.visit('export');
      const { bundle: exported } = await app.runExport();

      const imported = new Map(bundle.objects.map((object) => [String(object['id']), object]));
      expect(exported.objects.length).toBe(bundle.objects.length);
      // ATT&CK 18.1 has a few empty x_mitre_data_source_ref values, which break the STIX rule for
      // references; the importer drops them (reported as repairs). Everything else is identical.
      const repaired: string[] = [];
      for (const object of exported.objects) {
        const original = imported.get(String(object['id']));
        expect(original, String(object['id'])).toBeDefined();
        if (original?.['x_mitre_data_source_ref'] === '') {
          repaired.push(String(object['id']));
          const { x_mitre_data_source_ref: _repaired, ...rest } = original;
          expect(object).toEqual(rest);
        } else {
          expect(object).toEqual(original);
        }
      }
      expect(repaired.length).toBe(7);
      expect(loadStixSchemaOracle().bundleProblems(exported)).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);

  it('keeps exactly the committed batches when the window closes mid-import, and a second import completes it', async () => {
    const path = await attackEnterpriseFile(chromium.folder);
    const total = (JSON.parse(await readFile(path, 'utf8')) as Bundle).objects.length;
    let app = await MagpieApp.open(chromium.browser);
    try {
      await app.startDroppedImport(path);
      // Close the window once some batches have committed (the progress line says how many).
      await app.page.waitForFunction(() => {
        const text = document.querySelector('[data-testid="import-progress"]')?.textContent ?? '';
        const stored = /([\d,]+) stored/.exec(text)?.[1]?.replace(/,/g, '');
        return Number(stored ?? 0) >= 3000;
      }, null, { timeout: 120_000, polling: 50 });
      app = await app.reopen();

      await app.visit('import');
      const history = app.page.getByTestId('import-history');
      await history.waitFor();
      const row = (await history.textContent()) ?? '';
      expect(row).toContain('failed');
      expect(row).toContain('Interrupted');
      const committed = Number(/([\d,]+) objects were stored/.exec(row)?.[1]?.replace(/,/g, '') ?? 'NaN');
      expect(committed).toBeGreaterThanOrEqual(3000);
      expect(committed).toBeLessThan(total);
      await app.visit('dashboard');
      expect(await app.page.getByTestId('dashboard-total').textContent()).toBe(committed.toLocaleString('en-US'));

      await app.importDropped(path);
      expect(await app.resultCount('created')).toBe(total - committed);
      expect(await app.resultCount('unchanged')).toBe(committed);
      await app.visit('dashboard');
      expect(await app.page.getByTestId('dashboard-total').textContent()).toBe(total.toLocaleString('en-US'));
    } finally {
      await app.close();
    }
  }, 300_000);
});

describe.skipIf(!attackEnterpriseAvailable)('a full disk', () => {
  it('stops the import with a clear message, keeps what was stored, and imports the rest once there is room', async () => {
    const path = await attackEnterpriseFile(chromium.folder);
    const total = (JSON.parse(await readFile(path, 'utf8')) as Bundle).objects.length;
    const app = await MagpieApp.open(chromium.browser);
    try {
      // Chromium's own storage quota for the app's origin, shrunk to a few megabytes.
      const devtools = await app.context.newCDPSession(app.page);
      await devtools.send('Storage.overrideQuotaForOrigin', { origin: app.harness.origin, quotaSize: 12 * 1024 * 1024 });
      await app.startDroppedImport(path);
      const failed = app.page.getByTestId('import-failed');
      await failed.waitFor({ timeout: 120_000 });
      const message = (await failed.textContent()) ?? '';
      expect(message).toContain('The disk is full.');
      expect(message).toContain('free some space and import again');
      const stored = Number(/(\d+) objects were stored/.exec(message)?.[1] ?? 'NaN');
      expect(stored).toBeGreaterThan(0);
      expect(stored).toBeLessThan(total);
      expect(await app.page.getByTestId('import-history').textContent()).toContain('failed');
      await app.screenshot('kb-disk-full');
      await app.visit('dashboard');
      expect(await app.page.getByTestId('dashboard-total').textContent()).toBe(stored.toLocaleString('en-US'));

      // Room again: the same import completes, adding only what was missing.
      await devtools.send('Storage.overrideQuotaForOrigin', { origin: app.harness.origin });
      await app.importDropped(path);
      expect(await app.resultCount('created')).toBe(total - stored);
      expect(await app.resultCount('unchanged')).toBe(stored);
    } finally {
      await app.close();
    }
  }, 300_000);
});

describe('a small bundle with invalid objects and TLP markings', () => {
  const broken = [
    ...sampleObjects(),
    { type: 'malware', id: 'malware--not-a-uuid', name: 'Broken' },
    { type: 'relationship', spec_version: '2.1', id: 'relationship--9b1f2f9a-34c5-4b5e-9d59-3a2b8b5d7c10', created: '2024-01-01T00:00:00Z', modified: '2023-01-01T00:00:00Z', relationship_type: 'uses', source_ref: ids.malware, target_ref: ids.subTechnique },
  ];
  const bundle = { type: 'bundle', id: 'bundle--0d9a3a55-6e3e-4a44-8a0e-1f2b5a1d3c11', objects: broken };

  it('imports the valid objects, quarantines the others with reasons shown, and changes nothing on a second import', async () => {
    const path = await writeJson(chromium.folder, 'acme-with-errors.json', bundle);
    const app = await MagpieApp.open(chromium.browser);
    try {
      await app.importDropped(path);
      expect(await app.resultCount('created')).toBe(9);
      expect(await app.resultCount('rejected')).toBe(2);
      const reasons = (await app.page.getByTestId('rejections').textContent()) ?? '';
      expect(reasons).toContain('/objects/9/id');
      expect(reasons).toContain('modified must be the same as or later than created');
      expect(await app.page.getByTestId('quarantine').locator('tr').count()).toBe(2);
      await app.screenshot('kb-import-quarantine');

      await app.importDropped(path);
      expect(await app.resultCount('created')).toBe(0);
      expect(await app.resultCount('updated')).toBe(0);
      expect(await app.resultCount('unchanged')).toBe(9);
      expect(await app.page.getByTestId('quarantine').locator('tr').count()).toBe(2);
    } finally {
      await app.close();
    }
  });

  it('exports a selection with at most TLP:GREEN, leaving out its TLP:RED object and saying so', async () => {
    const path = await writeJson(chromium.folder, 'acme-selection.json', { ...bundle, objects: sampleObjects() });
    const app = await MagpieApp.open(chromium.browser);
    try {
      await app.importDropped(path);
      await app.visit('knowledge');
      for (const id of [ids.malware, ids.indicator]) {
        await app.page.locator(`[data-testid="object-row"][data-id="${id}"] [data-testid="row-select"]`).check();
      }
      await app.page.getByTestId('export-selected').click();
      expect(await app.page.getByTestId('export-scope').textContent()).toContain('2 selected objects');
      const { outcome: text, bundle: saved } = await app.runExport('TLP:GREEN');
      expect(text).toContain('1 object marked above TLP:GREEN was left out (TLP:RED 1)');
      const exportedIds = saved.objects.map((object) => object['id']);
      expect(exportedIds).toContain(ids.malware);
      expect(exportedIds).not.toContain(ids.indicator);
      await app.screenshot('kb-export-tlp');
    } finally {
      await app.close();
    }
  });

  it('previews and saves a report as CSV, a TXT blocklist and a MISP event', async () => {
    // A detection rule in a language MISP has no type for: the dialog names it as not exported (issue 20).
    const created = '2024-03-01T10:00:00.000Z';
    const pcre = { type: 'indicator', spec_version: '2.1', id: 'indicator--5e1c1a0e-2f3b-4c5d-9e8f-0a1b2c3d4e5f', created, modified: created, name: 'PlugX loader PCRE', pattern: '/plugx[0-9]{2}\\.dll/', pattern_type: 'pcre', valid_from: created };
    const withRule = sampleObjects().map((object) => (object['type'] === 'report' ? { ...object, object_refs: [...(object['object_refs'] as string[]), pcre.id] } : object));
    const path = await writeJson(chromium.folder, 'acme-formats.json', { ...bundle, objects: [...withRule, pcre] });
    const app = await MagpieApp.open(chromium.browser);
    try {
      await openReportExport(app, path);
      const preview = async (format: string) => {
        await app.page.getByTestId('export-format').getByText(format, { exact: true }).click();
        await app.page.getByTestId('export-preview-button').click();
        await app.page.getByTestId('export-preview').waitFor();
        return (await app.page.getByTestId('export-preview').textContent()) ?? '';
      };
      const csv = await preview('CSV');
      expect(csv.startsWith('"id";"type";"name"')).toBe(true);
      expect(csv).toContain('"PlugX"');
      // The default limit is TLP:AMBER: the TLP:RED indicator is not in the file.
      expect(csv).not.toContain('PlugX C2');
      // 198.51.100.7 is a documentation address (RFC 5737, on a shipped warninglist): a
      // blocklist leaves it out unless the analyst asks to include such values (issue 21).
      expect(await preview('TXT blocklist')).not.toContain('198.51.100.7');
      await app.page.getByTestId('export-include-left-out').check();
      expect((await preview('TXT blocklist')).trim()).toBe('198.51.100.7');
      expect(await preview('MISP event')).toContain('"Event"');
      await app.page.getByTestId('run-export').click();
      const outcome = (await app.page.getByTestId('export-outcome').textContent()) ?? '';
      const saved = /(\/\S+\.misp\.json)/.exec(outcome)?.[1];
      expect(saved, outcome).toBeDefined();
      const event = JSON.parse(await readFile(saved ?? '', 'utf8')) as { Event: { Attribute: { value: string }[] } };
      expect(event.Event.Attribute.map((attribute) => attribute.value)).toEqual(['198.51.100.7']);
      expect(await app.page.getByTestId('export-not-exported-item').allTextContents()).toEqual(['1 indicator (pcre): MISP has no attribute type for this pattern language (YARA, Sigma, Snort and Suricata map).']);

      await app.screenshot('kb-export-formats');
    } finally {
      await app.close();
    }
  });

  it('saves a report as a MISP feed folder: manifest.json, hashes.csv and the report\'s event under its uuid', async () => {
    const path = await writeJson(chromium.folder, 'acme-feed.json', { ...bundle, objects: sampleObjects() });
    const app = await MagpieApp.open(chromium.browser);
    try {
      await openReportExport(app, path);
      await app.page.getByTestId('export-format').getByText('MISP feed', { exact: true }).click();
      // The sample's address is a documentation range (a warninglist's): asked for, it is exported.
      await app.page.getByTestId('export-include-left-out').check();
      await app.page.getByTestId('run-export').click();
      const outcome = app.page.getByTestId('export-outcome').filter({ hasText: 'magpie-misp-feed-' });
      await outcome.waitFor();
      const feedFolder = /(\/\S+magpie-misp-feed-\d{8}-\d{6})/.exec((await outcome.textContent()) ?? '')?.[1] ?? '';
      const manifest = JSON.parse(await readFile(join(feedFolder, 'manifest.json'), 'utf8')) as Record<string, { info: string }>;
      const [eventUuid] = Object.keys(manifest);
      const event = JSON.parse(await readFile(join(feedFolder, `${eventUuid ?? ''}.json`), 'utf8')) as { Event: { uuid: string; Attribute: { value: string }[] } };
      expect(event.Event.uuid).toBe(eventUuid);
      expect(event.Event.Attribute.map((attribute) => attribute.value)).toContain('198.51.100.7');
      // The default limit is TLP:AMBER: the TLP:RED indicator is in no file.
      expect(JSON.stringify(event)).not.toContain('PlugX C2');
      expect(await readFile(join(feedFolder, 'hashes.csv'), 'utf8')).toMatch(/^[0-9a-f]{32},[0-9a-f-]{36}\n/);
    } finally {
      await app.close();
    }
  });

  it('exports a report with at most TLP:GREEN, leaving out its TLP:RED indicator and saying so', async () => {
    const path = await writeJson(chromium.folder, 'acme.json', { ...bundle, objects: sampleObjects() });
    const app = await MagpieApp.open(chromium.browser);
    try {
      await openReportExport(app, path);
      expect(await app.page.getByTestId('export-scope').textContent()).toContain('PlugX campaign against ACME');
      const { outcome: text, bundle: saved } = await app.runExport('TLP:GREEN');
      expect(text).toContain('1 object marked above TLP:GREEN was left out (TLP:RED 1)');
      expect(text).toContain('pointing at them w');
      const exportedIds = saved.objects.map((object) => object['id']);
      expect(exportedIds).toContain(ids.report);
      expect(exportedIds).toContain(ids.malware);
      expect(exportedIds).not.toContain(ids.indicator);
      expect(exportedIds).not.toContain(ids.indicates);
      const report = saved.objects.find((object) => object['id'] === ids.report);
      expect(report?.['object_refs']).not.toContain(ids.indicator);
      if (fixturesAvailable && hasFixture('stix2.1-schemas')) expect(loadStixSchemaOracle().bundleProblems(saved)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

/**
 * Indicator extraction end to end, in Chromium: drop a real report PDF, review what was
 * found with its pages and contexts, commit, and find the report, its observables and
 * indicators linked in the knowledge base and exportable as a schema-valid bundle. The
 * same for a Japanese report written with full-width defangs; several files at once; and
 * a broken PDF, which must end in a clear error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../core/stix/model/properties.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';
import { loadStixSchemaOracle } from '../testkit/stixSchemas.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

interface Expected {
  title: string;
  indicators: Record<string, string[]>;
}

const english = 'kaspersky-dropping-elephant-2016';
const japanese = 'jp-synthetic-invoice-stealer-ja';
const reportsAvailable = fixturesAvailable && hasFixture('reports', `${english}.pdf`) && hasFixture('reports', `${japanese}.pdf`) && hasFixture('stix2.1-schemas');
if (!reportsAvailable) console.warn(`[e2e] report extraction tests skipped: ${fixturesSkipReason}`);

async function expected(name: string): Promise<Expected> {
  return JSON.parse(await readFile(fixturePath('reports', `${name}.expected.json`), 'utf8')) as Expected;
}

const byType = (objects: JsonObject[], type: string) => objects.filter((object) => object['type'] === type);

describe.skipIf(!reportsAvailable)('a dropped report PDF', () => {
  it('is reviewed with pages and contexts, committed as a linked report, and exported schema-valid', async () => {
    const truth = await expected(english);
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1100 } });
    try {
      await app.dropFile(fixturePath('reports', `${english}.pdf`));
      const review = await app.waitForReview();
      // Values the report's own IOC appendix lists are shown, grouped by type, with a page.
      const md5 = truth.indicators['md5']?.[0] ?? '';
      const domain = truth.indicators['domain']?.[0] ?? '';
      const cve = truth.indicators['cve']?.[0] ?? '';
      for (const [type, value] of [['file', md5], ['domain-name', domain], ['vulnerability', cve]] as const) {
        expect(await (await app.revealIndicatorRow(type, value)).count(), `${type} ${value}`).toBe(1);
        expect(await app.indicatorRow(type, value).textContent()).toMatch(/p\. \d+/);
      }
      // Its context, with the value highlighted in the page's text.
      await (await app.revealIndicatorRow('domain-name', domain)).getByRole('button').first().click();
      const context = app.page.getByTestId('context-view');
      await context.waitFor();
      expect(await context.getByTestId('occurrence').count()).toBeGreaterThan(0);
      const highlighted = (await app.page.getByTestId('highlight').textContent()) ?? '';
      expect(highlighted.replace(/\[\.\]|\[dot\]|\(\.\)/g, '.').toLowerCase()).toContain(domain.split('.')[0]);
      expect(await review.getByTestId('report-name').inputValue()).not.toBe('');
      await app.screenshot('extraction-review');

      // Untick one domain, mark the import TLP:GREEN, commit.
      await (await app.revealIndicatorRow('domain-name', domain)).getByRole('checkbox').uncheck();
      await app.page.getByTestId('report-tlp').getByText('TLP:GREEN', { exact: true }).click();
      await app.page.getByTestId('commit-extraction').click();
      await app.page.getByTestId('commit-result').waitFor({ timeout: 60_000 });

      await app.visit('export');
      const { bundle } = await app.runExport();
      const objects = bundle.objects as JsonObject[];
      expect(loadStixSchemaOracle().bundleProblems(bundle)).toEqual([]);

      const [report, ...others] = byType(objects, 'report');
      expect(others).toEqual([]);
      const refs = new Set(report?.['object_refs'] as string[]);
      const byId = new Map(objects.map((object) => [String(object['id']), object]));
      // The ticked md5 is a file observable in the report, with an indicator based on it.
      const file = byType(objects, 'file').find((object) => JSON.stringify(object['hashes'] ?? {}).includes(md5));
      expect(file).toBeDefined();
      expect(refs.has(String(file?.['id']))).toBe(true);
      const basedOn = byType(objects, 'relationship').filter((relationship) => relationship['relationship_type'] === 'based-on' && relationship['target_ref'] === file?.['id']);
      expect(basedOn).toHaveLength(1);
      const indicator = byId.get(String(basedOn[0]?.['source_ref']));
      expect(indicator?.['pattern']).toContain(md5);
      expect(refs.has(String(indicator?.['id']))).toBe(true);
      // The unticked domain stayed out; the CVE became a vulnerability in the report.
      expect(byType(objects, 'domain-name').some((object) => object['value'] === domain)).toBe(false);
      expect(byType(objects, 'vulnerability').some((object) => object['name'] === cve && refs.has(String(object['id'])))).toBe(true);
      // Everything created carries the chosen marking.
      const green = byType(objects, 'marking-definition').find((object) => object['name'] === 'TLP:GREEN');
      expect(green).toBeDefined();
      expect(indicator?.['object_marking_refs']).toContain(green?.['id']);
      expect(report?.['object_marking_refs']).toContain(green?.['id']);
    } finally {
      await app.close();
    }
  });

  it('works the same for a Japanese report written with full-width defangs', async () => {
    const truth = await expected(japanese);
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1100 }, locale: 'ja-JP' });
    try {
      await app.dropFile(fixturePath('reports', `${japanese}.pdf`));
      await app.waitForReview();
      const wanted: [string, string][] = [
        ...(truth.indicators['ipv4'] ?? []).map((value): [string, string] => ['ipv4-addr', value]),
        ...(truth.indicators['domain'] ?? []).map((value): [string, string] => ['domain-name', value]),
        ...(truth.indicators['email'] ?? []).map((value): [string, string] => ['email-addr', value]),
        ...(truth.indicators['cve'] ?? []).map((value): [string, string] => ['vulnerability', value]),
      ];
      const missing: string[] = [];
      for (const [type, value] of wanted) if ((await (await app.revealIndicatorRow(type, value)).count()) === 0) missing.push(`${type} ${value}`);
      expect(missing).toEqual([]);
      await app.screenshot('extraction-review-ja');
      await app.page.getByTestId('commit-extraction').click();
      await app.page.getByTestId('commit-result').waitFor({ timeout: 60_000 });
      await app.visit('export');
      const { bundle } = await app.runExport();
      expect(loadStixSchemaOracle().bundleProblems(bundle)).toEqual([]);
      const objects = bundle.objects as JsonObject[];
      for (const value of truth.indicators['email'] ?? []) expect(byType(objects, 'email-addr').some((object) => object['value'] === value), value).toBe(true);
      const report = byType(objects, 'report')[0];
      expect(String(report?.['name'])).not.toBe('');
    } finally {
      await app.close();
    }
  });
});

describe('documents that cannot be read, and several at once', () => {
  it('queues several dropped files, and a broken PDF ends in an error that says what to do', async () => {
    const broken = join(chromium.folder, 'broken.pdf');
    await writeFile(broken, '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const notes = join(chromium.folder, 'notes.txt');
    await writeFile(notes, 'C2: hxxps://update-check[.]example-cdn[.]net/a.php and 45.77.12[.]9, dropper update.exe (CVE-2023-23397).\n');
    const app = await MagpieApp.open(chromium.browser);
    try {
      await app.dropFiles([broken, notes]);
      const jobs = app.page.getByTestId('extraction-job');
      await expect.poll(() => jobs.count()).toBe(2);
      await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="extraction-job"]')].every((job) => ['failed', 'review'].includes(job.getAttribute('data-status') ?? '')), null, { timeout: 60_000 });
      expect(await jobs.nth(0).getAttribute('data-status')).toBe('failed');
      expect(await jobs.nth(0).getByTestId('extraction-error').textContent()).toMatch(/PDF/);
      await jobs.nth(1).getByRole('button').first().click();
      await app.waitForReview();
      expect(await (await app.revealIndicatorRow('url', 'https://update-check.example-cdn.net/a.php')).count()).toBe(1);
      expect(await (await app.revealIndicatorRow('ipv4-addr', '45.77.12.9')).count()).toBe(1);
      expect(await (await app.revealIndicatorRow('vulnerability', 'CVE-2023-23397')).count()).toBe(1);
      expect(await (await app.revealIndicatorRow('domain-name', 'update.exe')).count()).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('applies the allow list from Settings: a listed domain is shown flagged and starts unticked', async () => {
    const notes = join(chromium.folder, 'allow.txt');
    await writeFile(notes, 'Beacons to cdn.partner-sync.net and c2.bad-actor-infra.com every hour.\n');
    const app = await MagpieApp.open(chromium.browser);
    try {
      await app.visit('settings');
      await app.page.getByTestId('allow-list').fill('partner-sync.net');
      await app.page.getByTestId('save-lists').click();
      await app.page.getByTestId('extraction-lists-message').and(app.page.getByRole('status')).waitFor();
      await app.dropFile(notes);
      await app.waitForReview();
      const listed = app.indicatorRow('domain-name', 'cdn.partner-sync.net');
      expect(await listed.getAttribute('data-selected')).toBe('false');
      expect(await listed.locator('[data-flag="benign"]').count()).toBe(1);
      expect(await app.indicatorRow('domain-name', 'c2.bad-actor-infra.com').getAttribute('data-selected')).toBe('true');
    } finally {
      await app.close();
    }
  });
});

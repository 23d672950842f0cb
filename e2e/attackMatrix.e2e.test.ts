/**
 * The ATT&CK matrix end to end (issue 15, points 4-5): after importing ATT&CK Enterprise,
 * APT29's matrix highlights exactly the techniques APT29 `uses` in the bundle; the layer it
 * exports follows the Navigator's format 4.5 and holds the same technique ids; each of the
 * Navigator's own sample layers (older formats) imports and shows with its scores and
 * colours; a layer becomes a grouping.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackId } from '../core/attack/domains.ts';
import { gradientColour } from '../core/attack/layerOnMatrix.ts';
import type { StixObject } from '../core/stix/model/types.ts';
import { APT29, usedTechniques } from '../testkit/attackBundles.ts';
import { fixturePath, fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { corpus, longString, PWNED } from './support/payloadBundle.ts';
import { attackEnterpriseAvailable, attackEnterpriseFile } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';

const available = attackEnterpriseAvailable && hasFixture('attack-navigator', 'samples');
if (!available) console.warn(`[e2e] ATT&CK matrix tests skipped: ${fixturesSkipReason}`);

let app: MagpieApp;
let objects: StixObject[];

/** The ATT&CK ids of the cells marked with one of `marks`, and each cell's attributes. */
async function marked(matrix: Locator, marks: readonly string[]): Promise<{ id: string; tactic: string; mark: string; score: string | null; colour: string | null }[]> {
  const cells = await matrix.locator('[data-testid="matrix-cell"]').evaluateAll((nodes) => nodes.map((node) => ({
    id: node.getAttribute('data-technique') ?? '', tactic: node.getAttribute('data-tactic') ?? '', mark: node.getAttribute('data-mark') ?? '',
    score: node.getAttribute('data-score'), colour: node.getAttribute('data-colour'),
  })));
  return cells.filter((cell) => marks.includes(cell.mark));
}

async function expandAll(): Promise<void> {
  const button = app.page.getByTestId('matrix-expand-all');
  if ((await button.textContent())?.includes('Show all') === true) await button.click();
}

async function importLayer(name: string): Promise<Locator> {
  await app.page.getByTestId('matrix-layer-file').setInputFiles(fixturePath('attack-navigator', 'samples', name));
  const banner = app.page.getByTestId('matrix-layer');
  await banner.waitFor();
  await expandAll();
  return banner;
}

describe.skipIf(!available)('the ATT&CK matrix after importing ATT&CK Enterprise', () => {
  const chromium = useChromium();
  beforeAll(async () => {
    const path = await attackEnterpriseFile(chromium.folder);
    objects = (JSON.parse(await readFile(path, 'utf8')) as { objects: StixObject[] }).objects;
    app = await MagpieApp.open(chromium.browser, { viewport: { width: 1600, height: 1000 } });
    await app.importDropped(path);
    const start = Date.now();
    await app.page.evaluate((id) => { window.location.hash = `#/object/${encodeURIComponent(id)}/matrix`; }, APT29);
    await app.page.getByTestId('matrix-summary').waitFor({ timeout: 60_000 });
    console.info(`[e2e] APT29's matrix shown ${Date.now() - start} ms after opening its Matrix tab`);
  }, 240_000);
  afterAll(async () => {
    await app.close();
  });

  it('APT29 (G0016): the techniques it uses, exactly, under ATT&CK’s 14 tactics; the path on hover; software paths when asked', async () => {
    const matrix = app.page.getByTestId('attack-matrix');
    expect(await matrix.getByTestId('matrix-tactic').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-tactic')))).toHaveLength(14);
    const byId = new Map(objects.map((object) => [object.id, object]));
    const expected = new Set([...usedTechniques(objects, APT29)].map((id) => attackId(byId.get(id) as StixObject)));
    expect(expected.size).toBe(66);

    // With the software paths on (the default), more is highlighted: direct ones stay marked "direct".
    const start = Date.now();
    await expandAll();
    await matrix.locator('[data-testid="matrix-cell"][data-technique="T1059.001"]').first().waitFor();
    console.info(`[e2e] every sub-technique unfolded (${await matrix.getByTestId('matrix-cell').count()} cells) in ${Date.now() - start} ms`);
    const all = await marked(matrix, ['direct', 'software', 'report']);
    expect(new Set(all.filter((cell) => cell.mark === 'direct').map((cell) => cell.id))).toEqual(expected);
    expect(all.some((cell) => cell.mark === 'software')).toBe(true);

    await app.page.getByTestId('matrix-kind-software').uncheck();
    await app.page.getByTestId('matrix-kind-report').uncheck();
    const direct = await marked(matrix, ['direct', 'software', 'report']);
    expect(new Set(direct.map((cell) => cell.id))).toEqual(expected);
    expect((await app.page.getByTestId('matrix-summary').textContent()) ?? '').toContain('66 techniques');

    const cell = matrix.locator('[data-testid="matrix-cell"][data-mark="direct"]').first();
    await cell.hover();
    await expect.poll(async () => (await app.page.getByRole('tooltip').textContent()) ?? '').toMatch(/^APT29 uses /);
  });

  it('exports a Navigator layer (format 4.5) holding the same technique ids', async () => {
    await app.page.getByTestId('matrix-export-layer').click();
    const notice = app.page.getByTestId('matrix-notice');
    await notice.waitFor();
    const path = /saved to (\/.+?\.json)\. /.exec((await notice.textContent()) ?? '')?.[1];
    if (!path) throw new Error('the export named no file');
    const layer = JSON.parse(await readFile(path, 'utf8')) as { name: string; domain: string; versions: Record<string, string>; techniques: { techniqueID: string; tactic?: string; comment: string }[] };
    expect(layer.versions['layer']).toBe('4.5');
    expect(layer.versions['navigator']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(layer).toMatchObject({ name: 'APT29 (Enterprise ATT&CK)', domain: 'enterprise-attack' });
    const byId = new Map(objects.map((object) => [object.id, object]));
    const expected = new Set([...usedTechniques(objects, APT29)].map((id) => attackId(byId.get(id) as StixObject)));
    expect(new Set(layer.techniques.map((technique) => technique.techniqueID))).toEqual(expected);
    for (const technique of layer.techniques) {
      expect(technique.techniqueID).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(technique.comment).toMatch(/^APT29 uses /);
    }
  });

  it("shows each of the Navigator's sample layers with its scores and colours, and turns one into a grouping", async () => {
    const matrix = app.page.getByTestId('attack-matrix');
    await importLayer('heatmap_layer.json');
    const heat = await marked(matrix, ['layer']);
    const t1548 = heat.find((cell) => cell.id === 'T1548' && cell.tactic === 'privilege-escalation');
    expect(t1548).toMatchObject({ score: '77', colour: gradientColour({ colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 }, 77) });
    expect(new Set(heat.map((cell) => cell.id)).size).toBeGreaterThan(300);
    await app.page.getByTestId('matrix-layer-close').click();

    const banner = await importLayer('ATTACKcon2018_Red_Pins.json');
    expect(await banner.textContent()).toContain('Red Pins');
    expect(await app.page.getByTestId('matrix-layer-missing').textContent()).toContain('T1155');
    const pins = await marked(matrix, ['layer']);
    expect(pins.find((cell) => cell.id === 'T1140' && cell.tactic === 'defense-evasion')).toMatchObject({ score: '1', colour: '#ebaaaa' });
    await app.page.getByTestId('matrix-layer-close').click();

    await importLayer('Bear_APT.json');
    const bears = await marked(matrix, ['layer']);
    expect(new Set(bears.map((cell) => cell.id)).size).toBeGreaterThan(100);
    expect(bears.every((cell) => cell.colour === '#ff6666')).toBe(true);
    await app.page.getByTestId('matrix-layer-grouping').click();
    await expect.poll(async () => (await app.page.getByTestId('matrix-notice').textContent()) ?? '', { timeout: 30_000 }).toMatch(/Grouping "\*Bear APTs" created with \d+ techniques/);
    // The grouping opens as its own page, its techniques its contents.
    await app.page.getByTestId('matrix-open-grouping').click();
    await expect.poll(async () => app.page.getByTestId('entity-title').textContent(), { timeout: 30_000 }).toBe('*Bear APTs');
  });

  it('compares APT29 with PinchDuke in one matrix: both, only APT29, only PinchDuke', async () => {
    await app.page.evaluate((id) => { window.location.hash = `#/object/${encodeURIComponent(id)}/matrix`; }, APT29);
    await app.page.getByTestId('matrix-summary').waitFor({ timeout: 60_000 });
    // What each uses itself (APT29 reaches all of PinchDuke's techniques through PinchDuke).
    await app.page.getByTestId('matrix-kind-software').uncheck();
    await app.page.getByTestId('matrix-kind-report').uncheck();
    await app.page.getByTestId('matrix-compare').fill('PinchDuke');
    await app.page.getByRole('option', { name: /^PinchDuke/ }).click();
    await app.page.getByTestId('matrix-legend').getByText('Only PinchDuke').waitFor();
    const matrix = app.page.getByTestId('attack-matrix');
    await expect.poll(async () => new Set((await marked(matrix, ['both', 'a', 'b'])).map((cell) => cell.mark)).size, { timeout: 30_000 }).toBe(3);
    const cells = await marked(matrix, ['both', 'a', 'b']);
    const byId = new Map(objects.map((object) => [object.id, object]));
    const pinch = objects.find((object) => object.type === 'malware' && object['name'] === 'PinchDuke');
    const ids = (id: string) => new Set([...usedTechniques(objects, id)].map((technique) => attackId(byId.get(technique) as StixObject)));
    const [a, b] = [ids(APT29), ids(pinch?.id ?? '')];
    expect(new Set(cells.filter((cell) => cell.mark === 'both').map((cell) => cell.id))).toEqual(new Set([...a].filter((id) => b.has(id))));
    expect(new Set(cells.filter((cell) => cell.mark === 'b').map((cell) => cell.id))).toEqual(new Set([...b].filter((id) => !a.has(id))));
  });

  it('shows a hostile layer file (payloads in its name, description, comments, links and metadata) as text: no script, no request out', async () => {
    const outside: string[] = [];
    const origin = new URL(app.harness.url).origin;
    await app.context.route('**/*', (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    const dialogs: string[] = [];
    app.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const layer = {
      name: `Hostile ${corpus}`,
      versions: { layer: '4.5', navigator: '5.1.0', attack: '18' },
      domain: 'enterprise-attack',
      description: `${corpus} ${longString}`,
      techniques: ['T1059', 'T1566', 'T1078'].map((techniqueID, index) => ({
        techniqueID,
        score: index + 1,
        color: index === 0 ? 'javascript:alert(1)' : '#ff6666',
        comment: `${corpus} ${longString}`,
        links: [{ label: corpus, url: `javascript:window.${PWNED}=1` }, { label: 'data', url: 'data:text/html,<script>alert(1)</script>' }],
        metadata: [{ name: corpus, value: corpus }],
      })),
      legendItems: [{ label: corpus, color: '#ff0000' }],
    };
    const path = join(chromium.folder, 'hostile-layer.json');
    await writeFile(path, JSON.stringify(layer));
    await app.page.evaluate((id) => { window.location.hash = `#/object/${encodeURIComponent(id)}/matrix`; }, APT29);
    await app.page.getByTestId('matrix-summary').waitFor({ timeout: 60_000 });
    await app.page.getByTestId('matrix-layer-file').setInputFiles(path);
    await app.page.getByTestId('matrix-layer').waitFor();
    await expandAll();
    const cell = app.page.getByTestId('attack-matrix').locator('[data-testid="matrix-cell"][data-technique="T1059"]').first();
    await cell.hover();
    await app.page.getByRole('tooltip').waitFor();
    await cell.focus();
    const state = await app.page.evaluate((flag) => {
      const root = document.scrollingElement ?? document.documentElement;
      return { ran: (window as unknown as Record<string, unknown>)[flag] !== undefined, wide: root.scrollWidth > root.clientWidth };
    }, PWNED);
    expect(state).toEqual({ ran: false, wide: false });
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    await app.page.getByTestId('matrix-layer-close').click();
    await app.context.unroute('**/*');
  });

  it('screenshots: the matrix, an entity page and the dashboard in English and Japanese, light and dark', async () => {
    const showMatrix = async () => {
      await app.page.evaluate((id) => { window.location.hash = `#/object/${encodeURIComponent(id)}/matrix`; }, APT29);
      await app.page.getByTestId('matrix-summary').waitFor({ timeout: 60_000 });
      await app.page.getByTestId('attack-matrix').locator('[data-testid="matrix-cell"][data-mark="direct"]').first().hover();
      await app.page.getByRole('tooltip').waitFor();
    };
    const shots = async (suffix: string) => {
      await showMatrix();
      await app.screenshot(`attack-matrix${suffix}`);
      await app.page.evaluate((id) => { window.location.hash = `#/object/${encodeURIComponent(id)}/knowledge`; }, APT29);
      await app.page.locator('[role="tabpanel"]').first().waitFor();
      await app.page.waitForTimeout(1500);
      await app.screenshot(`entity-page${suffix}`);
      await app.visit('dashboard');
      await app.page.waitForTimeout(1500);
      await app.screenshot(`dashboard${suffix}`);
    };
    await app.visit('dashboard');
    await shots('');
    await app.visit('settings');
    await app.segment('theme-control', 'Dark').click();
    await shots('-dark');
    await app.visit('settings');
    await app.segment('language-control', '日本語').click();
    await showMatrix();
    expect(await app.page.getByTestId('matrix-summary').textContent()).toContain('件のテクニックを強調表示');
    await shots('-ja-dark');
    await app.visit('settings');
    await app.segment('theme-control', 'ライト').click();
    await shots('-ja');
  });
});

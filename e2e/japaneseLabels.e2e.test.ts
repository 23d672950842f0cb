/**
 * The Japanese UI keeps no English (issue 15): the dashboard's morning cards, the import
 * history in words and its opened warnings and quarantine show only Japanese besides the
 * data's own names, and "日本語" is not clipped in Settings. A sector, an organization and
 * a city read as such in both languages, not as "Identity" and "Location".
 */
import { describe, expect, it } from 'vitest';
import { MagpieApp } from './support/magpieApp.ts';
import { writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

const at = '2025-03-01T00:00:00.000Z';
const id = (type: string, n: number) => `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const bundle = {
  type: 'bundle', id: id('bundle', 99),
  objects: [
    { type: 'malware', spec_version: '2.1', id: id('malware', 1), created: at, modified: at, name: 'Zzfamily', is_family: true, malware_types: ['zzvocab'] },
    { type: 'report', spec_version: '2.1', id: id('report', 2), created: at, modified: at, name: 'Zzreport', published: at, object_refs: [id('malware', 1)] },
    { type: 'indicator', spec_version: '2.1', id: id('indicator', 3), created: at, modified: at, name: 'Zzindicator', pattern: "[domain-name:value = 'zz.example']", pattern_type: 'stix', valid_from: at, valid_until: '2025-03-02T00:00:00.000Z' },
    { type: 'malware', spec_version: '2.1', id: id('malware', 4), created: at, modified: '2020-01-01T00:00:00.000Z', name: 'Zzbroken', is_family: true },
  ],
};
/** The data's own names and the unavoidable: what may stay in Latin letters on these views. */
const allowed = /Zz[a-z]+|zz[a-z.]+|STIX|TLP|JSON|ATT&CK|MITRE|OTX|MISP|OpenCTI|CERT|abuse\.ch|PDF|HTML|spec_version|identity_class|ID|class|targets|defang|zzjapanese\.json|\/objects\/\d+(\/\w+)*/g;

async function latinLeft(app: MagpieApp, testId: string): Promise<string[]> {
  const text = (await app.page.getByTestId(testId).innerText()).replace(allowed, '');
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('the Japanese UI', () => {
  it('shows the morning cards, import history, warnings and quarantine without English, and 日本語 unclipped', async () => {
    const path = await writeJson(chromium.folder, 'zzjapanese.json', bundle);
    const app = await MagpieApp.open(chromium.browser);
    try {
      await app.importDropped(path);
      await app.visit('settings');
      await app.segment('language-control', '日本語').click();
      const clipped = await app.segment('language-control', '日本語').evaluate((label) => label.scrollWidth > label.clientWidth);
      expect(clipped).toBe(false);

      await app.visit('dashboard');
      await app.page.getByTestId('latest-reports').getByTestId('object-ref').first().waitFor();
      await app.page.getByTestId('indicator-expired').waitFor();
      expect(await latinLeft(app, 'morning')).toEqual([]);

      await app.visit('import');
      const row = app.page.getByTestId('history-row').first();
      expect(await row.getByTestId('history-summary').innerText()).toMatch(/^3 件のオブジェクト: 新規 3 件、更新 0 件、変更なし 0 件、隔離 1 件、警告 \d+ 件$/);
      await row.getByTestId('open-warnings').click();
      await row.getByTestId('warning-row').first().waitFor();
      expect(await row.getByTestId('warning-row').first().innerText()).toContain('推奨語彙にない値');
      expect(await latinLeft(app, 'import-history')).toEqual([]);
      await row.getByTestId('open-quarantined').click();
      await row.getByTestId('quarantined-object').first().waitFor();
      expect(await row.getByTestId('quarantined-object').first().innerText()).toContain('作成日時が更新日時より後');
      expect(await latinLeft(app, 'import-history')).toEqual([]);
    } finally {
      await app.close();
    }
  }, 180_000);
});

describe('identities and locations by their kind', () => {
  it('lists a sector, an organization and a city as Sector/業種, Organization/組織 and City/都市, on the list and the page', async () => {
    const places = {
      type: 'bundle', id: id('bundle', 98),
      objects: [
        { type: 'identity', spec_version: '2.1', id: id('identity', 11), created: at, modified: at, name: 'Zzenergy', identity_class: 'class' },
        { type: 'identity', spec_version: '2.1', id: id('identity', 12), created: at, modified: at, name: 'Zzacme', identity_class: 'organization' },
        { type: 'location', spec_version: '2.1', id: id('location', 13), created: at, modified: at, name: 'Zzosaka', country: 'JP', city: 'Osaka' },
      ],
    };
    const path = await writeJson(chromium.folder, 'zzkinds.json', places);
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 900 } });
    const kindOf = async (name: string) => {
      await app.page.getByTestId('kb-search').fill(name);
      const row = app.page.getByTestId('object-row').filter({ has: app.page.getByTestId('row-name').getByText(name, { exact: true }) });
      return row.getByTestId('type-label').innerText();
    };
    try {
      await app.importDropped(path);
      await app.visit('knowledge');
      expect([await kindOf('Zzenergy'), await kindOf('Zzacme'), await kindOf('Zzosaka')]).toEqual(['Sector', 'Organization', 'City']);

      await app.visit('settings');
      await app.segment('language-control', '日本語').click();
      await app.visit('knowledge');
      expect([await kindOf('Zzenergy'), await kindOf('Zzacme'), await kindOf('Zzosaka')]).toEqual(['業種', '組織', '都市']);
      await app.page.getByTestId('row-name').getByText('Zzenergy', { exact: true }).click();
      await app.page.getByTestId('detail-open-page').click();
      await app.page.getByTestId('entity-title').getByText('Zzenergy').waitFor();
      expect(await app.page.getByTestId('entity-type-line').getByTestId('type-label').innerText()).toBe('業種');
      await app.screenshot('knowledge-kinds-ja');
    } finally {
      await app.close();
    }
  }, 180_000);
});

/**
 * Curating knowledge by hand end to end in Chromium (issue 17): the analyst's identity,
 * objects created from the generated forms on the Knowledge page, related with `uses`, a
 * sighting of an indicator whose pattern is checked as it is typed, an edit as a new
 * version, the history with its diff and a restore, and an export that carries the latest
 * version only and passes the OASIS schemas. Screenshots of the form and the history in
 * English and Japanese.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../core/stix/model/properties.ts';
import { TLP_2 } from '../core/stix/markings.ts';
import { ja } from '../renderer/src/i18n/ja.ts';
import { fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';
import { loadStixSchemaOracle } from '../testkit/stixSchemas.ts';
import { Curation } from './support/curation.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

const schemasMissing = hasFixture('stix2.1-schemas') ? null : fixturesSkipReason;

describe('curating knowledge by hand', () => {
  it('creates, relates, sights, edits, restores a version and exports the latest one', async () => {
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1000 } });
    const forms = new Curation(app.page);
    try {
      await app.visit('settings');
      await forms.setIdentity('Hanako Sato', 'ACME CERT', 'TLP:AMBER');

      // An intrusion set with two aliases: the form starts at the default TLP of Settings.
      await app.visit('knowledge');
      await forms.startNew('Intrusion set');
      expect(await forms.field('object_marking_refs').inputValue()).toBe('TLP:AMBER');
      await forms.fill('name', 'Comment Crew');
      await forms.addTags('aliases', ['APT1', 'Byzantine Candor']);
      await app.screenshot('curation-create-form');
      await forms.save();
      await app.page.getByTestId('detail-title').filter({ hasText: 'Comment Crew' }).waitFor();
      await forms.closeDetail();

      await forms.startNew('Malware');
      await forms.fill('name', 'Seasalt');
      await forms.modal.getByRole('switch', { name: 'Malware family' }).check({ force: true });
      await forms.save();
      await forms.closeDetail();

      await forms.startNew('Relationship');
      await forms.pickRef('source_ref', 'Comment', 'Comment Crew');
      await forms.pickRef('target_ref', 'Seasalt', 'Seasalt');
      await forms.choose('relationship_type', 'uses');
      await forms.save();
      await forms.closeDetail();

      // The pattern is checked as it is typed, with where the error is.
      await forms.startNew('Indicator');
      await forms.fill('name', 'Seasalt beacon');
      await forms.fill('pattern_type', 'stix');
      // A required field left empty is said at that field, and nothing is saved.
      await forms.modal.getByTestId('create-save').click();
      await forms.modal.getByTestId('form-errors').waitFor();
      expect(await forms.modal.getByText('Pattern is required.').count()).toBe(1);
      await forms.fill('pattern', "[domain-name:value = 'update.example.org'");
      expect(await forms.modal.getByTestId('pattern-error').textContent()).toMatch(/column 42/);
      await forms.fill('pattern', "[domain-name:value = 'update.example.org']");
      await forms.modal.getByTestId('pattern-ok').waitFor();
      await forms.save();
      await forms.closeDetail();

      await forms.startNew('Sighting');
      await forms.pickRef('sighting_of_ref', 'Seasalt beacon', 'Seasalt beacon');
      await forms.fill('count', '3');
      await forms.save();
      await forms.closeDetail();

      // Edit the intrusion set's description and TLP: a new version.
      await forms.openFromList('Comment Crew');
      expect(await app.page.getByTestId('detail-properties').textContent()).toContain('APT1, Byzantine Candor');
      await app.page.getByTestId('detail-edit').click();
      expect(await forms.field('name').inputValue()).toBe('Comment Crew');
      await forms.fill('description', 'PLA Unit 61398, as Mandiant described it in 2013.');
      await forms.choose('object_marking_refs', 'TLP:GREEN');
      await forms.save();
      await app.page.getByTestId('markdown').filter({ hasText: 'PLA Unit 61398' }).waitFor();

      // The history: two versions and what changed; restore the first.
      await app.page.getByTestId('history-tab').click();
      await expect.poll(() => forms.historyRows().count()).toBe(2);
      expect(await app.page.getByTestId('history-diff').first().textContent()).toContain('description');
      await app.screenshot('curation-history');
      await forms.historyRows().last().getByTestId('history-restore').click();
      await expect.poll(() => forms.historyRows().count()).toBe(3);

      // Export it with its relationships: one version of it, the first one's content.
      await app.page.getByTestId('detail-export').click();
      await app.page.getByRole('combobox', { name: 'Relationships around the selection' }).click();
      await app.page.getByRole('option', { name: '1', exact: true }).click();
      const { bundle } = await app.runExport();
      const objects = bundle.objects as JsonObject[];
      const sets = objects.filter((object) => object['type'] === 'intrusion-set');
      expect(sets).toHaveLength(1);
      expect(sets[0]).toMatchObject({ name: 'Comment Crew', aliases: ['APT1', 'Byzantine Candor'], object_marking_refs: [TLP_2.amber.id] });
      expect(sets[0]).not.toHaveProperty('description');
      expect(String(sets[0]?.['modified']) > String(sets[0]?.['created'])).toBe(true);
      const author = objects.find((object) => object['id'] === sets[0]?.['created_by_ref']);
      expect(author).toMatchObject({ type: 'identity', name: 'Hanako Sato', identity_class: 'individual' });
      expect(objects.some((object) => object['type'] === 'relationship' && object['relationship_type'] === 'uses' && object['source_ref'] === sets[0]?.['id'])).toBe(true);
      if (schemasMissing) console.warn(`OASIS schema check skipped: ${schemasMissing}`);
      else expect(loadStixSchemaOracle().bundleProblems(bundle)).toEqual([]);

      // The same form and history in Japanese.
      await app.visit('settings');
      await app.segment('language-control', '日本語').click();
      await app.visit('knowledge');
      await app.page.getByTestId('new-object').click();
      await forms.chooseIn(forms.modal.getByTestId('create-type'), ja.stix.types['intrusion-set']);
      await forms.fill('name', '日本語の侵入セット');
      await forms.addTags('aliases', ['別名その1']);
      await app.screenshot('curation-create-form-ja');
      await forms.modal.getByRole('button', { name: ja.investigate.cancel }).click();
      await forms.modal.waitFor({ state: 'detached' });
      await forms.openFromList('Comment Crew');
      await app.page.getByTestId('history-tab').click();
      await expect.poll(() => forms.historyRows().count()).toBe(3);
      await app.screenshot('curation-history-ja');
    } finally {
      await app.close();
    }
  }, 240_000);
});

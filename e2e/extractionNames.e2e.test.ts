/**
 * Issue 16, point 2, in Chromium: the review lists the knowledge base's threats and tools
 * that a dropped report names — a tool written as a command, an alias several objects
 * share decided by the noun beside it — ticks the sure ones, leaves an ambiguous one for
 * the analyst, and committing puts the ticked ones in the report's contents.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

const created = '2024-01-01T00:00:00.000Z';
const sdo = (type: string, name: string, aliases: string[], extra: Record<string, unknown> = {}) => ({
  type,
  spec_version: '2.1',
  id: `${type}--${randomUUID()}`,
  created,
  modified: created,
  name,
  ...(type === 'tool' ? { x_mitre_aliases: [name, ...aliases] } : { aliases: [name, ...aliases] }),
  ...extra,
});

describe('names of known threats in the review', () => {
  it('lists, ticks and commits what the report names, in English and Japanese', async () => {
    const turla = sdo('intrusion-set', 'Turla', ['Snake', 'Waterbug']);
    const uroburos = sdo('malware', 'Uroburos', ['Snake'], { is_family: true });
    const tropicTrooper = sdo('intrusion-set', 'Tropic Trooper', ['KeyBoy']);
    const keyBoy = sdo('malware', 'KeyBoy', [], { is_family: true });
    const net = sdo('tool', 'Net', ['net.exe']);
    const ping = sdo('tool', 'Ping', []);
    const play = sdo('intrusion-set', 'Play', []);
    const bundle = join(chromium.folder, 'threats.json');
    await writeFile(bundle, JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects: [turla, uroburos, tropicTrooper, keyBoy, net, ping, play] }));
    const report = join(chromium.folder, 'names-report.txt');
    await writeFile(
      report,
      [
        'The operators ran net localgroup administrators /domain and dropped the Snake malware on 45.77.12.9.',
        'The KeyBoy group reused its loader. Net income rose, and children like to Play outside.',
        '攻撃者はpingで疎通を確認した。',
        '',
      ].join('\n'),
    );
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1000 } });
    try {
      await app.importDropped(bundle);
      await app.dropFile(report);
      const review = await app.waitForReview();
      expect(await review.textContent()).toContain('1 page read; 1 indicator found.');
      const rows = app.page.getByTestId('known-entity-row');
      await rows.first().waitFor({ timeout: 30_000 });
      const listed = Object.fromEntries(await rows.evaluateAll((elements) => elements.map((row) => [row.getAttribute('data-id') ?? '', row.getAttribute('data-selected') ?? ''])));
      // A command line, the malware's noun, the group's noun and a Japanese particle: ticked.
      expect(listed[net.id]).toBe('true');
      expect(listed[uroburos.id]).toBe('true');
      expect(listed[tropicTrooper.id]).toBe('true');
      expect(listed[ping.id]).toBe('true');
      // "Snake malware" is not the group; "KeyBoy group" is not the malware; prose is no tool.
      expect(listed[turla.id]).toBeUndefined();
      expect(listed[keyBoy.id]).toBeUndefined();
      // An English-word name in prose is listed for the analyst, not ticked.
      expect(listed[play.id]).toBe('false');
      const netRow = app.page.locator(`[data-testid="known-entity-row"][data-id="${net.id}"]`);
      expect(await netRow.textContent()).toContain('written “net”');
      await netRow.getByRole('button', { name: 'Show where Net appears' }).click();
      expect(await netRow.getByTestId('known-entity-contexts').textContent()).toContain('ran net localgroup administrators /domain');
      await app.screenshot('extraction-known-names');

      await app.page.getByTestId('commit-extraction').click();
      const result = app.page.getByTestId('commit-result');
      await result.waitFor({ timeout: 60_000 });
      // The summary counts in the singular where there is one, and says what joined the report.
      expect(await result.textContent()).toContain('1 observable, 1 indicator and 1 relationship;');
      expect(await app.page.getByTestId('commit-entities').textContent()).toBe('4 known threats and entities are now in the report.');
      await app.visit('export');
      const { bundle: exported } = await app.runExport();
      const committed = exported.objects.find((object) => object['type'] === 'report');
      const refs = new Set(committed?.['object_refs'] as string[]);
      for (const object of [net, uroburos, tropicTrooper, ping]) expect(refs.has(object.id), object.name).toBe(true);
      for (const object of [turla, keyBoy, play]) expect(refs.has(object.id), object.name).toBe(false);
    } finally {
      await app.close();
    }
  });
});

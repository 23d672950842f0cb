import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACK_FILES, attackBundlesAvailable } from '../../testkit/attackBundles.ts';
import { fixturePath } from '../../testkit/fixtures.ts';

const entry = resolve(import.meta.dirname, 'magpie.ts');
const dir = mkdtempSync(join(tmpdir(), 'magpie-entities-'));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function magpie(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const common = { spec_version: '2.1', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' };
const TURLA = 'intrusion-set--6e3a1c42-0c5b-4b9e-9a8e-1b3f0c3a7a11';
const NET = 'tool--03342581-f790-4f03-ba41-e82e67392e23';
const bundle = file(
  'known.json',
  JSON.stringify({
    type: 'bundle',
    id: 'bundle--7d6f4a7e-5f1e-4a5b-9a3c-2a1b0c9d8e7f',
    objects: [
      { type: 'intrusion-set', id: TURLA, name: 'Turla', aliases: ['Turla', 'Snake', 'Waterbug'], ...common },
      { type: 'tool', id: NET, name: 'Net', x_mitre_aliases: ['Net', 'net.exe'], ...common },
      { type: 'identity', id: 'identity--0f1e2d3c-4b5a-4968-8776-655443322110', name: 'MITRE', identity_class: 'organization', ...common },
    ],
  }),
);
const text = file('report.txt', 'Turla (also tracked as Waterbug) used C2 at hxxp://turla-cdn[.]example/gate.php.\nNet income was flat. The operators ran Net once.\n');

describe('magpie extract --entities', () => {
  it('lists the bundle\'s objects named in the file as {type, value, id, occurrences}, never inside a URL', () => {
    const { code, stdout, stderr } = magpie(['extract', text, '--entities', bundle]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { entities: { type: string; value: string; id: string; ticked: boolean; occurrences: { page: number; offset: number; context: string }[]; occurrenceCount: number }[] };
    expect(result.entities.map(({ type, value, id, ticked, occurrenceCount }) => ({ type, value, id, ticked, occurrenceCount }))).toEqual([
      { type: 'intrusion-set', value: 'Turla', id: TURLA, ticked: true, occurrenceCount: 2 },
      // "Net income" starts a sentence: only "ran Net" counts, once, so it is listed unticked.
      { type: 'tool', value: 'Net', id: NET, ticked: false, occurrenceCount: 1 },
    ]);
    expect(result.entities[0]?.occurrences[0]).toMatchObject({ page: 1, offset: 0 });
    expect(result.entities[0]?.occurrences[1]?.context).toContain('tracked as Waterbug');
  });

  it('puts the ticked objects in the report\'s object_refs and the bundle, which magpie validate accepts', () => {
    const { code, stdout } = magpie(['extract', '--format', 'stix', '--entities', bundle, text]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { objects: { type: string; id: string; object_refs?: string[] }[] };
    const report = out.objects.find((object) => object.type === 'report');
    expect(report?.object_refs).toContain(TURLA);
    expect(report?.object_refs).not.toContain(NET);
    expect(out.objects.filter((object) => object.id === TURLA)).toHaveLength(1);
    const validated = magpie(['validate', file('out.json', stdout)]);
    expect(validated.code).toBe(0);
  });

  it('says what to give when the entities file is missing or not a bundle, and exits 1', () => {
    const missing = magpie(['extract', text, '--entities', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--entities .*nope\.json: no such file; give a STIX bundle/);
    const notBundle = magpie(['extract', text, '--entities', file('list.json', '[1, 2]')]);
    expect(notBundle.code).toBe(1);
    expect(notBundle.stderr).toMatch(/not a STIX bundle/);
  });

  it.skipIf(!attackBundlesAvailable)('reads ATT&CK Enterprise\'s gzipped bundle and finds its groups and software', () => {
    const report = file('attack.txt', 'APT29 (Cozy Bear) ran Mimikatz and Cobalt Strike; the sandworm in the novel is not a group.\n');
    const { code, stdout } = magpie(['extract', report, '--entities', fixturePath('mitre-attack', ATTACK_FILES.enterprise)]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { entities: { type: string; name: string }[] };
    expect(result.entities.map((entity) => `${entity.type}|${entity.name}`)).toEqual(['intrusion-set|APT29', 'tool|Mimikatz', 'malware|Cobalt Strike']);
  });
});

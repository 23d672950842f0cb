/**
 * Issue 15, "Done when": `magpie convert --to navigator-layer` writes the same layer as the
 * app for the same object. The app's path is the knowledge base's `attackMatrix` query on
 * the imported bundle, then the layer export the matrix's button runs; the CLI reads the
 * whole bundle file. The knowledge base gets the ATT&CK objects and everything APT29's
 * techniques are reached through (fake-indexeddb is slow with all 24,771 objects).
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busiestDomain } from '../../core/attack/objectMatrix.ts';
import { navigatorLayer } from '../../core/attack/layerExport.ts';
import { edgeIds } from '../../core/knowledge/objectFacts.ts';
import type { StixObject } from '../../core/stix/model/types.ts';
// The app's own path, run here to compare it with the CLI (main never imports renderer/ otherwise).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { KbDatabase, openKnowledgeBase } from '../../renderer/src/kb/db/KbDatabase.ts';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { ingest } from '../../renderer/src/kb/ingest.ts';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { attackMatrix } from '../../renderer/src/kb/queries/attackMatrix.ts';
import { APT29, attackBundlesAvailable, attackObjects } from '../../testkit/attackBundles.ts';
import { fixturesSkipReason } from '../../testkit/fixtures.ts';

const entry = resolve(import.meta.dirname, 'magpie.ts');
const ATTACK_TYPES = new Set(['x-mitre-matrix', 'x-mitre-tactic', 'attack-pattern']);

/** The ATT&CK objects, APT29, its software, and every object pointing at those. */
function reachable(objects: readonly StixObject[]): StixObject[] {
  const software = new Set(objects.flatMap((object) => (object.type === 'relationship' && object['source_ref'] === APT29 && /^(malware|tool)--/.test(String(object['target_ref'])) ? [String(object['target_ref'])] : [])));
  const around = new Set([APT29, ...software]);
  return objects.filter((object) => ATTACK_TYPES.has(object.type) || around.has(object.id) || edgeIds(object).some((id) => around.has(id)));
}

describe.skipIf(!attackBundlesAvailable)(`magpie convert --to navigator-layer is the app's layer${attackBundlesAvailable ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  let db: KbDatabase;
  let bundleFile: string;
  beforeAll(async () => {
    const objects = attackObjects('enterprise');
    bundleFile = join(mkdtempSync(join(tmpdir(), 'magpie-layer-')), 'enterprise-attack.json');
    writeFileSync(bundleFile, JSON.stringify({ type: 'bundle', id: 'bundle--0b6f4a55-9a4c-4c38-8f3c-1b7a0f0e7d11', objects }));
    db = await openKnowledgeBase(new KbDatabase(`kb-layer-${crypto.randomUUID()}`));
    await ingest(db, reachable(objects).map((object, index) => ({ object, path: `/objects/${index}`, issues: [] })), { id: 'file:attack', kind: 'file', name: 'enterprise-attack.json' });
  }, 120_000);
  afterAll(async () => {
    await db.delete();
  });

  it("APT29 (G0016): the CLI's layer equals the one the app's matrix exports", async () => {
    const view = await attackMatrix(db, { id: APT29 });
    const matrix = view.matrices.find((candidate) => candidate.domain === busiestDomain(view.matrices, [view.a]));
    if (!matrix || !view.a) throw new Error('the knowledge base gave no matrix for APT29');
    const app = navigatorLayer({ matrix, a: view.a });

    const cli = spawnSync(process.execPath, [entry, 'convert', bundleFile, '--to', 'navigator-layer', '--object', APT29], { encoding: 'utf8', timeout: 100_000, maxBuffer: 64 * 1024 * 1024 });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(app);
    expect(app.techniques.length).toBeGreaterThan(66);
  }, 120_000);

  it('the CLI says what to do for an unknown object, a missing --object and a bad domain', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [entry, 'convert', bundleFile, '--to', 'navigator-layer', ...args], { encoding: 'utf8', timeout: 100_000 });
    expect(run(['--object', 'intrusion-set--00000000-0000-4000-8000-000000000000'])).toMatchObject({ status: 1, stderr: expect.stringContaining('is not in the bundle') as unknown });
    expect(run([])).toMatchObject({ status: 2, stderr: expect.stringContaining('needs --object') as unknown });
    expect(run(['--object', APT29, '--domain', 'pre-attack'])).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown domain "pre-attack"') as unknown });
    expect(run(['--object', APT29, '--domain', 'mobile-attack'])).toMatchObject({ status: 1, stderr: expect.stringContaining('has no mobile-attack matrix') as unknown });
  }, 120_000);
});

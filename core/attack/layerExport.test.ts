import { describe, expect, it } from 'vitest';
import { fixturesSkipReason } from '../../testkit/fixtures.ts';
import { graphOfObjects } from './attackGraph.ts';
import { layerText, navigatorLayer } from './layerExport.ts';
import { parseLayerFile } from './layerImport.ts';
import { buildMatrices, techniqueIndex } from './matrix.ts';
import { layerForObject } from './objectMatrix.ts';
import { relatedTechniques } from './relatedTechniques.ts';
import { APT29, attackBundlesAvailable, attackObjects } from '../../testkit/attackBundles.ts';
import { attackObjectsOf } from './attackGraph.ts';

const PINCHDUKE = 'malware--ae9d818d-95d0-41da-b045-9cabea1ca164';

function enterpriseMatrix() {
  const [matrix] = buildMatrices(attackObjectsOf(attackObjects('enterprise')));
  if (!matrix) throw new Error('no Enterprise matrix');
  return matrix;
}

async function related(id: string) {
  const found = await relatedTechniques(graphOfObjects(attackObjects('enterprise')), id);
  if (!found) throw new Error(`${id} is not in the bundle`);
  return found;
}

describe.skipIf(!attackBundlesAvailable)(`Navigator layer export (format 4.5)${attackBundlesAvailable ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  it("APT29's layer: the 4.5 fields, every technique it relates to by ATT&CK id, a tactic where a technique sits in several, score, colour and the path as comment", async () => {
    const objects = attackObjects('enterprise');
    const layer = await layerForObject(graphOfObjects(objects), APT29);
    expect(layer.versions).toEqual({ layer: '4.5', navigator: '5.1.0' });
    expect(layer).toMatchObject({ name: 'APT29 (Enterprise ATT&CK)', domain: 'enterprise-attack' });
    expect(typeof layer.description).toBe('string');
    const index = techniqueIndex(enterpriseMatrix());
    const expected = Object.keys((await related(APT29)).techniques).map((id) => index.get(id)?.technique.attackId);
    expect(new Set(layer.techniques.map((technique) => technique.techniqueID))).toEqual(new Set(expected));
    for (const technique of layer.techniques) {
      expect(technique.techniqueID).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(technique.score).toBeGreaterThan(0);
      expect(technique.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(technique.comment).toContain('APT29');
    }
    // Scheduled Task sits under execution, persistence and privilege escalation: one entry each, with its tactic.
    const scheduled = layer.techniques.filter((technique) => technique.techniqueID === 'T1053.005');
    expect(scheduled.map((technique) => technique.tactic).sort()).toEqual(['execution', 'persistence', 'privilege-escalation']);
    // A technique in one tactic carries none (it applies wherever it sits).
    expect(layer.techniques.find((technique) => technique.techniqueID === 'T1005')?.tactic).toBeUndefined();
    const viaSoftware = layer.techniques.find((technique) => technique.techniqueID === 'T1083');
    expect(viaSoftware?.comment).toContain('APT29 uses PinchDuke, which uses File and Directory Discovery');
  });

  it('compares two objects: overlap, only A and only B in their own colours and a legend naming both', async () => {
    const layer = navigatorLayer({ matrix: enterpriseMatrix(), a: await related(APT29), b: await related(PINCHDUKE) });
    expect(layer.legendItems.map((item) => item.label)).toEqual(['APT29 and PinchDuke', 'only APT29', 'only PinchDuke']);
    const colours = new Set(layer.techniques.map((technique) => technique.color));
    expect(colours.size).toBe(2); // APT29 reaches every PinchDuke technique through it: no "only B".
  });

  it('reads back with the layer importer as the same ids and scores', async () => {
    const layer = await layerForObject(graphOfObjects(attackObjects('enterprise')), APT29);
    const [read] = parseLayerFile(layerText(layer));
    expect(read?.format).toBe('4.5');
    expect(read?.techniques.map((technique) => [technique.techniqueID, technique.tactic, technique.score])).toEqual(layer.techniques.map((technique) => [technique.techniqueID, technique.tactic, technique.score]));
  });

  it('says what to do for an object the bundle lacks or a domain it has no matrix for', async () => {
    const graph = graphOfObjects(attackObjects('enterprise'));
    await expect(layerForObject(graph, 'intrusion-set--00000000-0000-4000-8000-000000000000')).rejects.toThrow(/is not in the bundle/);
    await expect(layerForObject(graph, APT29, 'ics-attack')).rejects.toThrow(/has no ics-attack matrix; it has enterprise-attack/);
  });
});

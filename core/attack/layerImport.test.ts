import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { attackObjectsOf } from './attackGraph.ts';
import { LayerFileError, parseLayerFile, type ImportedLayer } from './layerImport.ts';
import { cellKey, gradientColour, layerOnMatrix } from './layerOnMatrix.ts';
import { buildMatrices, type DomainMatrix } from './matrix.ts';
import { attackBundlesAvailable, attackObjects } from '../../testkit/attackBundles.ts';

const samplesAvailable = hasFixture('attack-navigator', 'samples');
const sample = (name: string) => readFileSync(fixturePath('attack-navigator', 'samples', name), 'utf8');

describe('layer files that are not layers say what is wrong and what to do', () => {
  it.each([
    ['not JSON', 'hello', /not JSON.*Export the layer from the ATT&CK Navigator/],
    ['no domain', '{"name":"x","techniques":[]}', /^domain has no domain/],
    ['an unknown domain', '{"name":"x","domain":"pre-attack"}', /domain "pre-attack"; a layer is for enterprise-attack/],
    ['a bad technique id', '{"name":"x","domain":"enterprise-attack","techniques":[{"techniqueID":"<img src=x>"}]}', /^techniques\[0\]\.techniqueID is not an ATT&CK technique id/],
    ['an empty list', '[]', /empty list of layers/],
    ['a bad second layer', '[{"name":"a","domain":"enterprise-attack"},{"domain":"enterprise-attack"}]', /^Layer 2: name has no name/],
  ])('%s', (_label, text, message) => {
    expect(() => parseLayerFile(text)).toThrow(LayerFileError);
    expect(() => parseLayerFile(text)).toThrow(message);
  });

  it('drops a colour that is not a colour (it only ever reaches a style value)', () => {
    const [layer] = parseLayerFile('{"name":"x","domain":"enterprise-attack","techniques":[{"techniqueID":"T1059","color":"red;background:url(https://evil.example)"}]}');
    expect(layer?.techniques[0]?.color).toBeUndefined();
  });
});

describe('gradient colours, as the Navigator paints a scored technique', () => {
  it('interpolates between the stops and clamps at the ends', () => {
    const gradient = { colors: ['#ff0000', '#0000ff'], minValue: 0, maxValue: 10 };
    expect(gradientColour(gradient, 0)).toBe('#ff0000');
    expect(gradientColour(gradient, 5)).toBe('#800080');
    expect(gradientColour(gradient, 99)).toBe('#0000ff');
  });
});

describe.skipIf(!samplesAvailable || !attackBundlesAvailable)(`the Navigator's sample layers (older formats)${samplesAvailable && attackBundlesAvailable ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  const matrix = () => buildMatrices(attackObjectsOf(attackObjects('enterprise')))[0] as DomainMatrix;
  const first = (name: string): ImportedLayer => {
    const [layer] = parseLayerFile(sample(name));
    if (!layer) throw new Error(`${name} gave no layer`);
    return layer;
  };
  const technique = (attackId: string): string => {
    const found = matrix().tactics.flatMap((tactic) => tactic.techniques).find((entry) => entry.attackId === attackId);
    if (!found) throw new Error(`${attackId} is not in the matrix`);
    return found.id;
  };

  it('Red Pins (3.0, mitre-enterprise): upgraded to enterprise-attack, its scores painted on the gradient, per tactic; pre-sub-technique ids named as missing', () => {
    const layer = first('ATTACKcon2018_Red_Pins.json');
    expect(layer).toMatchObject({ name: 'Red Pins', domain: 'enterprise-attack', format: '3.0', gradient: { colors: ['#ebaaaa', '#c60505'], minValue: 1, maxValue: 8 } });
    expect(layer.techniques).toHaveLength(24);
    const shown = layerOnMatrix(layer, matrix());
    // T1140 Deobfuscate/Decode Files or Information, score 1 under defense-evasion: the gradient's first colour.
    expect(shown.cells.get(cellKey(technique('T1140'), 'defense-evasion'))).toEqual({ score: 1, color: '#ebaaaa', enabled: true });
    expect(shown.missing).toContain('T1155');
    expect(shown.techniques.length + shown.missing.length).toBeGreaterThan(10);
  });

  it('Bear APTs: explicit colours and comments on every technique, its legend kept', () => {
    const layer = first('Bear_APT.json');
    expect(layer).toMatchObject({ domain: 'enterprise-attack', legendItems: [{ color: expect.stringMatching(/^#/) as unknown }] });
    const shown = layerOnMatrix(layer, matrix());
    expect(shown.techniques.length).toBeGreaterThan(100);
    const cells = [...shown.cells.values()];
    expect(cells.every((cell) => cell.color === '#ff6666' && cell.comment?.startsWith('used by'))).toBe(true);
  });

  it('heatmap: every score becomes a colour of the default gradient', () => {
    const layer = first('heatmap_layer.json');
    expect(layer.techniques).toHaveLength(428);
    const shown = layerOnMatrix(layer, matrix());
    const cell = shown.cells.get(cellKey(technique('T1548'), 'privilege-escalation'));
    expect(cell).toMatchObject({ score: 77 });
    expect(cell?.color).toBe(gradientColour({ colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 }, 77));
  });
});

describe.skipIf(!samplesAvailable || !attackBundlesAvailable)('a layer turned into a grouping', () => {
  it('holds the techniques the matrix has, names the layer, its scores and what was left out, and is valid STIX', async () => {
    const { groupingOfLayer } = await import('./layerGrouping.ts');
    const { validateObject } = await import('../stix/validate.ts');
    const [layer] = parseLayerFile(readFileSync(fixturePath('attack-navigator', 'samples', 'ATTACKcon2018_Red_Pins.json'), 'utf8'));
    if (!layer) throw new Error('no layer');
    const matrix = buildMatrices(attackObjectsOf(attackObjects('enterprise')))[0] as DomainMatrix;
    const shown = layerOnMatrix(layer, matrix);
    const grouping = groupingOfLayer(layer, shown, 'grouping--6d3c8a52-5b7e-4f0e-9c1d-2a4b6c8d0e1f', '2026-12-05T00:00:00.000Z');
    expect(grouping['object_refs']).toEqual(shown.techniques);
    expect(grouping['description']).toContain('Red Pins');
    expect(grouping['description']).toContain('T1140 (defense-evasion): 1');
    expect(grouping['description']).toContain('Not in this ATT&CK release, so not included: ');
    expect(validateObject(grouping).filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});

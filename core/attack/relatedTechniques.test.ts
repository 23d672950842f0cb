import { describe, expect, it } from 'vitest';
import { fixturesSkipReason } from '../../testkit/fixtures.ts';
import type { StixObject } from '../stix/model/types.ts';
import { graphOfObjects } from './attackGraph.ts';
import { relatedTechniques } from './relatedTechniques.ts';
import { APT29, attackBundlesAvailable, attackObjects, usedTechniques } from '../../testkit/attackBundles.ts';

const T = '2024-01-01T00:00:00.000Z';
const common = { spec_version: '2.1', created: T, modified: T };
const id = (type: string, n: number) => `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const actor = id('intrusion-set', 1);
const [direct, viaTool, inReport, retired] = [1, 2, 3, 4].map((n) => id('attack-pattern', n)) as [string, string, string, string];
const tool = id('tool', 1);
const report = id('report', 1);
const uses = (n: number, source: string, target: string, extra: Record<string, unknown> = {}): StixObject => ({ type: 'relationship', id: id('relationship', n), ...common, relationship_type: 'uses', source_ref: source, target_ref: target, ...extra });
const pattern = (patternId: string, name: string, extra: Record<string, unknown> = {}): StixObject => ({ type: 'attack-pattern', id: patternId, ...common, name, ...extra });

const small: StixObject[] = [
  { type: 'intrusion-set', id: actor, ...common, name: 'Cozy' },
  { type: 'tool', id: tool, ...common, name: 'Mimikatz' },
  pattern(direct, 'Phishing'), pattern(viaTool, 'Credential Dumping'), pattern(inReport, 'Exfiltration'), pattern(retired, 'Old', { revoked: true }),
  uses(1, actor, direct), uses(2, actor, tool), uses(3, tool, viaTool), uses(4, actor, inReport, { x_mitre_deprecated: true }), uses(5, actor, retired, { revoked: true }),
  { type: 'report', id: report, ...common, name: 'Q3 report', published: T, object_refs: [actor, inReport, uses(1, actor, direct).id] },
];

describe('the techniques an object relates to, and by which path', () => {
  it('directly, through the software it uses, and through a report that contains both; retired relationships are not followed', async () => {
    const related = await relatedTechniques(graphOfObjects(small), actor);
    expect(related?.object).toEqual({ id: actor, type: 'intrusion-set', name: 'Cozy' });
    expect(related?.techniques[direct]).toEqual([{ kind: 'direct', via: [] }]);
    expect(related?.techniques[viaTool]).toEqual([{ kind: 'software', via: [{ id: tool, type: 'tool', name: 'Mimikatz' }] }]);
    expect(related?.techniques[inReport]).toEqual([{ kind: 'report', via: [{ id: report, type: 'report', name: 'Q3 report' }] }]);
    expect(Object.keys(related?.techniques ?? {}).sort()).toEqual([direct, viaTool, inReport].sort());
  });

  it("a report's techniques: those it contains, the `uses` relationships it contains, and what the actors it contains use", async () => {
    const related = await relatedTechniques(graphOfObjects(small), report);
    expect(related?.techniques[inReport]).toEqual([{ kind: 'direct', via: [] }]);
    const cozy = { id: actor, type: 'intrusion-set', name: 'Cozy' };
    // The relationship it holds, and (the report holds Cozy too) what Cozy uses.
    expect(related?.techniques[direct]).toEqual([{ kind: 'direct', via: [cozy] }, { kind: 'contents', via: [cozy] }]);
    expect(related?.techniques[viaTool]).toBeUndefined();
  });

  it('a software: what it uses', async () => {
    expect(Object.keys((await relatedTechniques(graphOfObjects(small), tool))?.techniques ?? {})).toEqual([viaTool]);
  });

  it('an object the graph does not hold gives null', async () => {
    expect(await relatedTechniques(graphOfObjects(small), id('campaign', 9))).toBeNull();
  });
});

describe.skipIf(!attackBundlesAvailable)(`on ATT&CK Enterprise${attackBundlesAvailable ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  it("APT29's direct techniques are exactly what it `uses` in the bundle; PinchDuke's File and Directory Discovery comes through the software", async () => {
    const objects = attackObjects('enterprise');
    const related = await relatedTechniques(graphOfObjects(objects), APT29);
    const directIds = Object.entries(related?.techniques ?? {}).filter(([, paths]) => paths.some((path) => path.kind === 'direct')).map(([technique]) => technique);
    expect(new Set(directIds)).toEqual(usedTechniques(objects, APT29));
    expect(directIds).toHaveLength(66);
    const discovery = objects.find((object) => object.type === 'attack-pattern' && object['name'] === 'File and Directory Discovery');
    const paths = related?.techniques[discovery?.id ?? ''] ?? [];
    expect(paths.some((path) => path.kind === 'software' && path.via.some((step) => step.name === 'PinchDuke'))).toBe(true);
    expect(paths.some((path) => path.kind === 'direct')).toBe(false);
  });
});

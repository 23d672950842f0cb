import { describe, expect, it } from 'vitest';
import { fixturesSkipReason } from '../../testkit/fixtures.ts';
import { attackObjectsOf } from './attackGraph.ts';
import { buildMatrices, techniqueIndex, type DomainMatrix } from './matrix.ts';
import { attackBundlesAvailable, attackObjects } from '../../testkit/attackBundles.ts';

function only(matrices: DomainMatrix[]): DomainMatrix {
  expect(matrices).toHaveLength(1);
  return matrices[0] as DomainMatrix;
}

describe.skipIf(!attackBundlesAvailable)(`ATT&CK matrices from the real bundles${attackBundlesAvailable ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  it('Enterprise: 14 tactics in ATT&CK order, techniques under every tactic they name, sub-techniques under their parent', () => {
    const matrix = only(buildMatrices(attackObjectsOf(attackObjects('enterprise'))));
    expect(matrix.domain).toBe('enterprise-attack');
    expect(matrix.tactics.map((tactic) => tactic.shortname)).toEqual([
      'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence', 'privilege-escalation', 'defense-evasion',
      'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control', 'exfiltration', 'impact',
    ]);
    expect(matrix.tactics[0]).toMatchObject({ attackId: 'TA0043', name: 'Reconnaissance' });
    const index = techniqueIndex(matrix);
    const byAttackId = new Map([...index.values()].map((entry) => [entry.technique.attackId, entry]));
    expect(byAttackId.get('T1078')?.tactics.sort()).toEqual(['defense-evasion', 'initial-access', 'persistence', 'privilege-escalation']);
    const execution = matrix.tactics.find((tactic) => tactic.shortname === 'execution');
    const interpreter = execution?.techniques.find((technique) => technique.attackId === 'T1059');
    expect(interpreter?.name).toBe('Command and Scripting Interpreter');
    expect(interpreter?.subtechniques.map((sub) => sub.attackId)).toContain('T1059.001');
    expect(interpreter?.subtechniques.find((sub) => sub.attackId === 'T1059.001')?.name).toBe('PowerShell');
    // Sub-techniques never stand as columns' top-level techniques.
    expect(matrix.tactics.flatMap((tactic) => tactic.techniques).some((technique) => technique.attackId.includes('.'))).toBe(false);
    // 691 live attack-patterns (216 techniques, 475 sub-techniques); revoked and deprecated ones (144) are not shown.
    expect(index.size).toBe(691);
    const retired = attackObjects('enterprise').filter((object) => object.type === 'attack-pattern' && (object['revoked'] === true || object['x_mitre_deprecated'] === true));
    expect(retired.length).toBeGreaterThan(100);
    for (const object of retired) expect(index.has(object.id)).toBe(false);
  });

  it('techniques are sorted by name within a tactic, as the Navigator shows them', () => {
    const matrix = only(buildMatrices(attackObjectsOf(attackObjects('enterprise'))));
    for (const tactic of matrix.tactics) {
      const names = tactic.techniques.map((technique) => technique.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    }
  });

  it('Mobile: the current matrix only (the deprecated Network-Based Effects one is left out), 12 tactics', () => {
    const matrix = only(buildMatrices(attackObjectsOf(attackObjects('mobile'))));
    expect(matrix).toMatchObject({ domain: 'mobile-attack', name: 'Mobile ATT&CK' });
    expect(matrix.tactics).toHaveLength(12);
    expect(matrix.tactics[0]?.shortname).toBe('initial-access');
    expect(techniqueIndex(matrix).size).toBe(121);
  });

  it('ICS: 12 tactics of the mitre-ics-attack kill chain, no sub-techniques', () => {
    const matrix = only(buildMatrices(attackObjectsOf(attackObjects('ics'))));
    expect(matrix.domain).toBe('ics-attack');
    expect(matrix.tactics).toHaveLength(12);
    expect(techniqueIndex(matrix).size).toBe(83);
    expect(matrix.tactics.every((tactic) => tactic.techniques.length > 0)).toBe(true);
  });

  it('the three bundles together give three matrices in the order Enterprise, Mobile, ICS', () => {
    const all = [...attackObjects('ics'), ...attackObjects('enterprise'), ...attackObjects('mobile')];
    expect(buildMatrices(attackObjectsOf(all)).map((matrix) => matrix.domain)).toEqual(['enterprise-attack', 'mobile-attack', 'ics-attack']);
  });
});

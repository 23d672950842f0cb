import { describe, expect, it } from 'vitest';
import { TLP_2, type JsonObject } from '../../../core/stix/index.ts';
import { bundleItems, withTlp } from './converter.ts';
import { objectDigest, packDigests, previousDomain, unpackDigests } from './cursor.ts';

const MITRE = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';
const STATEMENT = 'marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168';
const common = { created: '2020-01-01T00:00:00.000Z', modified: '2024-04-01T00:00:00.000Z', created_by_ref: MITRE, object_marking_refs: [STATEMENT] };

const technique = {
  type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--7385dfaf-6886-4229-9ecd-6fd678040830', ...common,
  name: 'Command and Scripting Interpreter', x_mitre_version: '2.5', x_mitre_domains: ['enterprise-attack'], x_mitre_platforms: ['Windows'],
  kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'execution' }],
  external_references: [{ source_name: 'mitre-attack', external_id: 'T1059', url: 'https://attack.mitre.org/techniques/T1059' }],
};
const revoked = { type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--fb8d023d-45be-47e9-bc51-f56bcae6435b', ...common, name: 'PowerShell (old)', revoked: true };
const revokedBy = {
  type: 'relationship', spec_version: '2.1', id: 'relationship--0d1b2c3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d', ...common,
  relationship_type: 'revoked-by', source_ref: revoked.id, target_ref: technique.id,
};
const tactic = {
  type: 'x-mitre-tactic', spec_version: '2.1', id: 'x-mitre-tactic--4ca45d45-df4d-4613-8980-bac22d278fa5', ...common,
  name: 'Execution', x_mitre_shortname: 'execution', x_mitre_deprecated: false,
};
const statement = {
  type: 'marking-definition', spec_version: '2.1', id: STATEMENT, created: '2017-06-01T00:00:00.000Z', created_by_ref: MITRE,
  definition_type: 'statement', definition: { statement: 'Copyright 2015-2025, The MITRE Corporation.' },
};

const bundle = (objects: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ type: 'bundle', id: 'bundle--5db1c4a1-5ee1-5ade-b745-b675bfb6ff20', ...extra, objects });

function accepted(text: string): JsonObject[] {
  return [...bundleItems(text, 'clear', 'https://attack.example/enterprise.json')].flatMap((item) => ('object' in item ? [item.object] : []));
}

describe('ATT&CK bundle → objects', () => {
  it('keeps custom objects, ATT&CK properties and revoked techniques as published', () => {
    const objects = accepted(bundle([statement, technique, tactic, revoked, revokedBy]));
    expect(objects.map((object) => object['type'])).toEqual(['marking-definition', 'attack-pattern', 'x-mitre-tactic', 'attack-pattern', 'relationship']);
    expect(objects[1]).toMatchObject({ x_mitre_version: '2.5', x_mitre_platforms: ['Windows'], external_references: technique.external_references });
    expect(objects[3]).toMatchObject({ revoked: true });
    expect(objects[4]).toMatchObject({ relationship_type: 'revoked-by' });
  });

  it('adds the TLP marking beside MITRE\'s copyright statement, but not to marking-definitions', () => {
    const [marking, marked] = accepted(bundle([statement, technique]));
    expect(marking).toEqual(statement);
    expect(marked?.['object_marking_refs']).toEqual([STATEMENT, TLP_2.clear.id]);
    expect(withTlp(withTlp(technique, 'green'), 'green')['object_marking_refs']).toEqual([STATEMENT, TLP_2.green.id]);
  });

  it('upgrades a STIX 2.0 bundle (the mitre/cti form) to 2.1', () => {
    const v20 = ({ spec_version: _spec, ...object }: Record<string, unknown>): Record<string, unknown> => object;
    const objects = accepted(bundle([v20(technique), v20(tactic)], { spec_version: '2.0' }));
    expect(objects).toHaveLength(2);
    for (const object of objects) expect(object['spec_version']).toBe('2.1');
    expect(objects[0]).toMatchObject({ name: technique.name, x_mitre_version: '2.5' });
  });

  it('skips an object the validator rejects and says which one', () => {
    const broken = { ...technique, id: 'attack-pattern--not-a-uuid' };
    const items = [...bundleItems(bundle([broken, tactic]), 'clear', 'u')];
    expect(items[0]).toEqual({ rejected: expect.stringMatching(/^attack-pattern--not-a-uuid: \/objects\/0\/id: id must be/) as unknown });
    expect(items[1]).toHaveProperty('object');
  });

  it('fails clearly on something that is not a bundle, or an empty one', () => {
    const read = (text: string): unknown[] => [...bundleItems(text, 'clear', 'https://attack.example/x.json')];
    expect(() => read('<!DOCTYPE html><html>404</html>')).toThrow(/https:\/\/attack\.example\/x\.json is not an ATT&CK STIX bundle/);
    expect(() => read('{"type": "x-mitre-collection"}')).toThrow(expect.objectContaining({ code: 'not-a-bundle' }));
    expect(() => read(bundle([]))).toThrow(expect.objectContaining({ code: 'empty-bundle' }));
  });
});

describe('ATT&CK change tracking', () => {
  it('sees a new version of an object, not a re-download of the same one', () => {
    expect(objectDigest(technique)).toBe(objectDigest({ ...technique }));
    expect(objectDigest({ ...technique, modified: '2025-04-15T00:00:00.000Z' })).not.toBe(objectDigest(technique));
    expect(objectDigest({ ...statement, definition: { statement: 'Copyright 2015-2026' } })).not.toBe(objectDigest(statement));
  });

  it('packs digests compactly and reads them back', () => {
    const digests = [technique, tactic, statement, revoked].map(objectDigest);
    const packed = packDigests([...digests, digests[0] ?? '']);
    expect(packed).toHaveLength(4 * 12);
    expect(unpackDigests(packed)).toEqual(new Set(digests));
  });

  it('forgets a domain when its URL or the marking changed, so it is imported in full again', () => {
    const cursor = { settings: 'tlp=clear', domains: { enterprise: { url: 'https://a/e.json', digests: 'abcdefghijkl' } } };
    expect(previousDomain(cursor, 'tlp=clear', 'enterprise', 'https://a/e.json')).toEqual({ url: 'https://a/e.json', digests: 'abcdefghijkl' });
    expect(previousDomain(cursor, 'tlp=clear', 'enterprise', 'https://mirror/e.json')).toBeUndefined();
    expect(previousDomain(cursor, 'tlp=green', 'enterprise', 'https://a/e.json')).toBeUndefined();
    expect(previousDomain(cursor, 'tlp=clear', 'mobile', 'https://a/e.json')).toBeUndefined();
    expect(previousDomain({}, 'tlp=clear', 'enterprise', 'https://a/e.json')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { TLP_2 } from '../stix/markings.ts';
import { combinedMarkings, combineDuplicates, duplicateKeys, foldName, repointReferences } from './combineDuplicates.ts';

const custom = 'marking-definition--0b2ee5e1-5d8a-4c4a-9d85-1b7d6c9a1e11';

describe('combineDuplicates', () => {
  it('keeps the strictest TLP and every other marking', () => {
    expect(combinedMarkings([{ object_marking_refs: [TLP_2.green.id, custom] }, { object_marking_refs: [TLP_2.red.id] }, { object_marking_refs: [TLP_2.amber.id] }])).toEqual([custom, TLP_2.red.id]);
  });

  it("turns the others' names into aliases, without repeating the kept name in another case or width", () => {
    const merged = combineDuplicates({ type: 'intrusion-set', id: 'intrusion-set--1', name: 'APT28', aliases: ['ａｐｔ２８', 'Sofacy'] }, [{ type: 'intrusion-set', id: 'intrusion-set--2', name: 'Fancy Bear', aliases: ['sofacy'] }]);
    expect(merged['aliases']).toEqual(['Sofacy', 'Fancy Bear']);
  });

  it('gives no aliases to types that have none, and puts differing descriptions side by side', () => {
    const merged = combineDuplicates({ type: 'identity', id: 'identity--1', name: 'ACME', description: 'Maker.' }, [{ type: 'identity', id: 'identity--2', name: 'Acme Corp', description: 'Maker of anvils.' }]);
    expect(merged['aliases']).toBeUndefined();
    expect(merged['description']).toBe('ACME:\nMaker.\n\nAcme Corp:\nMaker of anvils.');
  });
});

describe('repointReferences', () => {
  it('points references at the kept object, once per list, and leaves other properties alone', () => {
    const replacements = new Map([['malware--b', 'malware--a']]);
    expect(repointReferences({ id: 'report--1', name: 'malware--b', object_refs: ['malware--a', 'malware--b', 'tool--c'] }, replacements)).toEqual({ id: 'report--1', name: 'malware--b', object_refs: ['malware--a', 'tool--c'] });
    expect(repointReferences({ id: 'report--1', object_refs: ['tool--c'] }, replacements)).toBeUndefined();
  });
});

describe('duplicateKeys', () => {
  it('folds case and width, and keys external ids by their source', () => {
    expect(foldName(' ＰｌｕｇＸ ')).toBe('plugx');
    expect(duplicateKeys({ name: 'ＰｌｕｇＸ', aliases: ['Sogu'], external_references: [{ source_name: 'mitre-attack', external_id: 'S0013' }] })).toEqual(['name:plugx', 'name:sogu', 'ext:mitre-attack:s0013']);
  });
});

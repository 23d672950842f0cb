import { describe, expect, it } from 'vitest';
import { TLP_1, TLP_2 } from '../markings.ts';
import { oncePerVersion } from './oncePerVersion.ts';

const domain = 'domain-name--a7c9f582-68be-5915-8cb8-275a550bb8b6';
const report = 'report--5c7cdc3b-2f40-4dca-8200-276c0a00020f';

describe('oncePerVersion', () => {
  it('keeps each id once per modified, merging the copies\' markings and labels, and keeps distinct versions', () => {
    const objects = [
      { ...TLP_2.clear },
      { type: 'domain-name', spec_version: '2.1', id: domain, value: 'antibotcloud.com', object_marking_refs: [TLP_1.white.id] },
      { type: 'report', id: report, modified: '2024-01-01T00:00:00.000Z', labels: ['a'] },
      { ...TLP_2.clear },
      { type: 'domain-name', spec_version: '2.1', id: domain, value: 'antibotcloud.com', object_marking_refs: [TLP_2.clear.id] },
      { type: 'report', id: report, modified: '2024-01-01T00:00:00.000Z', labels: ['b'] },
      { type: 'report', id: report, modified: '2024-02-01T00:00:00.000Z', labels: ['c'] },
    ];
    const once = oncePerVersion(objects);
    expect(once.map((object) => object['id'])).toEqual([TLP_2.clear.id, domain, report, report]);
    expect(once[1]?.['object_marking_refs']).toEqual([TLP_1.white.id, TLP_2.clear.id]);
    expect(once[2]?.['labels']).toEqual(['a', 'b']);
    expect(once[3]?.['labels']).toEqual(['c']);
  });
});

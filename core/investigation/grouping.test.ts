import { describe, expect, it } from 'vitest';
import { validateObject } from '../stix/validate.ts';
import { investigationGrouping } from './grouping.ts';
import { newInvestigation } from './schema.ts';

const malware = 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b';
const indicator = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const base = newInvestigation('PlugX pivots', [], '2026-01-02T03:04:05.678Z', 'f6b3a2c4-1d2e-4f5a-9b8c-7d6e5f4a3b2c');

describe('investigationGrouping', () => {
  it('is a valid STIX 2.1 grouping carrying the investigation id, times, name and refs', () => {
    const grouping = investigationGrouping({ ...base, modified: '2026-01-03T00:00:00.000Z' }, [malware, indicator]);
    expect(grouping).toEqual({
      type: 'grouping', spec_version: '2.1', id: base.id, created: base.created, modified: '2026-01-03T00:00:00.000Z',
      name: 'PlugX pivots', context: 'suspicious-activity', object_refs: [malware, indicator],
    });
    expect(validateObject(grouping)).toEqual([]);
  });

  it('adds the description only when there is one', () => {
    expect(investigationGrouping({ ...base, description: 'Who runs 198.51.100.7?' }, [malware])['description']).toBe('Who runs 198.51.100.7?');
    expect(investigationGrouping({ ...base, description: '  ' }, [malware])).not.toHaveProperty('description');
  });
});

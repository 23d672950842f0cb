import { describe, expect, it } from 'vitest';
import { InvestigationError, maxInvestigationNodes, newInvestigation, parseInvestigation } from './schema.ts';
import { noFilters, type Investigation, type InvestigationNode } from './types.ts';

const now = '2026-01-02T03:04:05.678Z';
const uuid = 'f6b3a2c4-1d2e-4f5a-9b8c-7d6e5f4a3b2c';
const node = (id: string, x = 0, y = 0): InvestigationNode => ({ id, x, y, pinned: false, hidden: false });
const malware = 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b';
const indicator = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';

function problemsOf(value: unknown): readonly string[] {
  try {
    parseInvestigation(value);
  } catch (error) {
    if (error instanceof InvestigationError) return error.problems;
    throw error;
  }
  return [];
}

describe('newInvestigation', () => {
  it('starts unfiltered with the force layout, created and modified now', () => {
    expect(newInvestigation('  PlugX  ', [node(malware, 1, 2)], now, uuid)).toEqual({
      id: `grouping--${uuid}`, name: 'PlugX', description: '', created: now, modified: now,
      nodes: [node(malware, 1, 2)], filters: noFilters, layout: 'force',
    } satisfies Investigation);
  });

  it('refuses an empty name', () => {
    expect(() => newInvestigation('   ', [], now, uuid)).toThrow(/name: must not be empty/);
  });
});

describe('parseInvestigation', () => {
  const valid = newInvestigation('Pivots', [node(malware), node(indicator, 10.5, -3)], now, uuid);

  it('accepts a valid investigation, with filters, and drops unknown properties', () => {
    const filters = { types: ['malware'], tlp: ['amber+strict', 'none'], labels: ['rat'], minConfidence: 50, from: '2024-01-01', to: '2024-12-31T23:59:59.999Z' };
    const parsed = parseInvestigation({ ...valid, filters, layout: 'concentric', extra: true });
    expect(parsed).toEqual({ ...valid, filters, layout: 'concentric' });
  });

  it('lists every problem with where it is', () => {
    const problems = problemsOf({
      ...valid,
      id: 'report--f6b3a2c4-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
      name: 'x'.repeat(201),
      nodes: [node('not-an-id'), { ...node(malware), x: Number.NaN }, node(malware, 0, Number.POSITIVE_INFINITY)],
      layout: 'spiral',
    });
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^id: must be grouping--<uuid>/),
      expect.stringMatching(/^name: must be at most 200/),
      expect.stringMatching(/^nodes\.0\.id: must be a STIX id/),
      expect.stringMatching(/^nodes\.1\.x: /),
      expect.stringMatching(/^nodes\.2\.y: /),
      expect.stringMatching(/^nodes\.2\.id: malware--\S+ is on the graph twice/),
      expect.stringMatching(/^layout: /),
    ]));
    expect(() => parseInvestigation({ ...valid, layout: 'spiral' })).toThrow(/^This investigation is not valid: layout: /);
  });

  it('checks the filters and the times', () => {
    expect(problemsOf({ ...valid, filters: { ...noFilters, tlp: ['purple'], minConfidence: 101, from: 'yesterday' } })).toEqual([
      expect.stringMatching(/^filters\.tlp\.0: /),
      expect.stringMatching(/^filters\.minConfidence: /),
      expect.stringMatching(/^filters\.from: must be a date/),
    ]);
    expect(problemsOf({ ...valid, filters: { types: [] } }).length).toBeGreaterThan(0);
    expect(problemsOf({ ...valid, created: '2026-01-02' })).toEqual([expect.stringMatching(/^created: must be a UTC timestamp/)]);
    expect(problemsOf({ ...valid, modified: '2025-01-01T00:00:00.000Z' })).toEqual(['modified: must not be earlier than created']);
  });

  it(`keeps at most ${maxInvestigationNodes} nodes`, () => {
    const many = Array.from({ length: maxInvestigationNodes + 1 }, (_, index) => node(`ipv4-addr--${crypto.randomUUID()}`, index, 0));
    expect(problemsOf({ ...valid, nodes: many })).toEqual([expect.stringMatching(/^nodes: must hold at most 50,000 nodes/)]);
    expect(parseInvestigation({ ...valid, nodes: many.slice(1) }).nodes).toHaveLength(maxInvestigationNodes);
  });

  it('says what it got when it is not an object at all', () => {
    expect(problemsOf(null)).toEqual([expect.stringMatching(/^investigation: /)]);
  });
});

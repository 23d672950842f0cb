import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TLP_ORDER } from '../stix/markings.ts';
import { activeFilterCount, filterFacets, matchesFilters, type FilterableNode } from './filters.ts';
import { noFilters, type GraphFilters } from './types.ts';

function node(overrides: Partial<FilterableNode> = {}): FilterableNode {
  return {
    type: 'indicator',
    labels: [],
    tlp: null,
    confidence: null,
    modified: '2024-03-10T12:00:00.000Z',
    created: '2024-03-01T00:00:00.000Z',
    ...overrides,
  };
}

function filters(overrides: Partial<GraphFilters>): GraphFilters {
  return { ...noFilters, ...overrides };
}

describe('matchesFilters', () => {
  it('lets everything through with no filters', () => {
    expect(matchesFilters(node(), noFilters)).toBe(true);
    expect(matchesFilters(node({ modified: 'not a date', created: null }), noFilters)).toBe(true);
  });

  it('keeps only the listed types', () => {
    const f = filters({ types: ['malware', 'indicator'] });
    expect(matchesFilters(node({ type: 'indicator' }), f)).toBe(true);
    expect(matchesFilters(node({ type: 'campaign' }), f)).toBe(false);
  });

  it("matches unmarked objects with 'none'", () => {
    const f = filters({ tlp: ['none', 'green'] });
    expect(matchesFilters(node({ tlp: null }), f)).toBe(true);
    expect(matchesFilters(node({ tlp: 'green' }), f)).toBe(true);
    expect(matchesFilters(node({ tlp: 'red' }), f)).toBe(false);
    expect(matchesFilters(node({ tlp: null }), filters({ tlp: ['clear'] }))).toBe(false);
  });

  it('keeps nodes carrying any of the labels', () => {
    const f = filters({ labels: ['apt', 'ransomware'] });
    expect(matchesFilters(node({ labels: ['commodity', 'ransomware'] }), f)).toBe(true);
    expect(matchesFilters(node({ labels: ['commodity'] }), f)).toBe(false);
    expect(matchesFilters(node({ labels: [] }), f)).toBe(false);
  });

  it('fails nodes without a confidence only when the minimum is above 0', () => {
    expect(matchesFilters(node({ confidence: null }), filters({ minConfidence: 0 }))).toBe(true);
    expect(matchesFilters(node({ confidence: null }), filters({ minConfidence: 1 }))).toBe(false);
    expect(matchesFilters(node({ confidence: 50 }), filters({ minConfidence: 50 }))).toBe(true);
    expect(matchesFilters(node({ confidence: 49 }), filters({ minConfidence: 50 }))).toBe(false);
    expect(matchesFilters(node({ confidence: 0 }), filters({ minConfidence: 0 }))).toBe(true);
  });

  it('bounds the modified time, with a date-only `to` covering the whole day', () => {
    const late = node({ modified: '2024-03-10T23:59:59.999Z' });
    expect(matchesFilters(late, filters({ to: '2024-03-10' }))).toBe(true);
    expect(matchesFilters(node({ modified: '2024-03-11T00:00:00.000Z' }), filters({ to: '2024-03-10' }))).toBe(false);
    expect(matchesFilters(late, filters({ to: '2024-03-10T12:00:00Z' }))).toBe(false);
    expect(matchesFilters(node({ modified: '2024-03-10T12:00:00Z' }), filters({ to: '2024-03-10T12:00:00Z' }))).toBe(true);
    expect(matchesFilters(node({ modified: '2024-03-10T00:00:00.000Z' }), filters({ from: '2024-03-10' }))).toBe(true);
    expect(matchesFilters(node({ modified: '2024-03-09T23:59:59.999Z' }), filters({ from: '2024-03-10' }))).toBe(false);
    expect(matchesFilters(node(), filters({ from: '2024-03-01', to: '2024-03-31' }))).toBe(true);
  });

  it('reads STIX timestamps with sub-millisecond precision', () => {
    expect(matchesFilters(node({ modified: '2024-03-10T23:59:59.123456Z' }), filters({ to: '2024-03-10' }))).toBe(true);
  });

  it('falls back to created when modified is missing, and fails nodes with no readable time', () => {
    const f = filters({ from: '2024-03-01', to: '2024-03-01' });
    expect(matchesFilters(node({ modified: '', created: '2024-03-01T08:00:00Z' }), f)).toBe(true);
    expect(matchesFilters(node({ modified: '', created: null }), f)).toBe(false);
    expect(matchesFilters(node({ modified: 'garbage' }), f)).toBe(false);
  });

  it('ignores a bound that is not a date rather than hiding everything', () => {
    expect(matchesFilters(node(), filters({ from: 'soon', to: 'later' }))).toBe(true);
  });

  it('requires every filter at once', () => {
    const f = filters({ types: ['malware'], tlp: ['amber'], labels: ['apt'], minConfidence: 60, from: '2024-01-01' });
    const match = node({ type: 'malware', tlp: 'amber', labels: ['apt'], confidence: 80 });
    expect(matchesFilters(match, f)).toBe(true);
    expect(matchesFilters({ ...match, type: 'tool' }, f)).toBe(false);
    expect(matchesFilters({ ...match, tlp: 'red' }, f)).toBe(false);
    expect(matchesFilters({ ...match, labels: [] }, f)).toBe(false);
    expect(matchesFilters({ ...match, confidence: 10 }, f)).toBe(false);
    expect(matchesFilters({ ...match, modified: '2023-12-31T00:00:00Z' }, f)).toBe(false);
  });

  it('only narrows: adding a filter never shows a node the looser filters hid (seeded)', () => {
    const tlpLevel = fc.constantFrom(...TLP_ORDER, null);
    const anyNode = fc.record({
      type: fc.constantFrom('indicator', 'malware', 'tool'),
      labels: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
      tlp: tlpLevel,
      confidence: fc.option(fc.integer({ min: 0, max: 100 })),
      modified: fc.date({ min: new Date('2020-01-01'), max: new Date('2025-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      created: fc.constant(null),
    });
    const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2025-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const anyFilters = fc.record({
      types: fc.subarray(['indicator', 'malware', 'tool']),
      tlp: fc.subarray(['none', ...TLP_ORDER] as const),
      labels: fc.subarray(['a', 'b', 'c']),
      minConfidence: fc.option(fc.integer({ min: 0, max: 100 })),
      from: fc.option(day),
      to: fc.option(day),
    });
    const fields = ['types', 'tlp', 'labels', 'minConfidence', 'from', 'to'] as const;
    fc.assert(
      fc.property(anyNode, anyFilters, fc.constantFrom(...fields), (n, full, dropped) => {
        const looser = { ...full, [dropped]: noFilters[dropped] };
        if (matchesFilters(n, full)) expect(matchesFilters(n, looser)).toBe(true);
      }),
      { seed: 20240310, numRuns: 500 },
    );
  });
});

describe('activeFilterCount', () => {
  it('is 0 for no filters', () => {
    expect(activeFilterCount(noFilters)).toBe(0);
  });

  it('counts each narrowing filter, the date range once', () => {
    expect(activeFilterCount(filters({ types: ['malware'], tlp: ['none'], labels: ['x'], minConfidence: 10, from: '2024-01-01', to: '2024-02-01' }))).toBe(5);
    expect(activeFilterCount(filters({ to: '2024-02-01' }))).toBe(1);
    expect(activeFilterCount(filters({ minConfidence: 0 }))).toBe(0);
  });
});

describe('filterFacets', () => {
  it('counts types, TLP levels and labels, most common first then by value', () => {
    const facets = filterFacets([
      node({ type: 'malware', tlp: 'red', labels: ['apt', 'banker'] }),
      node({ type: 'indicator', labels: ['banker', 'banker'] }),
      node({ type: 'indicator', tlp: 'amber', labels: ['apt'] }),
      node({ type: 'campaign' }),
    ]);
    expect(facets.types).toEqual([
      { value: 'indicator', count: 2 },
      { value: 'campaign', count: 1 },
      { value: 'malware', count: 1 },
    ]);
    expect(facets.tlp).toEqual([
      { value: 'none', count: 2 },
      { value: 'amber', count: 1 },
      { value: 'red', count: 1 },
    ]);
    expect(facets.labels).toEqual([
      { value: 'apt', count: 2 },
      { value: 'banker', count: 2 },
    ]);
  });

  it('is empty for no nodes', () => {
    expect(filterFacets([])).toEqual({ types: [], tlp: [], labels: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { TLP_2 } from '../stix/markings.ts';
import type { JsonObject } from '../stix/index.ts';
import { passesFilter, StreamFilter } from './filter.ts';
import type { ChangeEvent } from './types.ts';

function event(object: JsonObject, op: ChangeEvent['op'] = 'create'): ChangeEvent {
  return { seq: 1, op, at: '2026-01-01T00:00:00.000Z', id: String(object['id']), type: String(object['type']), object };
}

const indicator = { type: 'indicator', id: 'indicator--1', confidence: 80, labels: ['c2'] };
const ip = { type: 'ipv4-addr', id: 'ipv4-addr--1', value: '198.51.100.1' };
const red = { ...ip, id: 'ipv4-addr--2', object_marking_refs: [TLP_2.red.id] };

describe('stream filter', () => {
  it('passes everything up to TLP:AMBER by default, and never TLP:RED, not even its delete', () => {
    const filter = StreamFilter.parse({});
    expect(passesFilter(event(indicator), filter)).toBe(true);
    expect(passesFilter(event(ip), filter)).toBe(true);
    expect(passesFilter(event(red), filter)).toBe(false);
    expect(passesFilter(event(red, 'delete'), filter)).toBe(false);
    expect(passesFilter(event(red), StreamFilter.parse({ maxTlp: 'red' }))).toBe(true);
  });

  it('filters by type, label, confidence and indicators only', () => {
    expect(passesFilter(event(ip), StreamFilter.parse({ types: ['indicator'] }))).toBe(false);
    expect(passesFilter(event(indicator), StreamFilter.parse({ labels: ['c2', 'apt'] }))).toBe(true);
    expect(passesFilter(event(ip), StreamFilter.parse({ labels: ['c2'] }))).toBe(false);
    expect(passesFilter(event(indicator), StreamFilter.parse({ minConfidence: 90 }))).toBe(false);
    expect(passesFilter(event(ip), StreamFilter.parse({ minConfidence: 10 }))).toBe(false);
    expect(passesFilter(event(indicator), StreamFilter.parse({ indicatorsOnly: true }))).toBe(true);
    expect(passesFilter(event(ip), StreamFilter.parse({ indicatorsOnly: true }))).toBe(false);
  });

  it('trusts the feed\'s reading of the TLP, which resolves markings under other ids', () => {
    expect(passesFilter({ ...event(ip), tlp: 'amber+strict' }, StreamFilter.parse({}))).toBe(false);
    expect(passesFilter({ ...event(ip), tlp: 'green' }, StreamFilter.parse({}))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { TLP_1, TLP_2 } from '../../../core/stix/index.ts';
import { convertFeedEvent } from './converter.ts';

const NOW = '2026-01-01T00:00:00.000Z';

function event(tags: { name: string }[]): unknown {
  return {
    Event: {
      uuid: '5d9a3f1c-7b2e-4c8a-9f10-2b3c4d5e6f70',
      info: 'Phishing wave',
      date: '2025-03-01',
      timestamp: '1740800000',
      Orgc: { name: 'Example CERT' },
      Tag: tags,
      Attribute: [{ uuid: '6e0b4a2d-8c3f-4d9b-a021-3c4d5e6f7081', type: 'domain', category: 'Network activity', value: 'login-example.test', to_ids: true, timestamp: '1740800000' }],
    },
  };
}

describe('a feed event to STIX', () => {
  it('marks an event without a TLP tag with the default TLP, on every object it yields', () => {
    const { objects } = convertFeedEvent(event([{ name: 'phishing' }]), { defaultTlp: 'amber', now: NOW });
    const marked = objects.filter((object) => object['type'] !== 'marking-definition' && object['type'] !== 'identity');
    expect(marked.map((object) => object['type']).sort()).toEqual(['domain-name', 'indicator', 'relationship', 'report']);
    for (const object of marked) expect(object['object_marking_refs']).toEqual([TLP_1.amber.id]);
    const report = objects.find((object) => object['type'] === 'report');
    // The default is a marking, not one more label.
    expect(report?.['labels']).toEqual(['phishing']);
  });

  it("keeps the event's own TLP tag over the default", () => {
    const { objects } = convertFeedEvent(event([{ name: 'tlp:clear' }]), { defaultTlp: 'red', now: NOW });
    const report = objects.find((object) => object['type'] === 'report');
    expect(report?.['object_marking_refs']).toEqual([TLP_2.clear.id]);
  });

  it('maps through core/misp: the report keeps the event uuid and the indicator its pattern', () => {
    const { objects } = convertFeedEvent(event([]), { defaultTlp: 'clear', now: NOW });
    expect(objects.find((object) => object['type'] === 'report')?.['id']).toBe('report--5d9a3f1c-7b2e-4c8a-9f10-2b3c4d5e6f70');
    expect(objects.find((object) => object['type'] === 'indicator')?.['pattern']).toBe("[domain-name:value = 'login-example.test']");
  });

  it('throws on a file that holds no event, for the connector to report by name', () => {
    expect(() => convertFeedEvent({ hello: 'world' }, { defaultTlp: 'clear', now: NOW })).toThrow(/not a MISP event/);
  });
});

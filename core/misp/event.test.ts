import { describe, expect, it } from 'vitest';
import { identityId, TLP_1, TLP_2, type JsonObject } from '../stix/index.ts';
import { mispEventToStix } from './index.ts';
import { attribute, EVENT_UUID, mispEvent, NOW, ofType, ORG, problemsOf, tag } from './testdata/events.ts';

function convert(json: unknown): { objects: JsonObject[]; warnings: string[] } {
  const result = mispEventToStix(json, { now: NOW });
  expect(problemsOf(result.objects)).toEqual([]);
  return result;
}

function reportOf(objects: readonly JsonObject[]): JsonObject {
  const [report, ...more] = ofType(objects, 'report');
  expect(more).toEqual([]);
  return report ?? {};
}

describe('the event as a report', () => {
  const json = {
    Event: mispEvent({
      Tag: [tag('tlp:green'), tag('type:OSINT'), tag('misp-galaxy:threat-actor="Sofacy"')],
      Attribute: [
        attribute('domain', 'evil.example'),
        attribute('link', 'https://blog.example/post', { category: 'External analysis', to_ids: false }),
      ],
    }),
  };

  it('carries the title, publication time, author and MISP reference', () => {
    const { objects } = convert(json);
    const report = reportOf(objects);
    expect(report).toMatchObject({
      id: `report--${EVENT_UUID}`,
      name: 'Test event',
      description: 'Threat level: high. Analysis: completed.',
      report_types: ['threat-report'],
      published: '2024-03-01T13:00:00.000Z',
      created: '2024-03-01T00:00:00.000Z',
      modified: '2024-03-01T12:00:00.000Z',
      created_by_ref: identityId(ORG.name, 'organization'),
      external_references: [
        { source_name: 'MISP', external_id: EVENT_UUID },
        { source_name: 'External analysis', url: 'https://blog.example/post' },
      ],
    });
    expect(ofType(objects, 'identity')).toEqual([expect.objectContaining({ name: 'ACME CERT', identity_class: 'organization' })]);
  });

  it('labels it with the tags that are neither TLP nor galaxy tags', () => {
    expect(reportOf(convert(json).objects)['labels']).toEqual(['type:OSINT']);
  });

  it('refers to everything made from the event, and to nothing else', () => {
    const { objects } = convert(json);
    const made = objects.filter((object) => !['report', 'marking-definition'].includes(object['type'] as string)).map((object) => object['id']);
    expect(new Set(reportOf(objects)['object_refs'] as string[])).toEqual(new Set(made));
    expect(ofType(objects, 'intrusion-set').map((set) => set['name'])).toEqual(['Sofacy']);
  });

  it('is published on its date when MISP never published it', () => {
    const { objects } = convert({ Event: mispEvent({ publish_timestamp: '0', Attribute: [attribute('domain', 'evil.example')] }) });
    expect(reportOf(objects)['published']).toBe('2024-03-01T00:00:00.000Z');
  });

  it('uses the caller’s clock only when the event carries no time at all', () => {
    const { objects } = convert({ Event: mispEvent({ date: undefined, timestamp: undefined, publish_timestamp: undefined, Attribute: [attribute('domain', 'evil.example', { timestamp: undefined })] }) });
    expect(reportOf(objects)).toMatchObject({ created: NOW, modified: NOW, published: NOW });
    expect(ofType(objects, 'indicator')[0]).toMatchObject({ created: NOW, valid_from: NOW });
  });

  it('gives the same ids when converted again', () => {
    const ids = (result: { objects: JsonObject[] }) => result.objects.map((object) => object['id']).sort();
    expect(ids(convert(json))).toEqual(ids(convert(structuredClone(json))));
  });

  it('keeps an event whose uuid is not an RFC 4122 one, with a derived id', () => {
    const { objects } = convert({ Event: mispEvent({ uuid: 'not-a-uuid', Attribute: [attribute('domain', 'evil.example')] }) });
    expect(reportOf(objects)['id']).toMatch(/^report--[0-9a-f-]{36}$/);
  });

  it('reports an event with nothing in it instead of making an empty report', () => {
    const result = mispEventToStix({ Event: mispEvent({ Orgc: undefined }) }, { now: NOW });
    expect(result.objects).toEqual([]);
    expect(result.warnings).toEqual(['Skipped the event "Test event": it holds nothing to import.']);
  });
});

describe('TLP', () => {
  it.each([
    ['tlp:white', TLP_1.white], ['tlp:clear', TLP_2.clear], ['tlp:green', TLP_1.green], ['TLP:AMBER', TLP_1.amber],
    ['tlp:amber+strict', TLP_2['amber+strict']], ['tlp:red', TLP_1.red],
  ])('%s marks every object made from the event, and comes with its definition', (name, marking) => {
    const { objects } = convert({ Event: mispEvent({ Tag: [tag(name)], Attribute: [attribute('ip-dst', '198.51.100.7')] }) });
    for (const object of objects) {
      if (object['type'] === 'marking-definition' || object['type'] === 'identity') continue;
      expect(object['object_marking_refs'], String(object['id'])).toEqual([marking.id]);
    }
    expect(ofType(objects, 'marking-definition')).toEqual([marking]);
  });

  it('is overridden by an attribute TLP tag, for what is made from that attribute', () => {
    const { objects } = convert({
      Event: mispEvent({
        Tag: [tag('tlp:green')],
        Attribute: [attribute('ip-dst', '198.51.100.7', { Tag: [tag('tlp:red')] }), attribute('domain', 'evil.example')],
      }),
    });
    const markingOf = (type: string) => ofType(objects, type).map((object) => object['object_marking_refs']);
    expect(markingOf('ipv4-addr')).toEqual([[TLP_1.red.id]]);
    expect(markingOf('domain-name')).toEqual([[TLP_1.green.id]]);
    expect(markingOf('report')).toEqual([[TLP_1.green.id]]);
  });

  it('takes the strictest of several TLP tags', () => {
    const { objects } = convert({ Event: mispEvent({ Tag: [tag('tlp:amber'), tag('tlp:clear')], Attribute: [attribute('domain', 'evil.example')] }) });
    expect(reportOf(objects)['object_marking_refs']).toEqual([TLP_1.amber.id]);
  });

  it('leaves objects unmarked when the event has no TLP tag (distribution is not a marking)', () => {
    const { objects } = convert({ Event: mispEvent({ distribution: '3', Attribute: [attribute('domain', 'evil.example')] }) });
    expect(objects.filter((object) => object['object_marking_refs'] !== undefined)).toEqual([]);
  });
});

describe('what is deliberately not imported', () => {
  it('counts sightings and proposals (shadow attributes), and skips deleted attributes', () => {
    const proposal = attribute('domain', 'proposed.example');
    const { objects, warnings } = convert({
      Event: mispEvent({
        ShadowAttribute: [proposal],
        Attribute: [
          attribute('domain', 'seen.example', { Sighting: [{ type: '0' }, { type: '0' }], ShadowAttribute: [proposal] }),
          attribute('domain', 'deleted.example', { deleted: true }),
        ],
      }),
    });
    expect(ofType(objects, 'domain-name').map((domain) => domain['value'])).toEqual(['seen.example']);
    expect(warnings).toEqual([
      'Skipped 1 deleted attribute(s).',
      'Not imported: 2 proposal(s) (shadow attributes): they are suggestions nobody has accepted yet.',
      'Not imported: 2 sighting(s).',
    ]);
  });

  it('counts attributes it cannot read', () => {
    const { warnings } = convert({ Event: mispEvent({ Attribute: [attribute('domain', 'ok.example'), { type: 'domain' }, 'junk'] }) });
    expect(warnings).toEqual(['Skipped 2 attribute(s) without a type or value.']);
  });
});

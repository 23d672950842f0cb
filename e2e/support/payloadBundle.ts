/**
 * A STIX bundle whose every string field carries an XSS and layout payload corpus (issue
 * 15: OpenCTI had an XSS through shared STIX content). Each script payload sets
 * `window.__pwned`, so a test can tell whether any of it ran.
 */
import type { JsonObject } from '../../core/stix/model/properties.ts';

export const PWNED = '__pwned';

const js = `window.${PWNED}=1`;
/** Short payloads, in every string field. */
export const corpus = [
  `<script>${js}</script>`,
  `<img src=x onerror="${js}">`,
  `<svg onload="${js}"></svg>`,
  `[js link](javascript:${js})`,
  `[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![img](https://evil.example/pixel.png)`,
  `(Citation: Evil Ref)`,
  `&lt;script&gt;${js}&lt;/script&gt; &#60;img src=x onerror=${js}&#62; &amp;`,
  '\u202Eexe.gnp\u202C right-to-left override',
].join(' ');

/** 100 KB without a space: must wrap or truncate, never widen the page. */
export const longString = 'W'.repeat(100 * 1024);

const text = (marker: string) => `${marker} ${corpus}`;
const at = '2025-01-01T00:00:00.000Z';
const id = (type: string, n: number) => `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const payloadIds = {
  intrusionSet: id('intrusion-set', 1),
  malware: id('malware', 2),
  attackPattern: id('attack-pattern', 3),
  report: id('report', 4),
  indicator: id('indicator', 5),
  sector: id('identity', 6),
  country: id('location', 7),
  sighting: id('sighting', 8),
};

function common(type: string, n: number, marker: string): JsonObject {
  return {
    type, spec_version: '2.1', id: id(type, n), created: at, modified: at,
    labels: [text('label'), longString], description: `${text(marker)} ${longString}`,
    external_references: [
      { source_name: 'Evil Ref', url: `javascript:${js}`, description: text('ref'), external_id: text('ext') },
      { source_name: text('source'), url: 'data:text/html,<script>alert(1)</script>', description: longString },
      { source_name: 'remote', url: 'https://evil.example/report', description: text('remote') },
    ],
    x_payload: text('custom'),
    x_payload_long: longString,
  };
}

export function payloadBundle(): JsonObject {
  const ids = payloadIds;
  const rel = (n: number, type: string, source: string, target: string): JsonObject => ({
    type: 'relationship', spec_version: '2.1', id: id('relationship', n), created: at, modified: at,
    relationship_type: type, source_ref: source, target_ref: target, description: text('relationship'),
  });
  const objects: JsonObject[] = [
    { ...common('intrusion-set', 1, 'set'), name: `Evil set ${corpus} ${longString}`, aliases: [text('alias'), longString] },
    { ...common('malware', 2, 'malware'), name: `Evil malware ${corpus}`, is_family: true, malware_types: [text('type')], kill_chain_phases: [{ kill_chain_name: text('chain'), phase_name: text('phase') }] },
    { ...common('attack-pattern', 3, 'technique'), name: `Evil technique ${corpus}`, kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: text('phase') }] },
    { ...common('report', 4, 'report'), name: `Evil report ${corpus} ${longString}`, published: at, object_refs: [ids.intrusionSet, ids.malware, ids.attackPattern, ids.indicator, id('relationship', 20)] },
    { ...common('indicator', 5, 'indicator'), name: `Evil indicator ${corpus}`, pattern: "[domain-name:value = 'evil.example']", pattern_type: 'stix', valid_from: at, valid_until: '2025-02-01T00:00:00.000Z' },
    { ...common('identity', 6, 'sector'), name: `Evil sector ${corpus}`, identity_class: 'class' },
    { ...common('location', 7, 'country'), name: `Evil country ${corpus}`, country: 'ZZ' },
    { type: 'sighting', spec_version: '2.1', id: ids.sighting, created: at, modified: at, sighting_of_ref: ids.malware, last_seen: at, description: text('sighting') },
    rel(20, 'uses', ids.intrusionSet, ids.malware),
    rel(21, 'uses', ids.intrusionSet, ids.attackPattern),
    rel(22, 'targets', ids.intrusionSet, ids.sector),
    rel(23, 'targets', ids.intrusionSet, ids.country),
    rel(24, 'indicates', ids.indicator, ids.malware),
    // Invalid (created after modified): quarantined, so the quarantine shows the corpus too.
    { ...common('malware', 30, 'quarantined'), name: `Quarantined ${corpus}`, is_family: true, modified: '2020-01-01T00:00:00.000Z' },
  ];
  return { type: 'bundle', id: 'bundle--00000000-0000-4000-8000-0000000000ff', objects };
}

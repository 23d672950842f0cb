/** A small, valid STIX 2.1 graph written for the knowledge-base tests. */
import type { JsonObject } from '../../../../core/stix/model/properties.ts';

const created = '2024-03-01T10:00:00.000Z';
export const ids = {
  identity: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff',
  tlpGreen: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  tlpRed: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
  malware: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
  indicator: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  indicates: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad',
  ip: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd',
  report: 'report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3',
  attackPattern: 'attack-pattern--7e33a43e-e34b-40ec-89da-36c9bb2cacd5',
  subTechnique: 'attack-pattern--970a3432-3237-47ad-bcca-7d8cbb217736',
  uses: 'relationship--0b8ba2b8-0e1e-4b8b-9d4a-1f0f4b4e8a11',
} as const;

export function sampleObjects(): JsonObject[] {
  return [
    { type: 'identity', spec_version: '2.1', id: ids.identity, created, modified: created, name: 'ACME CERT', identity_class: 'organization' },
    {
      type: 'malware', spec_version: '2.1', id: ids.malware, created, modified: created, name: 'PlugX', is_family: true,
      aliases: ['Korplug', 'Sogu'], labels: ['rat'], created_by_ref: ids.identity, object_marking_refs: [ids.tlpGreen],
    },
    {
      type: 'indicator', spec_version: '2.1', id: ids.indicator, created, modified: created, name: 'PlugX C2',
      pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: created, created_by_ref: ids.identity,
      object_marking_refs: [ids.tlpRed],
    },
    {
      type: 'relationship', spec_version: '2.1', id: ids.indicates, created, modified: created, relationship_type: 'indicates',
      source_ref: ids.indicator, target_ref: ids.malware, created_by_ref: ids.identity,
    },
    { type: 'ipv4-addr', spec_version: '2.1', id: ids.ip, value: '198.51.100.7' },
    {
      type: 'attack-pattern', spec_version: '2.1', id: ids.attackPattern, created, modified: created, name: 'Command and Scripting Interpreter',
      external_references: [{ source_name: 'mitre-attack', external_id: 'T1059', url: 'https://attack.mitre.org/techniques/T1059' }],
    },
    {
      type: 'attack-pattern', spec_version: '2.1', id: ids.subTechnique, created, modified: created, name: 'PowerShell',
      external_references: [{ source_name: 'mitre-attack', external_id: 'T1059.001', url: 'https://attack.mitre.org/techniques/T1059/001' }],
    },
    {
      type: 'relationship', spec_version: '2.1', id: ids.uses, created, modified: created, relationship_type: 'uses',
      source_ref: ids.malware, target_ref: ids.subTechnique,
    },
    {
      type: 'report', spec_version: '2.1', id: ids.report, created, modified: created, name: 'PlugX campaign against ACME',
      published: created, object_refs: [ids.malware, ids.indicator, ids.indicates, ids.ip], created_by_ref: ids.identity,
      description: 'The actor used **PlugX** over `198.51.100.7`.',
    },
  ];
}

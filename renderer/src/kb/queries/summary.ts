/** The small row the UI lists and the graph draws: enough to show an object without loading it. */
import { entityKind, type EntityKind } from '../../../../core/knowledge/entityKind.ts';
import { displayName } from '../../../../core/knowledge/objectFacts.ts';
import { tlpOf, type TlpLevel } from '../../../../core/stix/markings.ts';
import type { StoredObject } from '../records.ts';

export interface ObjectSummary {
  id: string;
  type: string;
  /** For identities and locations: sector, organization, country… (shown in place of the type). */
  kind?: EntityKind;
  name: string;
  modified: string;
  created: string | null;
  labels: string[];
  tlp: TlpLevel | null;
  markings: string[];
  createdBy: string | null;
  confidence: number | null;
  revoked: boolean;
  sources: string[];
  /** For containers (issue 15: the Reports list's columns): when published, how many objects they hold. */
  published?: string;
  contents?: number;
  /** For relationships and sightings: the two ends and the verb. */
  relationship?: { type: string; source: string; target: string };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function summarize(record: StoredObject): ObjectSummary {
  const { stix } = record;
  const summary: ObjectSummary = {
    id: record.id,
    type: record.type,
    name: displayName(stix),
    modified: record.modified,
    created: typeof stix['created'] === 'string' ? stix['created'] : null,
    labels: record.labels,
    tlp: tlpOf(stix) ?? null,
    markings: stringList(stix['object_marking_refs']),
    createdBy: typeof stix['created_by_ref'] === 'string' ? stix['created_by_ref'] : null,
    confidence: typeof stix['confidence'] === 'number' ? stix['confidence'] : null,
    revoked: stix['revoked'] === true,
    sources: record.sources,
  };
  const kind = entityKind(stix);
  if (kind) summary.kind = kind;
  if (typeof stix['published'] === 'string') summary.published = stix['published'];
  if (Array.isArray(stix['object_refs'])) summary.contents = stringList(stix['object_refs']).length;
  if (record.type === 'relationship' && typeof stix['source_ref'] === 'string' && typeof stix['target_ref'] === 'string') {
    summary.relationship = { type: String(stix['relationship_type']), source: stix['source_ref'], target: stix['target_ref'] };
  } else if (record.type === 'sighting' && typeof stix['sighting_of_ref'] === 'string') {
    const where = stringList(stix['where_sighted_refs'])[0] ?? stringList(stix['observed_data_refs'])[0] ?? '';
    summary.relationship = { type: 'sighting-of', source: where, target: stix['sighting_of_ref'] };
  }
  return summary;
}

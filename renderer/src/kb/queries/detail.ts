/** Everything the detail view shows about one object: itself, its edges both ways, and where it came from. */
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { SourceRecord, StoredObject } from '../records.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { neighbours, type GraphEdge } from './graph.ts';
import { summarize, type ObjectSummary } from './summary.ts';

export interface ObjectDetail {
  summary: ObjectSummary;
  stix: JsonObject;
  firstSeen: string;
  updatedAt: string;
  sources: SourceRecord[];
  /** Neighbours one step away, with the edges that connect them. */
  related: { edges: GraphEdge[]; nodes: ObjectSummary[]; truncated: boolean };
}

export async function getObject(db: KbDatabase, id: string): Promise<ObjectDetail | null> {
  const record: StoredObject | undefined = await db.objects.get(id);
  if (!record) return null;
  const [sources, related] = await Promise.all([
    db.sources.bulkGet(record.sources),
    neighbours(db, { ids: [id], depth: 1, limit: 500 }),
  ]);
  return {
    summary: summarize(record),
    stix: record.stix,
    firstSeen: record.firstSeen,
    updatedAt: record.updatedAt,
    sources: sources.filter((source): source is SourceRecord => source !== undefined),
    related: { edges: related.edges, nodes: related.nodes.filter((node) => node.id !== id), truncated: related.truncated },
  };
}

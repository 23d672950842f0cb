import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest } from '../ingest.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';
import { neighbourCounts, neighbours, subgraph } from './graph.ts';

const created = '2024-03-02T10:00:00.000Z';
const more = {
  actor: 'threat-actor--5d2b4c1a-7e3f-4a9b-8c6d-1e2f3a4b5c6d',
  actorUses: 'relationship--6e3c5d2b-8f4a-4b0c-9d7e-2f3a4b5c6d7e',
  note: 'note--7f4d6e3c-9a5b-4c1d-8e8f-3a4b5c6d7e8f',
  sighting: 'sighting--8a5e7f4d-0b6c-4d2e-9f9a-4b5c6d7e8f9a',
} as const;

/** The sample graph, plus a threat actor using the malware, a note on it and a sighting of the indicator. */
function graphObjects(): JsonObject[] {
  return [
    ...sampleObjects(),
    { type: 'threat-actor', spec_version: '2.1', id: more.actor, created, modified: created, name: 'APT Example' },
    { type: 'relationship', spec_version: '2.1', id: more.actorUses, created, modified: created, relationship_type: 'uses', source_ref: more.actor, target_ref: ids.malware },
    { type: 'note', spec_version: '2.1', id: more.note, created, modified: created, content: 'Seen again in March.', object_refs: [ids.malware] },
    { type: 'sighting', spec_version: '2.1', id: more.sighting, created, modified: created, sighting_of_ref: ids.indicator, where_sighted_refs: [ids.identity] },
  ];
}

let db: KbDatabase;
beforeAll(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-graph-${crypto.randomUUID()}`));
  await ingest(db, graphObjects().map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:graph', kind: 'file', name: 'graph.json' });
});
afterAll(async () => {
  await db.delete();
});

const sorted = (values: readonly string[]) => [...values].sort();

describe('neighbours as the graph expands them', () => {
  it('follows only the asked relationship types', async () => {
    const slice = await neighbours(db, { ids: [ids.malware], relationshipTypes: ['uses'], followReferences: false });
    expect(sorted(slice.nodes.map((node) => node.id))).toEqual(sorted([ids.malware, ids.subTechnique, more.actor]));
    expect(sorted(slice.edges.map((edge) => edge.id))).toEqual(sorted([ids.uses, more.actorUses]));
  });

  it('keeps only the asked target types, with only the edges to them', async () => {
    const slice = await neighbours(db, { ids: [ids.malware], types: ['threat-actor', 'indicator'] });
    expect(sorted(slice.nodes.map((node) => node.id))).toEqual(sorted([ids.malware, ids.indicator, more.actor]));
    expect(sorted(slice.edges.map((edge) => edge.label))).toEqual(['indicates', 'uses']);
  });

  it('stops at the limit and says so only when something was left out', async () => {
    const capped = await neighbours(db, { ids: [ids.malware], limit: 3 });
    expect(capped.nodes).toHaveLength(3);
    expect(capped.truncated).toBe(true);
    expect(capped.edges.every((edge) => capped.nodes.some((node) => node.id === edge.source) && capped.nodes.some((node) => node.id === edge.target))).toBe(true);
    const exact = await neighbours(db, { ids: [ids.malware], limit: 6 });
    expect(exact.nodes).toHaveLength(6);
    expect(exact.truncated).toBe(false);
  });
});

describe('subgraph', () => {
  it('returns the objects that exist and every edge among them, as neighbours draws them', async () => {
    const members = [ids.malware, ids.indicator, ids.subTechnique, ids.report, ids.identity, 'malware--00000000-0000-4000-8000-000000000000'];
    const slice = await subgraph(db, members);
    expect(sorted(slice.nodes.map((node) => node.id))).toEqual(sorted(members.slice(0, 5)));
    expect(slice.truncated).toBe(false);
    expect(sorted(slice.edges.map((edge) => edge.id))).toEqual(sorted([
      ids.indicates, ids.uses, more.sighting,
      `ref:${ids.report}:object_refs:${ids.malware}`, `ref:${ids.report}:object_refs:${ids.indicator}`,
    ]));
    expect(slice.edges.find((edge) => edge.id === more.sighting)).toEqual({ id: more.sighting, source: ids.identity, target: ids.indicator, label: 'sighting-of', kind: 'relationship' });

    const expanded = await neighbours(db, { ids: [ids.malware] });
    const expandedEdges = new Map(expanded.edges.map((edge) => [edge.id, edge]));
    for (const edge of slice.edges.filter((candidate) => expandedEdges.has(candidate.id))) expect(edge).toEqual(expandedEdges.get(edge.id));
  });

  it('is empty for nothing, and draws no edge to an object outside the set', async () => {
    expect(await subgraph(db, [])).toEqual({ nodes: [], edges: [], truncated: false });
    expect((await subgraph(db, [ids.malware, more.actor, ids.ip])).edges.map((edge) => edge.id)).toEqual([more.actorUses]);
  });
});

describe('neighbourCounts', () => {
  it('counts the distinct neighbours one step out, by relationship and by type, most first', async () => {
    expect(await neighbourCounts(db, { ids: [ids.malware] })).toEqual({
      total: 5,
      byRelationship: [{ type: 'object_refs', count: 2 }, { type: 'uses', count: 2 }, { type: 'indicates', count: 1 }],
      byType: [{ type: 'attack-pattern', count: 1 }, { type: 'indicator', count: 1 }, { type: 'note', count: 1 }, { type: 'report', count: 1 }, { type: 'threat-actor', count: 1 }],
    });
  });

  it('leaves out what is already on the graph', async () => {
    const counts = await neighbourCounts(db, { ids: [ids.malware], exclude: [ids.indicator, ids.report] });
    expect(counts.total).toBe(3);
    expect(counts.byRelationship).toEqual([{ type: 'uses', count: 2 }, { type: 'object_refs', count: 1 }]);
  });

  it('counts a container’s contents and a sighting’s ends', async () => {
    expect(await neighbourCounts(db, { ids: [ids.report] })).toEqual({
      total: 4,
      byRelationship: [{ type: 'object_refs', count: 4 }],
      byType: [{ type: 'indicator', count: 1 }, { type: 'ipv4-addr', count: 1 }, { type: 'malware', count: 1 }, { type: 'relationship', count: 1 }],
    });
    expect((await neighbourCounts(db, { ids: [ids.indicator] })).byRelationship).toEqual([
      { type: 'indicates', count: 1 }, { type: 'object_refs', count: 1 }, { type: 'sighting-of', count: 1 },
    ]);
  });

  it('agrees with what neighbours would add', async () => {
    for (const start of [[ids.malware], [ids.indicator], [ids.report], [ids.identity], [ids.malware, ids.indicator], [more.sighting]]) {
      const slice = await neighbours(db, { ids: start });
      expect((await neighbourCounts(db, { ids: start })).total, start.join()).toBe(slice.nodes.length - start.length);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphSlice } from '../kb/queries/graph.ts';
import type { ObjectSummary } from '../kb/queries/summary.ts';
import { addSlice, collapsible, emptyModel, freshen, fromSaved, movePositions, removeNodes, setHidden, setPinned, toInvestigationNodes, withoutAbsent } from './graphModel.ts';

function summary(id: string, name = id): ObjectSummary {
  return { id, type: id.split('--')[0] ?? 'x', name, modified: '2024-01-01T00:00:00.000Z', created: null, labels: [], tlp: null, markings: [], createdBy: null, confidence: null, revoked: false, sources: [] };
}

function edge(source: string, target: string, label = 'uses'): GraphEdge {
  return { id: `relationship--${source}-${target}`, source, target, label, kind: 'relationship' };
}

const actor = 'intrusion-set--a';
const tools = ['tool--1', 'tool--2', 'tool--3'];
const shared = 'attack-pattern--s';

function slice(ids: string[], edges: GraphEdge[]): GraphSlice {
  return { nodes: ids.map((id) => summary(id)), edges, truncated: false };
}

describe('the graph model', () => {
  it('places expanded nodes around the node they came from and keeps existing positions', () => {
    const start = addSlice(emptyModel, slice([actor], []));
    const moved = movePositions(start, new Map([[actor, { x: 500, y: 500 }]]));
    const grown = addSlice(moved, slice([actor, ...tools], tools.map((tool) => edge(actor, tool))), [actor]);
    expect(grown.nodes.get(actor)).toMatchObject({ x: 500, y: 500 });
    for (const tool of tools) {
      const node = grown.nodes.get(tool);
      expect(node).toBeDefined();
      const distance = Math.hypot((node?.x ?? 0) - 500, (node?.y ?? 0) - 500);
      expect(distance).toBeGreaterThan(50);
      expect(distance).toBeLessThan(300);
    }
    expect(grown.edges.size).toBe(3);
  });

  it('never keeps an edge whose end is not on the graph', () => {
    const model = addSlice(emptyModel, slice([actor], [edge(actor, 'tool--absent')]));
    expect(model.edges.size).toBe(0);
    const removed = removeNodes(addSlice(model, slice([actor, ...tools], tools.map((tool) => edge(actor, tool)))), ['tool--1']);
    expect([...removed.edges.values()].some((entry) => entry.target === 'tool--1')).toBe(false);
  });

  it('collapses only the neighbours that hang from the node alone, and never pinned ones', () => {
    let model = addSlice(emptyModel, slice([actor, ...tools, shared, 'intrusion-set--b'], [...tools.map((tool) => edge(actor, tool)), edge(actor, shared), edge('intrusion-set--b', shared)]));
    expect(collapsible(model, actor).sort()).toEqual([...tools].sort());
    model = setPinned(model, ['tool--2'], true);
    expect(collapsible(model, actor).sort()).toEqual(['tool--1', 'tool--3']);
  });

  it('leaves pinned nodes where they are when a layout moves everything', () => {
    const model = setPinned(addSlice(emptyModel, slice(tools, [])), ['tool--1'], true);
    const before = model.nodes.get('tool--1');
    const laidOut = movePositions(model, new Map(tools.map((id) => [id, { x: 999, y: 999 }])));
    expect(laidOut.nodes.get('tool--1')).toBe(before);
    expect(laidOut.nodes.get('tool--2')).toMatchObject({ x: 999, y: 999 });
    // Dragging a pinned node moves it.
    expect(movePositions(model, new Map([['tool--1', { x: 1, y: 2 }]]), true).nodes.get('tool--1')).toMatchObject({ x: 1, y: 2 });
  });

  it('returns the same model when an edit changes nothing, so history records no empty step', () => {
    const model = addSlice(emptyModel, slice(tools, []));
    expect(setHidden(model, ['tool--absent'], true)).toBe(model);
    expect(removeNodes(model, ['tool--absent'])).toBe(model);
    expect(setPinned(model, tools, false)).toBe(model);
  });

  it('saves and reopens to the same nodes, positions, flags and edges, dropping objects deleted since', () => {
    let model = addSlice(emptyModel, slice([actor, ...tools], tools.map((tool) => edge(actor, tool))));
    model = setHidden(setPinned(model, ['tool--1'], true), ['tool--2'], true);
    const saved = toInvestigationNodes(model);
    const reopened = fromSaved(saved, slice([actor, 'tool--1', 'tool--2'], tools.map((tool) => edge(actor, tool))));
    expect(toInvestigationNodes(reopened)).toEqual(saved.filter((node) => node.id !== 'tool--3'));
    expect(reopened.edges.size).toBe(2);
  });

  it('draws without what the knowledge base no longer holds, and keeps it in the model for a restore', () => {
    const model = addSlice(emptyModel, slice([actor, ...tools], tools.map((tool) => edge(actor, tool))));
    const drawn = withoutAbsent(model, new Set(['tool--1', edge(actor, 'tool--2').id]));
    expect([...drawn.nodes.keys()].sort()).toEqual([actor, 'tool--2', 'tool--3'].sort());
    // The deleted node's edge and the deleted relationship go; the other edge stays.
    expect([...drawn.edges.keys()]).toEqual([edge(actor, 'tool--3').id]);
    expect(model.nodes.size).toBe(4);
    expect(withoutAbsent(model, new Set())).toBe(model);
  });

  it('takes fresher names and new relationships from a read of the drawn nodes, and nothing else', () => {
    const model = movePositions(addSlice(emptyModel, slice([actor, ...tools], [edge(actor, 'tool--1')])), new Map([['tool--1', { x: 7, y: 9 }]]));
    expect(freshen(model, slice([actor, ...tools], [edge(actor, 'tool--1')]))).toBe(model);
    const renamed = freshen(model, {
      nodes: [summary(actor), summary('tool--1', 'Mimikatz'), summary('tool--2'), summary('tool--3'), summary('tool--new')],
      edges: [edge(actor, 'tool--1'), edge(actor, 'tool--2'), edge('tool--new', actor)],
      truncated: false,
    });
    expect(renamed.nodes.get('tool--1')).toMatchObject({ x: 7, y: 9, summary: { name: 'Mimikatz' } });
    // A relationship made elsewhere between drawn nodes appears; a node that was not drawn does not.
    expect(renamed.edges.has(edge(actor, 'tool--2').id)).toBe(true);
    expect(renamed.nodes.has('tool--new')).toBe(false);
    expect(renamed.edges.has(edge('tool--new', actor).id)).toBe(false);
  });
});

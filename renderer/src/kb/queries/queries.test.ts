import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateObject } from '../../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { deleteObjects, undoSource } from '../deletion.ts';
import { exportBundle } from '../exportBundle.ts';
import { ingest, type IngestSource } from '../ingest.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';
import { getObject } from './detail.ts';
import { closure, neighbours } from './graph.ts';
import { listObjects } from './listObjects.ts';
import { search } from './search.ts';
import { stats } from './stats.ts';

let db: KbDatabase;
const source: IngestSource = { id: 'file:sample', kind: 'file', name: 'sample.json' };

async function load(objects = sampleObjects(), from = source) {
  await ingest(db, objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), from);
}

beforeAll(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-queries-${crypto.randomUUID()}`));
  await load();
});
afterAll(async () => {
  await db.delete();
});

describe('search', () => {
  it('puts the exact external id first, then its sub-techniques', async () => {
    const hits = await search(db, { query: 'T1059' });
    expect(hits.map((hit) => hit.name)).toEqual(['Command and Scripting Interpreter', 'PowerShell']);
  });

  it('finds by alias, by value and by word prefix, and several words narrow it', async () => {
    expect((await search(db, { query: 'korplug' })).map((hit) => hit.id)).toEqual([ids.malware]);
    expect((await search(db, { query: '198.51.100' }))[0]?.id).toBe(ids.ip);
    expect((await search(db, { query: 'plug' })).map((hit) => hit.id)).toEqual(expect.arrayContaining([ids.malware, ids.indicator, ids.report]));
    expect((await search(db, { query: 'plugx acme' })).map((hit) => hit.id)).toEqual([ids.report]);
  });

  it('searches descriptions too, ranked after names', async () => {
    const hits = await search(db, { query: 'actor used' });
    expect(hits.map((hit) => hit.id)).toEqual([ids.report]);
  });

  it('filters by type and returns nothing for an empty query', async () => {
    expect((await search(db, { query: 'plugx', types: ['indicator'] })).map((hit) => hit.id)).toEqual([ids.indicator]);
    expect(await search(db, { query: '   ' })).toEqual([]);
  });
});

describe('listObjects', () => {
  it('lists a type by name, paged, with the total', async () => {
    const page = await listObjects(db, { types: ['attack-pattern'], limit: 1 });
    expect(page.total).toBe(2);
    expect(page.rows.map((row) => row.name)).toEqual(['Command and Scripting Interpreter']);
    const next = await listObjects(db, { types: ['attack-pattern'], offset: 1, limit: 1 });
    expect(next.rows.map((row) => row.name)).toEqual(['PowerShell']);
  });

  it('lists several types by name across them, page after page, in both directions', async () => {
    const types = ['attack-pattern', 'malware', 'identity', 'report'];
    const first = await listObjects(db, { types, limit: 3 });
    expect(first.total).toBe(5);
    expect(first.rows.map((row) => row.name)).toEqual(['ACME CERT', 'Command and Scripting Interpreter', 'PlugX']);
    const second = await listObjects(db, { types, offset: 3, limit: 3 });
    expect(second.rows.map((row) => row.name)).toEqual(['PlugX campaign against ACME', 'PowerShell']);
    const reversed = await listObjects(db, { types, direction: 'desc', limit: 2 });
    expect(reversed.rows.map((row) => row.name)).toEqual(['PowerShell', 'PlugX campaign against ACME']);
    expect((await listObjects(db, { types: ['relationship', 'malware'], sort: 'modified' })).total).toBe(3);
  });

  it('filters by TLP, label, creator, source and date', async () => {
    const types = ['malware', 'indicator', 'report'];
    expect((await listObjects(db, { types, maxTlp: 'green' })).rows.map((row) => row.id).sort()).toEqual([ids.malware, ids.report].sort());
    expect((await listObjects(db, { types, labels: ['rat'] })).rows.map((row) => row.id)).toEqual([ids.malware]);
    expect((await listObjects(db, { types, createdBy: ids.identity })).total).toBe(3);
    expect((await listObjects(db, { types, source: 'file:other' })).total).toBe(0);
    expect((await listObjects(db, { types, modifiedFrom: '2025-01-01T00:00:00Z' })).total).toBe(0);
    expect((await listObjects(db, { types: ['indicator'], markingRefs: ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'] })).total).toBe(1);
  });

  it('shows the TLP of each row', async () => {
    const rows = (await listObjects(db, { types: ['indicator', 'malware'] })).rows;
    expect(Object.fromEntries(rows.map((row) => [row.id, row.tlp]))).toEqual({ [ids.indicator]: 'red', [ids.malware]: 'green' });
  });
});

describe('graph queries', () => {
  it('finds neighbours in both directions through relationships and references', async () => {
    const slice = await neighbours(db, { ids: [ids.malware], depth: 1 });
    expect(slice.nodes.map((node) => node.id).sort()).toEqual([ids.malware, ids.indicator, ids.subTechnique, ids.report].sort());
    expect(slice.edges.map((edge) => edge.label).sort()).toEqual(['indicates', 'object_refs', 'uses']);
  });

  it('goes further with depth and keeps only the asked types', async () => {
    const deeper = await neighbours(db, { ids: [ids.indicator], depth: 2, types: ['malware', 'attack-pattern'] });
    expect(deeper.nodes.map((node) => node.id).sort()).toEqual([ids.indicator, ids.malware, ids.subTechnique].sort());
  });

  it('stops at the limit and says so', async () => {
    const capped = await neighbours(db, { ids: [ids.report], depth: 2, limit: 3 });
    expect(capped.nodes).toHaveLength(3);
    expect(capped.truncated).toBe(true);
  });

  it('closes a selection over markings, creators and relationship ends', async () => {
    const needed = await closure(db, [ids.indicates]);
    expect(needed.sort()).toEqual([ids.indicates, ids.indicator, ids.malware, ids.identity].sort());
    const withRelationships = await closure(db, [ids.subTechnique], { relationshipDepth: 1 });
    expect(withRelationships).toEqual(expect.arrayContaining([ids.uses, ids.malware]));
  });
});

describe('detail and statistics', () => {
  it('returns an object with its relationships and provenance', async () => {
    const detail = await getObject(db, ids.malware);
    expect(detail?.summary).toMatchObject({ name: 'PlugX', tlp: 'green', createdBy: ids.identity });
    expect(detail?.sources.map((entry) => entry.name)).toEqual(['sample.json']);
    expect(detail?.related.nodes.map((node) => node.name).sort()).toEqual(['PlugX C2', 'PlugX campaign against ACME', 'PowerShell']);
    expect(await getObject(db, 'malware--00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('counts objects per type and per month', async () => {
    const figures = await stats(db);
    expect(figures.total).toBe(9);
    expect(figures.byType).toMatchObject({ 'attack-pattern': 2, relationship: 2, 'ipv4-addr': 1 });
    expect(figures.byMonth.map(([month]) => month)).toContain('2024-03');
  });

  it('counts by type and month exactly as a walk over every object would, across many types and months', async () => {
    const store = await openKnowledgeBase(new KbDatabase(`kb-stats-${crypto.randomUUID()}`));
    const types = ['malware', 'tool', 'indicator', 'x-acme-widget', 'intrusion-set'];
    const objects = Array.from({ length: 120 }, (_, index) => {
      const type = types[index % types.length] ?? 'malware';
      // Months that differ by type, years apart, and the same month for several types.
      const month = String((index * 7) % 12 + 1).padStart(2, '0');
      const modified = `${2019 + (index % 4)}-${month}-${String((index % 27) + 1).padStart(2, '0')}T00:00:00.000Z`;
      const base = { type, spec_version: '2.1', id: `${type}--00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, created: modified, modified, name: `Object ${index}` };
      return type === 'indicator' ? { ...base, pattern: "[ipv4-addr:value = '198.51.100.1']", pattern_type: 'stix', valid_from: modified } : type === 'malware' ? { ...base, is_family: true } : base;
    });
    await ingest(store, objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: [] })), source);
    const expectedTypes: Record<string, number> = {};
    const expectedMonths = new Map<string, number>();
    for (const object of objects) {
      expectedTypes[object.type] = (expectedTypes[object.type] ?? 0) + 1;
      const month = object.modified.slice(0, 7);
      expectedMonths.set(month, (expectedMonths.get(month) ?? 0) + 1);
    }
    const figures = await stats(store);
    expect(figures.total).toBe(120);
    expect(figures.byType).toEqual(expectedTypes);
    expect(figures.byMonth).toEqual([...expectedMonths.entries()].sort((a, b) => a[0].localeCompare(b[0])));
    await store.delete();
  });
});

describe('export, delete and undo', () => {
  it('exports the whole store', async () => {
    const result = await exportBundle(db, {});
    expect(result.exported).toBe(9);
    expect((JSON.parse(result.bundle) as { type: string }).type).toBe('bundle');
  });

  it('deletes an object with the relationships attached to it', async () => {
    const scratch = await openKnowledgeBase(new KbDatabase(`kb-delete-${crypto.randomUUID()}`));
    const saved = db;
    db = scratch;
    await load();
    db = saved;
    expect(await deleteObjects(scratch, [ids.malware])).toEqual({ deleted: 3 });
    expect(await scratch.objects.bulkGet([ids.malware, ids.indicates, ids.uses])).toEqual([undefined, undefined, undefined]);
    expect(await scratch.objects.get(ids.report)).toBeDefined();
    await scratch.delete();
  });

  it('undoes an import, keeping what another source also brought', async () => {
    const scratch = await openKnowledgeBase(new KbDatabase(`kb-undo-${crypto.randomUUID()}`));
    const saved = db;
    db = scratch;
    await load();
    await load(sampleObjects().filter((object) => object['type'] === 'attack-pattern'), { id: 'connector:attack', kind: 'connector', name: 'ATT&CK' });
    db = saved;
    expect(await undoSource(scratch, 'file:sample')).toEqual({ deleted: 7, kept: 2 });
    expect((await scratch.objects.toArray()).map((record) => [record.id, record.sources])).toEqual(
      expect.arrayContaining([[ids.attackPattern, ['connector:attack']], [ids.subTechnique, ['connector:attack']]]),
    );
    expect(await scratch.objects.count()).toBe(2);
    expect(await scratch.sources.get('file:sample')).toBeUndefined();
    await scratch.delete();
  });
});

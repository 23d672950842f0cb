import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { validateObject } from '../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { ingest, type IngestItem } from './ingest.ts';
import { ids, sampleObjects } from './testing/sampleObjects.ts';

let databases: KbDatabase[] = [];
afterEach(async () => {
  for (const db of databases) await db.delete();
  databases = [];
});

async function freshDb(): Promise<KbDatabase> {
  const db = await openKnowledgeBase(new KbDatabase(`kb-test-${crypto.randomUUID()}`));
  databases.push(db);
  return db;
}

function items(objects: unknown[]): IngestItem[] {
  return objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object, { path: `/objects/${index}` }) }));
}

const source = { id: 'file:sample', kind: 'file' as const, name: 'sample.json' };

describe('ingest', () => {
  it('stores every valid object with its edges, search terms and provenance', async () => {
    const db = await freshDb();
    const result = await ingest(db, items(sampleObjects()), source);
    expect(result.counts).toEqual({ created: 9, updated: 0, unchanged: 0, rejected: 0 });
    const malware = await db.objects.get(ids.malware);
    expect(malware?.stix['name']).toBe('PlugX');
    expect(malware?.terms).toEqual(expect.arrayContaining(['plugx', 'korplug', 'sogu']));
    // Creator and markings stay on the object; the edge index holds what it is about.
    expect(malware?.refs).toEqual([]);
    expect((await db.objects.get(ids.report))?.refs.sort()).toEqual([ids.malware, ids.indicator, ids.indicates, ids.ip].sort());
    expect(malware?.sources).toEqual(['file:sample']);
    const relationship = await db.objects.get(ids.indicates);
    expect(relationship?.refs).toEqual(expect.arrayContaining([ids.indicator, ids.malware]));
    // The edge index answers "what points at PlugX" in one query, relationships and containers alike.
    const pointing = await db.objects.where('refs').equals(ids.malware).primaryKeys();
    expect(pointing.sort()).toEqual([ids.indicates, ids.uses, ids.report].sort());
    await expect(db.sources.get('file:sample')).resolves.toMatchObject({ status: 'committed', committedObjects: 9 });
  });

  it('changes nothing when the same data is ingested again', async () => {
    const db = await freshDb();
    await ingest(db, items(sampleObjects()), source, { now: () => '2026-01-01T00:00:00.000Z' });
    const before = await db.objects.toArray();
    const again = await ingest(db, items(sampleObjects()), source, { now: () => '2026-02-01T00:00:00.000Z' });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 9, rejected: 0 });
    expect(await db.objects.toArray()).toEqual(before);
  });

  it('takes a newer version, keeps the stored one otherwise, and merges labels and markings', async () => {
    const db = await freshDb();
    await ingest(db, items(sampleObjects()), source);
    const malware = sampleObjects().find((object) => object['id'] === ids.malware) as JsonObject;
    const older = { ...malware, modified: '2023-01-01T00:00:00.000Z', created: '2023-01-01T00:00:00.000Z', name: 'Old name', labels: ['backdoor'] };
    const newer = { ...malware, modified: '2025-01-01T00:00:00.000Z', description: 'Updated', object_marking_refs: [ids.tlpRed] };
    const feed = { id: 'connector:feed', kind: 'connector' as const, name: 'Feed' };
    const result = await ingest(db, items([older, newer]), feed);
    expect(result.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    const stored = await db.objects.get(ids.malware);
    expect(stored?.stix).toMatchObject({ name: 'PlugX', description: 'Updated', modified: '2025-01-01T00:00:00.000Z' });
    expect(stored?.stix['labels']).toEqual(['rat', 'backdoor']);
    expect(stored?.stix['object_marking_refs']).toEqual([ids.tlpGreen, ids.tlpRed]);
    expect(stored?.sources).toEqual(['file:sample', 'connector:feed']);
  });

  it('quarantines invalid objects with their reasons, stores the rest, and is idempotent', async () => {
    const db = await freshDb();
    const broken = [
      ...sampleObjects(),
      { type: 'malware', id: 'malware--not-a-uuid', name: 'Broken' },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--9b1f2f9a-34c5-4b5e-9d59-3a2b8b5d7c10', created: '2024-01-01T00:00:00Z', modified: '2023-01-01T00:00:00Z', relationship_type: 'uses', source_ref: ids.malware, target_ref: ids.subTechnique },
      'not an object',
    ];
    const first = await ingest(db, items(broken), source);
    expect(first.counts).toMatchObject({ created: 9, rejected: 3 });
    expect(first.rejections.map((rejection) => rejection.path)).toEqual(['/objects/9', '/objects/10', '/objects/11']);
    expect(first.rejections[1]?.reasons).toContainEqual(expect.objectContaining({ path: '/objects/10/modified', rule: 'created-after-modified' }));
    expect(await db.quarantine.count()).toBe(3);
    const second = await ingest(db, items(broken), source);
    expect(second.counts).toMatchObject({ created: 0, unchanged: 9, rejected: 3 });
    expect(await db.quarantine.count()).toBe(3);
    expect(await db.objects.count()).toBe(9);
  });

  it('keeps the batches that committed when the disk fills, and completes on a second run', async () => {
    // The third write of objects fails as IndexedDB does on a full disk; later writes succeed again.
    let writes = 0;
    let diskFull = true;
    const db = new KbDatabase(`kb-test-${crypto.randomUUID()}`);
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) => {
              if (name === 'objects' && request.type === 'put' && diskFull && ++writes === 3) {
                return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
              }
              return table.mutate(request);
            },
          };
        },
      }),
    });
    databases.push(await openKnowledgeBase(db));
    const many = Array.from({ length: 50 }, (_, index) => ({ type: 'ipv4-addr', spec_version: '2.1', id: `ipv4-addr--${crypto.randomUUID()}`, value: `203.0.113.${index}` }));
    const failure: unknown = await ingest(db, items(many), source, { batchSize: 10 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'disk-full' });
    expect(failure instanceof Error ? failure.message : '').toContain('20 objects were stored');
    expect(await db.objects.count()).toBe(20);
    await expect(db.sources.get('file:sample')).resolves.toMatchObject({ status: 'failed', committedObjects: 20 });
    diskFull = false;
    const retry = await ingest(db, items(many), source, { batchSize: 10 });
    expect(retry.counts).toEqual({ created: 30, updated: 0, unchanged: 20, rejected: 0 });
    expect(await db.objects.count()).toBe(50);
  });

  it('merges an object that comes back in a later batch of the same import into an empty store', async () => {
    const db = await freshDb();
    const malware = sampleObjects().find((object) => object['id'] === ids.malware) as JsonObject;
    const newer = { ...malware, modified: '2025-01-01T00:00:00.000Z', labels: ['backdoor'] };
    const filler = Array.from({ length: 5 }, (_, index) => ({ type: 'ipv4-addr', spec_version: '2.1', id: `ipv4-addr--${crypto.randomUUID()}`, value: `192.0.2.${index}` }));
    const result = await ingest(db, items([malware, ...filler, newer]), source, { batchSize: 2 });
    expect(result.counts).toEqual({ created: 6, updated: 1, unchanged: 0, rejected: 0 });
    expect((await db.objects.get(ids.malware))?.stix['labels']).toEqual(['rat', 'backdoor']);
  });

  it('reports progress after each batch', async () => {
    const db = await freshDb();
    const seen: number[] = [];
    await ingest(db, items(sampleObjects()), source, { batchSize: 4, onProgress: (progress) => seen.push(progress.processed) });
    expect(seen).toEqual([4, 8, 9]);
  });
});

describe('a connector delivering in batches', () => {
  it('adds up the counts of its batches in the import history, where a re-imported file starts afresh', async () => {
    const db = await freshDb();
    const connector = { id: 'connector:test', kind: 'connector' as const, name: 'Test feed' };
    const objects = sampleObjects();
    await ingest(db, items(objects.slice(0, 4)), connector);
    await ingest(db, items(objects.slice(4)), connector);
    expect((await db.sources.get('connector:test'))?.counts.created).toBe(objects.length);
    await ingest(db, items(objects), source);
    await ingest(db, items(objects), source);
    expect((await db.sources.get('file:sample'))?.counts).toMatchObject({ created: 0, unchanged: objects.length });
  });
});

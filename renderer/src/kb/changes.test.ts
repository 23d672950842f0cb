import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { validateObject } from '../../../core/stix/validate.ts';
import { changeHead, changeRecordsAfter, changesAfter, trimChanges, trimPoint } from './changes.ts';
import { deleteEverything } from './deleteEverything.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { deleteObjects, undoSource } from './deletion.ts';
import { ingest, type IngestSource } from './ingest.ts';
import { ids, sampleObjects } from './testing/sampleObjects.ts';
import { openCtiAmberStrict } from '../../../core/stix/testing/openctiMarkings.ts';

let db: KbDatabase;
const file: IngestSource = { id: 'file:sample', kind: 'file', name: 'sample.json' };

function items(objects: readonly JsonObject[]) {
  return objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) }));
}

async function feed(after = 0) {
  return (await changesAfter(db, after, 1000)).events.map((event) => `${event.op} ${event.id}`);
}

beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-changes-${crypto.randomUUID()}`));
});
afterEach(async () => {
  await db.delete();
});

describe('change feed', () => {
  it('records one create per new object, numbered from 1 upwards, with the stored object', async () => {
    const objects = sampleObjects();
    await ingest(db, items(objects), file);
    const page = await changesAfter(db, 0, 1000);
    expect(page.events.map((event) => event.seq)).toEqual(objects.map((_, index) => index + 1));
    expect(new Set(page.events.map((event) => event.id))).toEqual(new Set(objects.map((object) => object['id'])));
    expect(page.events.every((event) => event.op === 'create')).toBe(true);
    expect(page.events.find((event) => event.id === ids.ip)?.object).toMatchObject({ type: 'ipv4-addr', value: expect.any(String) as unknown });
    expect({ through: page.through, head: page.head }).toEqual({ through: objects.length, head: objects.length });
  });

  it('adds nothing when the same data comes again, even from another source', async () => {
    await ingest(db, items(sampleObjects()), file);
    const head = await changeHead(db);
    // Another file: a feed bringing an indicator again restarts its lifetime, a new version (issue 21; lifecycle.test.ts).
    await ingest(db, items(sampleObjects()), { id: 'file:other', kind: 'file', name: 'Other' });
    expect(await changeHead(db)).toBe(head);
  });

  it('records an update when a newer version arrives, and the reader gets the merged object', async () => {
    await ingest(db, items(sampleObjects()), file);
    const head = await changeHead(db);
    const malware = sampleObjects().find((object) => object['id'] === ids.malware);
    if (!malware) throw new Error('sample malware missing');
    await ingest(db, items([{ ...malware, modified: '2030-01-01T00:00:00.000Z', description: 'Updated' }]), file);
    const page = await changesAfter(db, head, 10);
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({ seq: head + 1, op: 'update', id: ids.malware, type: 'malware', object: { description: 'Updated' } });
  });

  it('records deletes with the last version, including the relationships that went with them', async () => {
    await ingest(db, items(sampleObjects()), file);
    const head = await changeHead(db);
    await deleteObjects(db, [ids.malware]);
    const page = await changesAfter(db, head, 100);
    expect(page.events.every((event) => event.op === 'delete')).toBe(true);
    expect(page.events.map((event) => event.id)).toContain(ids.malware);
    expect(page.events.map((event) => event.id)).toContain(ids.uses);
    expect(page.events.find((event) => event.id === ids.malware)?.object).toMatchObject({ type: 'malware', id: ids.malware });
  });

  it('skips a create whose object is gone since, and keeps its delete', async () => {
    await ingest(db, items(sampleObjects()), file);
    await undoSource(db, file.id);
    const events = await feed();
    expect(events.filter((line) => line.startsWith('create'))).toEqual([]);
    expect(events).toHaveLength(sampleObjects().length);
    expect(await changeHead(db)).toBe(2 * sampleObjects().length);
  });

  it('pages by sequence number without gaps or repeats', async () => {
    await ingest(db, items(sampleObjects()), file);
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = await changesAfter(db, after, 3);
      if (page.through === after) break;
      seen.push(...page.events.map((event) => event.seq));
      after = page.through;
    }
    expect(seen).toEqual(sampleObjects().map((_, index) => index + 1));
  });

  it('writes no feed rows for an ingest that fails', async () => {
    const aborted = new AbortController();
    aborted.abort();
    await expect(ingest(db, items(sampleObjects()), file, { signal: aborted.signal })).rejects.toThrow();
    expect(await changeHead(db)).toBe(0);
  });

  it('trims rows every follower has passed, and keeps numbering after them', async () => {
    await ingest(db, items(sampleObjects()), file);
    const head = await changeHead(db);
    expect(await trimChanges(db, 4)).toBe(4);
    const page = await changesAfter(db, 0, 1000);
    expect(page.events[0]?.seq).toBe(5);
    expect(page.events).toHaveLength(head - 4);
    expect(await changeHead(db)).toBe(head);
    await deleteObjects(db, [ids.report]);
    expect(await changeHead(db)).toBe(head + 1);
  });

  it('cuts below the slowest follower and never within the newest changes', () => {
    expect(trimPoint(1000, [700, 400], 100)).toBe(400);
    expect(trimPoint(1000, [], 100)).toBe(900);
    expect(trimPoint(1000, [980], 100)).toBe(900);
    expect(trimPoint(50, [], 100)).toBeLessThan(0);
  });

  it('gives each event its TLP, reading TLP definitions under other ids from the store', async () => {
    const marked = { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--0f6d8bd4-4f3c-5f0e-8d2e-2a6b1c9d7e31', value: '203.0.113.250', object_marking_refs: [String(openCtiAmberStrict['id'])] };
    await ingest(db, items([...sampleObjects(), openCtiAmberStrict, marked]), file);
    const events = (await changesAfter(db, 0, 1000)).events;
    expect(events.find((event) => event.id === marked.id)?.tlp).toBe('amber+strict');
    expect(events.find((event) => event.id === ids.malware)?.tlp).toBe('green');
    expect(events.find((event) => event.id === ids.attackPattern)?.tlp).toBeUndefined();
  });

  it('keeps a write as one row, yet numbers every change and pages through a row', async () => {
    const objects = sampleObjects();
    await ingest(db, items(objects), file, { batchSize: 4 });
    // The first batch is at most 1,000 (ingest.ts), later ones 4: one row per batch, not per object.
    expect(await db.changes.count()).toBeLessThan(objects.length);
    const seen: number[] = [];
    let after = 0;
    for (let page = 0; page < 20; page += 1) {
      const next = await changesAfter(db, after, 3);
      seen.push(...next.events.map((event) => event.seq));
      if (next.through === after) break;
      after = next.through;
    }
    expect(seen).toEqual(objects.map((_, index) => index + 1));
  });

  it('never numbers a change again after the store is emptied, so a follower still sees what comes next', async () => {
    await ingest(db, items(sampleObjects()), file);
    const head = await changeHead(db);
    await deleteEverything(db);
    await ingest(db, items(sampleObjects()), file);
    const page = await changesAfter(db, head, 1000);
    expect(page.events[0]?.seq).toBe(head + 1);
    expect(page.events).toHaveLength(sampleObjects().length);
  });

  it('reads the one-change rows of a feed written before it was batched, and numbers on after them', async () => {
    await db.changes.bulkAdd([
      { op: 'create', at: '2026-01-01T00:00:00.000Z', id: ids.ip, type: 'ipv4-addr', source: 'file:old' },
      { op: 'delete', at: '2026-01-01T00:00:00.000Z', id: ids.report, type: 'report', object: { type: 'report', id: ids.report } },
    ]);
    await ingest(db, items(sampleObjects()), file);
    const all = await changeRecordsAfter(db, 0, 1000);
    expect(all.slice(0, 2).map((change) => `${change.seq} ${change.op} ${change.id}`)).toEqual([`1 create ${ids.ip}`, `2 delete ${ids.report}`]);
    expect(all.map((change) => change.seq)).toEqual(all.map((_, index) => index + 1));
  });
});

import 'fake-indexeddb/auto';
import canonicalize from 'canonicalize';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { changeHead, changesAfter } from '../changes.ts';
import { saveAnalystProfile } from '../curation/createObjects.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest, type IngestSource } from '../ingest.ts';
import { containerContents } from '../queries/containerContents.ts';
import { neighbours } from '../queries/graph.ts';
import { toRecord } from '../records.ts';
import { objectNames } from '../queries/names.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';
import { editObject, listVersions } from '../versions/editObject.ts';
import { moveToTrash } from './moveToTrash.ts';
import { restoreFromTrash } from './restoreFromTrash.ts';
import { emptyTrash, listTrash, purgeTrash, setTrashRetention } from './trashEntries.ts';

let db: KbDatabase;
const file: IngestSource = { id: 'file:sample', kind: 'file', name: 'sample.json' };

function items(objects: readonly JsonObject[]) {
  return objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) }));
}

function sample(id: string): JsonObject {
  const found = sampleObjects().find((object) => object['id'] === id);
  if (!found) throw new Error(`no sample ${id}`);
  return found;
}

/** A SHA-256 over the canonical JSON (RFC 8785) of the stored records of `list`, with their history. */
async function fingerprint(list: readonly string[]): Promise<string> {
  const records = await db.objects.bulkGet([...list]);
  const versions = await db.versions.where('id').anyOf([...list]).sortBy('key');
  const bytes = new TextEncoder().encode(canonicalize({ records, versions }) ?? '');
  return Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

async function neighbourIds(id: string): Promise<string[]> {
  return (await neighbours(db, { ids: [id] })).nodes.map((node) => node.id).sort();
}

beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-trash-${crypto.randomUUID()}`));
  await ingest(db, items(sampleObjects()), file);
});
afterEach(async () => {
  await db.delete();
});

describe('the trash', () => {
  it('takes an object with its relationships out of every view, says who, when and why, and names the report that still points at it', async () => {
    await saveAnalystProfile(db, { name: 'Aiko Analyst', defaultTlp: null });
    const result = await moveToTrash(db, { ids: [ids.malware], why: 'Duplicate of the ACME PlugX' }, { now: () => '2026-03-01T09:00:00.000Z' });
    expect(result.deleted).toBe(3);
    expect(await db.objects.bulkGet([ids.malware, ids.indicates, ids.uses])).toEqual([undefined, undefined, undefined]);
    expect(await neighbourIds(ids.indicator)).toEqual([ids.indicator, ids.report].sort());
    // The report is not rewritten; its contents leave the trashed ones out and name them.
    expect((await db.objects.get(ids.report))?.stix['object_refs']).toContain(ids.malware);
    const contents = await containerContents(db, { id: ids.report });
    expect(contents?.ids).not.toContain(ids.malware);
    expect(contents?.ids).not.toContain(ids.indicates);
    expect(contents?.trashed.map((item) => item.name)).toContain('PlugX');
    expect((await objectNames(db, [ids.malware]))[0]).toMatchObject({ name: 'PlugX', found: false, trashed: true });

    const page = await listTrash(db, {}, () => Date.parse('2026-03-11T09:00:00.000Z'));
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({
      by: 'Aiko Analyst',
      why: 'Duplicate of the ACME PlugX',
      deletedAt: '2026-03-01T09:00:00.000Z',
      daysLeft: 20,
      items: [{ id: ids.malware, type: 'malware', name: 'PlugX' }],
      relationships: 2,
      sightings: 0,
      containers: [{ id: ids.report, type: 'report', name: 'PlugX campaign against ACME' }],
    });
  });

  it('restores an entry whole: the same records, versions and graph, and the feed says create', async () => {
    await editObject(db, { id: ids.malware, object: { ...sample(ids.malware), modified: '2026-02-01T00:00:00.000Z', description: 'Edited.' } });
    const group = [ids.malware, ids.indicates, ids.uses];
    const before = await fingerprint(group);
    const graph = await neighbourIds(ids.malware);
    const history = (await listVersions(db, ids.malware)).versions;
    expect(history).toHaveLength(2);

    const { entryId } = await moveToTrash(db, { ids: [ids.malware] });
    expect(await db.versions.where('id').equals(ids.malware).count()).toBe(0);
    const head = await changeHead(db);
    expect(await restoreFromTrash(db, entryId ?? '')).toEqual({ restored: 3 });

    expect(await fingerprint(group)).toBe(before);
    expect(await neighbourIds(ids.malware)).toEqual(graph);
    expect((await listVersions(db, ids.malware)).versions).toEqual(history);
    expect((await changesAfter(db, head, 10)).events.map((event) => `${event.op} ${event.id}`).sort()).toEqual(group.map((id) => `create ${id}`).sort());
    expect(await db.trash.count()).toBe(0);
  });

  it('gives back an object re-imported while in the trash once, newest version kept, and a later restore does not bring it twice', async () => {
    const { entryId } = await moveToTrash(db, { ids: [ids.malware] });
    const newer = { ...sample(ids.malware), modified: '2026-05-01T00:00:00.000Z', description: 'Newer from a feed.' };
    const result = await ingest(db, items([newer]), { id: 'connector:feed', kind: 'connector', name: 'Feed' });
    expect(result.counts).toMatchObject({ created: 1, updated: 0 });
    // Its trashed version is history now; the entry keeps only the relationships.
    expect((await listVersions(db, ids.malware)).versions.map((version) => version.modified)).toEqual(['2026-05-01T00:00:00.000Z', sample(ids.malware)['modified']]);
    expect((await db.trash.get(entryId ?? ''))?.ids.sort()).toEqual([ids.indicates, ids.uses].sort());

    await restoreFromTrash(db, entryId ?? '');
    expect(await db.objects.where('refs').equals(ids.malware).primaryKeys()).toEqual(expect.arrayContaining([ids.indicates, ids.uses]));
    expect((await db.objects.get(ids.malware))?.stix['description']).toBe('Newer from a feed.');
    expect(await db.objects.count()).toBe(sampleObjects().length);
  });

  it('merges by the normal rules when the object is back in the store by another way: the newer stored version wins', async () => {
    const { entryId } = await moveToTrash(db, { ids: [ids.indicator] });
    // As a backup merged in could: the object is stored again while its entry still holds it.
    const newer = { ...sample(ids.indicator), modified: '2026-06-01T00:00:00.000Z', name: 'PlugX C2 (newer)' };
    await db.objects.put(toRecord(newer, ['file:other'], '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'));
    await restoreFromTrash(db, entryId ?? '');
    expect((await db.objects.get(ids.indicator))?.stix['name']).toBe('PlugX C2 (newer)');
    expect((await db.objects.get(ids.indicator))?.sources.sort()).toEqual(['file:other', file.id].sort());
    expect(await db.objects.count()).toBe(sampleObjects().length);
    expect((await db.objects.get(ids.indicates))?.stix['source_ref']).toBe(ids.indicator);
  });

  it('purges entries older than the retention, on the clock it is given, and empties on request', async () => {
    await moveToTrash(db, { ids: [ids.malware] }, { now: () => '2026-01-01T00:00:00.000Z' });
    await moveToTrash(db, { ids: [ids.ip] }, { now: () => '2026-01-20T00:00:00.000Z' });
    expect(await purgeTrash(db, () => Date.parse('2026-01-30T00:00:00.000Z'))).toEqual({ purged: 0 });
    expect(await purgeTrash(db, () => Date.parse('2026-01-31T00:00:01.000Z'))).toEqual({ purged: 1 });
    expect((await listTrash(db)).entries.map((entry) => entry.items[0]?.name)).toEqual(['198.51.100.7']);
    await setTrashRetention(db, 7);
    expect(await purgeTrash(db, () => Date.parse('2026-01-28T00:00:00.000Z'))).toEqual({ purged: 1 });
    await expect(setTrashRetention(db, 400)).rejects.toMatchObject({ code: 'invalid-argument' });

    await moveToTrash(db, { ids: [ids.report] });
    expect(await emptyTrash(db)).toEqual({ emptied: 1 });
    expect(await db.trash.count()).toBe(0);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newInvestigation } from '../../../core/investigation/schema.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { validateObject } from '../../../core/stix/validate.ts';
import { changeHead, changesAfter } from './changes.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { countEverything, deleteEverything } from './deleteEverything.ts';
import { getExtractionLists, setExtractionLists } from './extractionLists.ts';
import { ingest, type IngestSource } from './ingest.ts';
import { saveInvestigation } from './investigations.ts';
import { storeFacts, storeIdentity } from './storeIdentity.ts';
import { ids, sampleObjects } from './testing/sampleObjects.ts';
import { moveToTrash } from './trash/moveToTrash.ts';

let db: KbDatabase;
const kev: IngestSource = { id: 'connector:cisa-kev', kind: 'connector', name: 'CISA KEV' };
const file: IngestSource = { id: 'file:sample', kind: 'file', name: 'sample.json' };

function items(objects: readonly JsonObject[]) {
  return objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) }));
}

beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-delete-everything-${crypto.randomUUID()}`));
});
afterEach(async () => {
  await db.delete();
});

describe('delete everything', () => {
  it('empties objects, sources, investigations, quarantine and the trash, keeps the extraction lists, and gives the store a new identity', async () => {
    const objects = sampleObjects();
    await ingest(db, items(objects), kev);
    await ingest(db, items([{ type: 'ipv4-addr', id: 'ipv4-addr--not-a-uuid', value: '1' }]), file);
    await saveInvestigation(db, newInvestigation('PlugX', [{ id: ids.malware, x: 0, y: 0, pinned: false, hidden: false }], '2026-01-01T00:00:00.000Z', crypto.randomUUID()));
    await setExtractionLists(db, { allow: ['example.org'], deny: [], warningLists: [] });
    const before = await storeFacts(db);
    expect(before.holding).toEqual(['cisa-kev']);
    await moveToTrash(db, { ids: [ids.ip] });
    expect(await countEverything(db)).toEqual({ objects: objects.length - 1, sources: 2, files: 0, investigations: 1, quarantined: 1, trashed: 1 });

    const result = await deleteEverything(db);
    expect(result).toMatchObject({ objects: objects.length - 1, investigations: 1, trashed: 1 });
    expect(result.identity).not.toBe(before.identity);
    expect(await countEverything(db)).toEqual({ objects: 0, sources: 0, files: 0, investigations: 0, quarantined: 0, trashed: 0 });
    expect(await storeFacts(db)).toEqual({ identity: result.identity, holding: [] });
    expect(await storeIdentity(db)).toBe(result.identity);
    expect((await getExtractionLists(db)).allow).toEqual(['example.org']);
  });

  it('empties the change feed without a delete per object, and the next changes continue its numbering', async () => {
    const objects = sampleObjects();
    await ingest(db, items(objects), file);
    const head = await changeHead(db);
    expect(head).toBe(objects.length);
    await deleteEverything(db);
    expect((await changesAfter(db, 0, 1000)).events).toEqual([]);

    // A stream consumer at `head` resends nothing and gets what comes next.
    await ingest(db, items(objects.slice(0, 2)), file);
    const page = await changesAfter(db, head, 1000);
    expect(page.events.map((event) => [event.seq, event.op])).toEqual([[head + 1, 'create'], [head + 2, 'create']]);
  });
});

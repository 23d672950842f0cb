import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TLP_2 } from '../../../../core/stix/markings.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest } from '../ingest.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';
import { bulkEdit, deleteUndoably, revokeObjects, type BulkProgress } from './bulk.ts';
import { danglingReferences } from './dangling.ts';
import { deleteLabel, listLabels, mergeLabels, renameLabel, setLabelColour } from './labels.ts';
import { undoChange } from './undo.ts';
import { changeRecordsAfter } from '../changes.ts';

let db: KbDatabase;

beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-bulk-${crypto.randomUUID()}`));
  await ingest(db, sampleObjects().map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:sample', kind: 'file', name: 'sample.json' });
});
afterEach(async () => {
  await db.delete();
});

async function stix(id: string): Promise<JsonObject> {
  const record = await db.objects.get(id);
  if (!record) throw new Error(`${id} was not stored`);
  return record.stix;
}

const ticked = [ids.malware, ids.indicator, ids.ip];

describe('bulk edits', () => {
  it('adds labels, sets TLP and confidence on every ticked object as new versions, skipping what STIX does not allow', async () => {
    const progress: BulkProgress[] = [];
    const result = await bulkEdit(db, { ids: ticked, action: { addLabels: ['apt41'], tlp: 'amber', confidence: 70 } }, (report) => progress.push(report));
    expect(result).toMatchObject({ changed: 3, skipped: 0 });
    expect(await stix(ids.malware)).toMatchObject({ labels: ['rat', 'apt41'], confidence: 70, object_marking_refs: [TLP_2.amber.id] });
    expect(await stix(ids.indicator)).toMatchObject({ labels: ['apt41'], object_marking_refs: [TLP_2.amber.id] });
    // An observable takes the marking only: it has no labels or confidence in STIX 2.1.
    expect(await stix(ids.ip)).toEqual({ ...sampleObjects().find((object) => object['id'] === ids.ip), object_marking_refs: [TLP_2.amber.id] });
    expect(await db.objects.get(TLP_2.amber.id)).toBeDefined();
    expect(await db.versions.count()).toBe(2);
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
  });

  it('is undone as a whole, back to exactly what was stored', async () => {
    const before = await db.objects.bulkGet(ticked);
    const { undoId } = await bulkEdit(db, { ids: ticked, action: { removeLabels: ['rat'], tlp: 'red' } });
    await undoChange(db, undoId);
    expect(await db.objects.bulkGet(ticked)).toEqual(before);
    expect(await db.objects.get(TLP_2.red.id)).toBeUndefined();
    expect(await db.versions.count()).toBe(0);
  });

  it('writes nothing when its transaction fails', async () => {
    const before = await db.objects.toArray();
    const head = await db.changes.count();
    db.versions.hook('creating', () => {
      throw new Error('disk trouble');
    });
    await expect(bulkEdit(db, { ids: ticked, action: { addLabels: ['x'] } })).rejects.toThrow('disk trouble');
    expect(await db.objects.toArray()).toEqual(before);
    expect(await db.changes.count()).toBe(head);
  });

  it('refuses a confidence outside 0–100', async () => {
    await expect(bulkEdit(db, { ids: ticked, action: { confidence: 101 } })).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});

describe('revoke and delete', () => {
  it('revokes SDOs as new versions, skips observables, and undoes', async () => {
    const result = await revokeObjects(db, { ids: ticked });
    expect(result).toMatchObject({ changed: 2, skipped: 1 });
    expect(await stix(ids.malware)).toMatchObject({ revoked: true });
    await undoChange(db, result.undoId);
    expect((await stix(ids.malware))['revoked']).toBeUndefined();
  });

  it('says what a delete leaves dangling, and the delete can be undone with its relationships', async () => {
    const dangling = await danglingReferences(db, [ids.malware]);
    expect(dangling.count).toBeGreaterThan(0);
    expect(dangling.examples.map((example) => example.type)).toContain('report');
    expect(dangling.alsoDeleted).toBeGreaterThan(0);
    const before = await db.objects.count();
    const { undoId } = await deleteUndoably(db, { ids: [ids.malware] });
    expect(await db.objects.count()).toBe(before - 1 - dangling.alsoDeleted);
    await undoChange(db, undoId);
    expect(await db.objects.count()).toBe(before);
    expect((await changeRecordsAfter(db, 0, Number.MAX_SAFE_INTEGER)).filter((change) => change.id === ids.malware).map((change) => change.op)).toEqual(['create', 'delete', 'create']);
  });
});

describe('label manager', () => {
  it('lists labels with counts and colours; renames, merges and deletes them as undoable new versions', async () => {
    await bulkEdit(db, { ids: [ids.indicator, ids.malware], action: { addLabels: ['apt-41'] } });
    await bulkEdit(db, { ids: [ids.indicator], action: { addLabels: ['APT41'] } });
    await setLabelColour(db, { label: 'apt-41', colour: 'red' });
    expect((await listLabels(db)).labels).toEqual([{ label: 'apt-41', count: 2, colour: 'red' }, { label: 'APT41', count: 1 }, { label: 'rat', count: 1 }]);

    await mergeLabels(db, { from: ['apt-41', 'APT41'], into: 'apt41' });
    expect((await listLabels(db)).labels).toEqual([{ label: 'apt41', count: 2, colour: 'red' }, { label: 'rat', count: 1 }]);
    expect(await stix(ids.indicator)).toMatchObject({ labels: ['apt41'] });

    await renameLabel(db, { from: 'rat', to: 'remote-access-trojan' });
    expect(await stix(ids.malware)).toMatchObject({ labels: ['remote-access-trojan', 'apt41'] });
    const { undoId } = await deleteLabel(db, { label: 'apt41' });
    expect((await listLabels(db)).labels.map((row) => row.label)).toEqual(['remote-access-trojan']);
    await undoChange(db, undoId);
    expect((await listLabels(db)).labels.map((row) => row.label)).toEqual(['apt41', 'remote-access-trojan']);
  });
});

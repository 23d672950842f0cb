import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TLP_2 } from '../../../../core/stix/markings.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { KbError } from '../errors.ts';
import { ingest } from '../ingest.ts';
import { editObject, listVersions } from '../versions/editObject.ts';
import { undoChange } from '../versions/undo.ts';
import { mergeObjects } from './mergeObjects.ts';
import { possibleDuplicates } from './possibleDuplicates.ts';
import { changeRecordsAfter } from '../changes.ts';

let db: KbDatabase;
const t0 = '2024-01-01T00:00:00.000Z';
const ids = {
  plugx: 'malware--11111111-1111-4111-8111-111111111111',
  korplug: 'malware--22222222-2222-4222-8222-222222222222',
  actor: 'intrusion-set--33333333-3333-4333-8333-333333333333',
  infra: 'infrastructure--44444444-4444-4444-8444-444444444444',
  report: 'report--55555555-5555-4555-8555-555555555555',
  usesA: 'relationship--66666666-6666-4666-8666-666666666661',
  usesB: 'relationship--66666666-6666-4666-8666-666666666662',
  between: 'relationship--66666666-6666-4666-8666-666666666663',
};
const base = { spec_version: '2.1', created: t0, modified: t0 };

function objects(): JsonObject[] {
  return [
    TLP_2.green,
    TLP_2.amber,
    { ...base, type: 'malware', id: ids.plugx, name: 'PlugX', is_family: true, aliases: ['Sogu'], labels: ['rat'], description: 'A RAT.', object_marking_refs: [TLP_2.green.id] },
    { ...base, type: 'malware', id: ids.korplug, name: 'Korplug', is_family: true, labels: ['backdoor'], description: 'Backdoor seen in Asia.', object_marking_refs: [TLP_2.amber.id], external_references: [{ source_name: 'vendor', external_id: 'K-1' }] },
    { ...base, type: 'intrusion-set', id: ids.actor, name: 'Mustang Panda' },
    { ...base, type: 'infrastructure', id: ids.infra, name: 'C2 cluster' },
    { ...base, type: 'relationship', id: ids.usesA, relationship_type: 'uses', source_ref: ids.actor, target_ref: ids.plugx },
    { ...base, type: 'relationship', id: ids.usesB, relationship_type: 'uses', source_ref: ids.korplug, target_ref: ids.infra },
    { ...base, type: 'relationship', id: ids.between, relationship_type: 'variant-of', source_ref: ids.korplug, target_ref: ids.plugx },
    { ...base, type: 'report', id: ids.report, name: 'Campaign notes', published: t0, object_refs: [ids.plugx, ids.korplug, ids.actor] },
  ];
}

beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-merge-${crypto.randomUUID()}`));
  await ingest(db, objects().map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:sample', kind: 'file', name: 'sample.json' });
});
afterEach(async () => {
  await db.delete();
});

async function snapshot() {
  return { objects: await db.objects.toArray(), versions: await db.versions.toArray(), changes: await db.changes.count() };
}

describe('mergeObjects', () => {
  it('keeps one object with every name, label, reference and the strictest TLP, and points everything at it', async () => {
    const result = await mergeObjects(db, { keepId: ids.plugx, otherIds: [ids.korplug] }, () => '2025-02-02T00:00:00.000Z');
    const kept = (await db.objects.get(ids.plugx))?.stix;
    expect(kept).toMatchObject({ name: 'PlugX', aliases: ['Sogu', 'Korplug'], labels: ['rat', 'backdoor'], object_marking_refs: [TLP_2.amber.id], created: t0, modified: '2025-02-02T00:00:00.000Z' });
    expect(kept?.['description']).toContain('A RAT.');
    expect(kept?.['description']).toContain('Backdoor seen in Asia.');
    expect(kept?.['external_references']).toEqual([{ source_name: 'vendor', external_id: 'K-1' }]);
    expect(validateObject(kept)).toEqual([]);
    expect(await db.objects.get(ids.korplug)).toBeUndefined();
    // Both relationships now hang on the kept one; the one between the two duplicates is gone.
    expect((await db.objects.get(ids.usesA))?.stix['target_ref']).toBe(ids.plugx);
    expect((await db.objects.get(ids.usesB))?.stix['source_ref']).toBe(ids.plugx);
    expect(await db.objects.get(ids.between)).toBeUndefined();
    // The report holds the kept object once.
    expect((await db.objects.get(ids.report))?.stix['object_refs']).toEqual([ids.plugx, ids.actor]);
    expect(result).toMatchObject({ repointed: 2, removed: 2 });
    // Recorded in the kept object's history: the version before the merge is kept.
    const { versions } = await listVersions(db, ids.plugx);
    expect(versions.map((version) => version.modified)).toEqual(['2025-02-02T00:00:00.000Z', t0]);
    expect(versions[0]?.source.name).toBe('Analyst edits');
    // Stream consumers see it: updates and deletes in the feed.
    const feed = await changeRecordsAfter(db, 0, Number.MAX_SAFE_INTEGER);
    expect(feed.filter((row) => row.op === 'delete').map((row) => row.id).sort()).toEqual([ids.between, ids.korplug].sort());
  });

  it('records the merge, naming what was merged, on the kept version, which the history keeps after a later edit', async () => {
    await mergeObjects(db, { keepId: ids.plugx, otherIds: [ids.korplug] }, () => '2025-02-02T00:00:00.000Z');
    const merged = (await listVersions(db, ids.plugx)).versions;
    expect(merged[0]?.reason).toEqual({ merged: [{ id: ids.korplug, name: 'Korplug' }] });
    expect(merged[1]?.reason).toBeUndefined();
    // The relationships re-pointed by the merge are plain new versions.
    expect((await listVersions(db, ids.usesB)).versions[0]?.reason).toBeUndefined();
    const current = (await db.objects.get(ids.plugx))?.stix ?? {};
    await editObject(db, { id: ids.plugx, object: { ...current, description: 'Edited after the merge.' } }, () => '2025-03-03T00:00:00.000Z');
    const edited = (await listVersions(db, ids.plugx)).versions;
    expect(edited.map((version) => version.reason ?? null)).toEqual([null, { merged: [{ id: ids.korplug, name: 'Korplug' }] }, null]);
  });

  it('takes the name and description the analyst chose', async () => {
    await mergeObjects(db, { keepId: ids.korplug, otherIds: [ids.plugx], resolved: { name: 'PlugX', description: 'One RAT, two names.' } });
    expect((await db.objects.get(ids.korplug))?.stix).toMatchObject({ name: 'PlugX', aliases: ['Korplug', 'Sogu'], description: 'One RAT, two names.' });
  });

  it('is undone exactly: both objects, their relationships and the report as they were', async () => {
    const before = (await db.objects.toArray()).sort((a, b) => a.id.localeCompare(b.id));
    const { undoId } = await mergeObjects(db, { keepId: ids.plugx, otherIds: [ids.korplug] });
    await undoChange(db, undoId);
    const after = (await db.objects.toArray()).sort((a, b) => a.id.localeCompare(b.id));
    expect(after).toEqual(before);
    expect(await db.versions.count()).toBe(0);
  });

  it('leaves nothing changed when its transaction fails', async () => {
    const before = await snapshot();
    const spy = vi.spyOn(db.changes, 'put').mockRejectedValue(new Error('disk failure'));
    await expect(mergeObjects(db, { keepId: ids.plugx, otherIds: [ids.korplug] })).rejects.toThrow('disk failure');
    spy.mockRestore();
    expect(await snapshot()).toEqual(before);
    // Nothing to undo either.
    await expect(undoChange(db)).rejects.toBeInstanceOf(KbError);
  });

  it('refuses objects of different types, relationships, and a missing object, changing nothing', async () => {
    const before = await snapshot();
    for (const request of [
      { keepId: ids.plugx, otherIds: [ids.actor] },
      { keepId: ids.usesA, otherIds: [ids.usesB] },
      { keepId: ids.plugx, otherIds: ['malware--00000000-0000-4000-8000-000000000000'] },
      { keepId: ids.plugx, otherIds: [ids.plugx] },
    ]) {
      await expect(mergeObjects(db, request)).rejects.toBeInstanceOf(KbError);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('possibleDuplicates', () => {
  it('groups objects of one type sharing a name, alias or external id, case and width insensitive', async () => {
    const more: JsonObject[] = [
      { ...base, type: 'malware', id: 'malware--77777777-7777-4777-8777-777777777771', name: 'ＰＬＵＧＸ', is_family: true },
      { ...base, type: 'malware', id: 'malware--77777777-7777-4777-8777-777777777772', name: 'Different', is_family: true, external_references: [{ source_name: 'vendor', external_id: 'k-1' }] },
      { ...base, type: 'malware', id: 'malware--77777777-7777-4777-8777-777777777773', name: 'Unrelated', is_family: true },
      { ...base, type: 'intrusion-set', id: 'intrusion-set--77777777-7777-4777-8777-777777777774', name: 'PlugX' },
    ];
    await ingest(db, more.map((object, index) => ({ object, path: `/${index}`, issues: [] })), { id: 'file:more', kind: 'file', name: 'more.json' });
    const { groups, total } = await possibleDuplicates(db, { type: 'malware' });
    expect(total).toBe(2);
    const names = groups.map((group) => group.members.map((member) => member.name).sort());
    expect(names).toContainEqual(['PlugX', 'ＰＬＵＧＸ']);
    expect(names).toContainEqual(['Different', 'Korplug']);
    expect(groups.find((group) => group.members.some((member) => member.name === 'Korplug'))?.shared).toEqual(['vendor k-1']);
    expect((await possibleDuplicates(db, { type: 'intrusion-set' })).total).toBe(0);
  });
});

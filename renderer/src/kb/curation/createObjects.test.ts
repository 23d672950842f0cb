import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateScoId } from '../../../../core/stix/ids.ts';
import { TLP_2 } from '../../../../core/stix/markings.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { undoSource } from '../deletion.ts';
import { analystEditsSource } from '../edits.ts';
import { undoChange } from '../versions/undo.ts';
import { getAnalystProfile } from './analystProfile.ts';
import { createObjects, saveAnalystProfile } from './createObjects.ts';
import { changeRecordsAfter } from '../changes.ts';

let db: KbDatabase;
const at = (time: string) => () => time;
const t0 = '2026-02-03T04:05:06.789Z';

beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-create-${crypto.randomUUID()}`));
});
afterEach(async () => {
  await db.delete();
});

function intrusionSet(extra: Record<string, unknown> = {}) {
  return { type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6', created: t0, modified: t0, name: 'Comment Crew', aliases: ['APT1', 'Byzantine Candor'], ...extra };
}

describe('createObjects', () => {
  it('writes new SDOs under the analyst edits source, authored by the analyst, with the TLP marking they name', async () => {
    const profile = await saveAnalystProfile(db, { name: 'Hanako Sato', organisation: 'ACME CERT', defaultTlp: 'amber' }, at(t0));
    const { objects } = await createObjects(db, { objects: [intrusionSet({ object_marking_refs: [TLP_2.amber.id] })] }, at(t0));
    expect(objects).toHaveLength(1);
    expect(objects[0]).toMatchObject({ existed: false, summary: { type: 'intrusion-set', name: 'Comment Crew', tlp: 'amber', createdBy: profile.identityId, sources: [analystEditsSource.id] } });
    expect((await db.objects.get(profile.identityId))?.stix).toMatchObject({ type: 'identity', name: 'Hanako Sato', description: 'ACME CERT', identity_class: 'individual' });
    expect(await db.objects.get(TLP_2.amber.id)).toBeDefined();
    const feed = await changeRecordsAfter(db, 0, Number.MAX_SAFE_INTEGER);
    expect(feed.filter((change) => change.id === objects[0]?.summary.id)).toMatchObject([{ op: 'create', source: analystEditsSource.id }]);
  });

  it('saves nothing when one object breaks a MUST rule, and says which', async () => {
    const broken = { type: 'indicator', spec_version: '2.1', id: 'indicator--6c1d8a52-4f37-4c57-9f0c-0c3d4a2c1a11', created: t0, modified: t0, pattern: "[ipv4-addr:value = '1.2.3.4'", pattern_type: 'stix', valid_from: t0 };
    await expect(createObjects(db, { objects: [intrusionSet(), broken] }, at(t0))).rejects.toThrow(/Nothing was saved: object 2\/pattern/);
    expect(await db.objects.count()).toBe(0);
  });

  it('opens an observable that exists instead of writing it again, and refuses an SCO under a made-up id', async () => {
    const value = { type: 'ipv4-addr', spec_version: '2.1', value: '198.51.100.7' };
    const ip = { ...value, id: generateScoId('ipv4-addr', value) };
    const first = await createObjects(db, { objects: [ip] }, at(t0));
    expect(first.objects[0]?.existed).toBe(false);
    const again = await createObjects(db, { objects: [{ ...ip, object_marking_refs: [TLP_2.red.id] }] }, at(t0));
    expect(again.objects[0]).toMatchObject({ existed: true, summary: { id: ip.id, tlp: null } });
    await expect(createObjects(db, { objects: [{ ...ip, id: 'ipv4-addr--11111111-1111-4111-8111-111111111111' }] })).rejects.toThrow(`use ${ip.id}`);
  });

  it('can be undone like any analyst edit', async () => {
    await createObjects(db, { objects: [intrusionSet()] }, at(t0));
    await undoSource(db, analystEditsSource.id);
    expect(await db.objects.count()).toBe(0);
  });

  it('is undone one create at a time: the later create, then the earlier, each leaving the store as it was before it', async () => {
    await saveAnalystProfile(db, { name: 'Hanako Sato', organisation: 'ACME CERT', defaultTlp: 'amber' }, at(t0));
    const before = (await db.objects.toArray()).sort((a, b) => a.id.localeCompare(b.id));
    const first = await createObjects(db, { objects: [intrusionSet({ object_marking_refs: [TLP_2.amber.id] })] }, at(t0));
    const afterFirst = (await db.objects.toArray()).sort((a, b) => a.id.localeCompare(b.id));
    const malware = { type: 'malware', spec_version: '2.1', id: 'malware--5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', created: t0, modified: t0, name: 'PlugX', is_family: true };
    const second = await createObjects(db, { objects: [malware] }, at(t0));
    expect(second.undoId).not.toBe(first.undoId);
    const undone = await undoChange(db, second.undoId);
    expect(undone.undone).toBe('Create PlugX');
    expect((await db.objects.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(afterFirst);
    await undoChange(db, first.undoId);
    // The TLP marking the create brought goes too; the analyst's identity was there before it.
    expect((await db.objects.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before);
    const feed = await changeRecordsAfter(db, 0, Number.MAX_SAFE_INTEGER);
    expect(feed.filter((change) => change.id === malware.id).map((change) => change.op)).toEqual(['create', 'delete']);
  });
});

describe('saveAnalystProfile', () => {
  it('keeps one identity id across changes and writes a strictly later version', async () => {
    const first = await saveAnalystProfile(db, { name: 'Hanako Sato', defaultTlp: null }, at(t0));
    const second = await saveAnalystProfile(db, { name: 'Hanako Sato', organisation: 'ACME CERT', contact: 'hanako@example.org', defaultTlp: 'green' }, at(t0));
    expect(second.identityId).toBe(first.identityId);
    const stix = (await db.objects.get(first.identityId))?.stix;
    expect(stix).toMatchObject({ created: t0, modified: '2026-02-03T04:05:06.790Z', contact_information: 'hanako@example.org' });
    expect(await getAnalystProfile(db)).toMatchObject({ name: 'Hanako Sato', defaultTlp: 'green' });
  });

  it('refuses a profile without a name', async () => {
    await expect(saveAnalystProfile(db, { name: '  ', defaultTlp: null })).rejects.toThrow(/Type your name/);
    expect(await getAnalystProfile(db)).toBeNull();
  });
});

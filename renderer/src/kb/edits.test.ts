import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateObject } from '../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { undoSource } from './deletion.ts';
import { analystEditsSource, createNote, createOpinion, createRelationship, deleteRelationship, updateRelationship } from './edits.ts';
import { ingest } from './ingest.ts';
import { ids, sampleObjects } from './testing/sampleObjects.ts';

let db: KbDatabase;
const at = (time: string) => () => time;
const missing = 'malware--00000000-0000-4000-8000-000000000000';

beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-edits-${crypto.randomUUID()}`));
  await ingest(db, sampleObjects().map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:sample', kind: 'file', name: 'sample.json' });
});
afterEach(async () => {
  await db.delete();
});

async function stixOf(id: string) {
  const record = await db.objects.get(id);
  if (!record) throw new Error(`${id} was not stored`);
  return record;
}

describe('createRelationship', () => {
  it('writes a valid relationship under the analyst edits source', async () => {
    const summary = await createRelationship(db, { sourceRef: ids.malware, targetRef: ids.attackPattern, relationshipType: 'uses', description: '  Seen in the March samples. ', confidence: 80 }, at('2026-01-02T03:04:05.678Z'));
    expect(summary).toMatchObject({ type: 'relationship', confidence: 80, sources: [analystEditsSource.id], relationship: { type: 'uses', source: ids.malware, target: ids.attackPattern } });
    expect(summary.id).toMatch(/^relationship--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const { stix } = await stixOf(summary.id);
    expect(stix).toEqual({
      type: 'relationship', spec_version: '2.1', id: summary.id, created: '2026-01-02T03:04:05.678Z', modified: '2026-01-02T03:04:05.678Z',
      relationship_type: 'uses', source_ref: ids.malware, target_ref: ids.attackPattern, description: 'Seen in the March samples.', confidence: 80,
    });
    expect(validateObject(stix)).toEqual([]);
    expect(await db.sources.get(analystEditsSource.id)).toMatchObject({ kind: 'manual', name: 'Analyst edits', status: 'committed' });
  });

  it('refuses a type STIX does not define for the pair, naming the allowed ones', async () => {
    const error = await createRelationship(db, { sourceRef: ids.malware, targetRef: ids.attackPattern, relationshipType: 'indicates' }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ name: 'KbError', code: 'invalid-object' });
    expect((error as Error).message).toMatch(/does not define "indicates" from malware to attack-pattern; choose one of: uses, related-to/);
    expect(await db.objects.where('type').equals('relationship').count()).toBe(2);
  });

  it('refuses ends that are not in the knowledge base, and an invalid object, writing nothing', async () => {
    await expect(createRelationship(db, { sourceRef: ids.malware, targetRef: missing, relationshipType: 'related-to' })).rejects.toMatchObject({ code: 'not-found' });
    const error = await createRelationship(db, { sourceRef: ids.malware, targetRef: ids.ip, relationshipType: 'related-to', confidence: 101 }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'invalid-object' });
    expect((error as Error).message).toMatch(/^Nothing was saved: \/confidence /);
    expect(await db.objects.count()).toBe(9);
    expect(await db.sources.get(analystEditsSource.id)).toBeUndefined();
  });

  it('is undone with the analyst edits source', async () => {
    const summary = await createRelationship(db, { sourceRef: ids.malware, targetRef: ids.ip, relationshipType: 'communicates-with' });
    expect(await undoSource(db, analystEditsSource.id)).toEqual({ deleted: 1, kept: 0 });
    expect(await db.objects.get(summary.id)).toBeUndefined();
  });
});

describe('updateRelationship', () => {
  it('writes a new version, at least a millisecond later, with the new type and description', async () => {
    const summary = await updateRelationship(db, { id: ids.uses, relationshipType: 'related-to', description: 'Not sure it uses it.' }, at('2024-03-01T10:00:00.000Z'));
    expect(summary).toMatchObject({ id: ids.uses, modified: '2024-03-01T10:00:00.001Z', relationship: { type: 'related-to' } });
    expect(summary.sources).toEqual(['file:sample', analystEditsSource.id]);
    const { stix } = await stixOf(ids.uses);
    expect(stix).toMatchObject({ created: '2024-03-01T10:00:00.000Z', modified: '2024-03-01T10:00:00.001Z', relationship_type: 'related-to', description: 'Not sure it uses it.' });
    expect(validateObject(stix)).toEqual([]);

    const later = await updateRelationship(db, { id: ids.uses, description: '' }, at('2026-01-01T00:00:00.000Z'));
    expect(later.modified).toBe('2026-01-01T00:00:00.000Z');
    expect((await stixOf(ids.uses)).stix).not.toHaveProperty('description');
  });

  it('checks a changed type against the ends, and refuses what is not a relationship', async () => {
    await expect(updateRelationship(db, { id: ids.uses, relationshipType: 'indicates' })).rejects.toMatchObject({ code: 'invalid-object' });
    await expect(updateRelationship(db, { id: ids.malware, description: 'x' })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(updateRelationship(db, { id: 'relationship--00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'not-found' });
    expect((await stixOf(ids.uses)).stix['relationship_type']).toBe('uses');
  });
});

describe('deleteRelationship', () => {
  it('deletes one relationship and refuses anything else', async () => {
    expect(await deleteRelationship(db, ids.uses)).toEqual({ deleted: 1 });
    expect(await db.objects.get(ids.uses)).toBeUndefined();
    await expect(deleteRelationship(db, ids.malware)).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(deleteRelationship(db, ids.uses)).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.objects.get(ids.malware)).toBeDefined();
  });
});

describe('notes and opinions', () => {
  it('writes a valid note about objects that exist', async () => {
    const summary = await createNote(db, { objectRefs: [ids.malware, ids.indicator, ids.malware], abstract: 'Infra', content: ' Same C2 as last year. ' }, at('2026-01-02T00:00:00.000Z'));
    expect(summary).toMatchObject({ type: 'note', sources: [analystEditsSource.id] });
    const { stix } = await stixOf(summary.id);
    expect(stix).toMatchObject({ abstract: 'Infra', content: 'Same C2 as last year.', object_refs: [ids.malware, ids.indicator] });
    expect(validateObject(stix)).toEqual([]);
    await expect(createNote(db, { objectRefs: [ids.malware], content: '  ' })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(createNote(db, { objectRefs: [], content: 'x' })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(createNote(db, { objectRefs: [missing], content: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('writes a valid opinion, and refuses one outside the vocabulary', async () => {
    const summary = await createOpinion(db, { objectRefs: [ids.indicates], opinion: 'disagree', explanation: 'The IP is a sinkhole.' });
    const { stix } = await stixOf(summary.id);
    expect(stix).toMatchObject({ type: 'opinion', opinion: 'disagree', explanation: 'The IP is a sinkhole.', object_refs: [ids.indicates] });
    expect(validateObject(stix)).toEqual([]);
    const bad: unknown = { objectRefs: [ids.malware], opinion: 'meh' };
    await expect(createOpinion(db, bad as Parameters<typeof createOpinion>[1])).rejects.toMatchObject({ code: 'invalid-object' });
  });
});

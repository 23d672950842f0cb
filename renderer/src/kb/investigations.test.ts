import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newInvestigation } from '../../../core/investigation/schema.ts';
import type { Investigation } from '../../../core/investigation/types.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { deleteInvestigation, getInvestigation, listInvestigations, renameInvestigation, saveInvestigation } from './investigations.ts';
import { ids } from './testing/sampleObjects.ts';

let db: KbDatabase;
const node = (id: string) => ({ id, x: 1, y: 2, pinned: false, hidden: false });
const at = (time: string) => () => time;

beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-investigations-${crypto.randomUUID()}`));
});
afterEach(async () => {
  await db.delete();
});

describe('investigations', () => {
  it('saves one stamped with the save time, keeping when it was first created', async () => {
    const draft = newInvestigation('PlugX', [node(ids.malware), node(ids.indicator)], '2026-01-01T00:00:00.000Z', crypto.randomUUID());
    const first = await saveInvestigation(db, draft, at('2026-01-05T00:00:00.000Z'));
    expect(first).toEqual({ ...draft, modified: '2026-01-05T00:00:00.000Z' });
    const second = await saveInvestigation(db, { ...draft, created: '2026-01-04T00:00:00.000Z', modified: '2026-01-04T00:00:00.000Z', layout: 'hierarchical' }, at('2026-01-06T00:00:00.000Z'));
    expect(second).toMatchObject({ created: '2026-01-01T00:00:00.000Z', modified: '2026-01-06T00:00:00.000Z', layout: 'hierarchical' });
    expect(await getInvestigation(db, draft.id)).toEqual(second);
  });

  it('refuses an invalid investigation and writes nothing', async () => {
    const draft = newInvestigation('PlugX', [], '2026-01-01T00:00:00.000Z', crypto.randomUUID());
    const bad: unknown = { ...draft, nodes: [node('nonsense')], name: '' };
    const error = await saveInvestigation(db, bad).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ name: 'KbError', code: 'invalid-investigation' });
    expect((error as Error).message).toMatch(/^Nothing was saved\. This investigation is not valid: .*name: must not be empty.*nodes\.0\.id: must be a STIX id/);
    expect(await db.investigations.count()).toBe(0);
  });

  it('lists newest first with node counts, not nodes', async () => {
    const older = newInvestigation('Older', [node(ids.malware)], '2026-01-01T00:00:00.000Z', crypto.randomUUID());
    const newer = newInvestigation('Newer', [], '2026-01-01T00:00:00.000Z', crypto.randomUUID());
    await saveInvestigation(db, older, at('2026-01-02T00:00:00.000Z'));
    await saveInvestigation(db, newer, at('2026-01-03T00:00:00.000Z'));
    expect(await listInvestigations(db)).toEqual([
      { id: newer.id, name: 'Newer', description: '', created: newer.created, modified: '2026-01-03T00:00:00.000Z', nodeCount: 0 },
      { id: older.id, name: 'Older', description: '', created: older.created, modified: '2026-01-02T00:00:00.000Z', nodeCount: 1 },
    ]);
  });

  it('says an investigation that is not there is not found', async () => {
    const missing = 'grouping--00000000-0000-4000-8000-000000000000';
    await expect(getInvestigation(db, missing)).rejects.toThrow(/not in the knowledge base/);
    await expect(getInvestigation(db, missing)).rejects.toMatchObject({ code: 'not-found' });
    await expect(renameInvestigation(db, missing, 'Anything')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('renames (trimmed, checked) and deletes', async () => {
    const draft = newInvestigation('PlugX', [node(ids.malware)], '2026-01-01T00:00:00.000Z', crypto.randomUUID());
    await saveInvestigation(db, draft, at('2026-01-02T00:00:00.000Z'));
    const renamed: Investigation = await renameInvestigation(db, draft.id, '  PlugX, March  ', at('2026-01-03T00:00:00.000Z'));
    expect(renamed).toMatchObject({ name: 'PlugX, March', modified: '2026-01-03T00:00:00.000Z', nodes: draft.nodes });
    await expect(renameInvestigation(db, draft.id, ' ')).rejects.toMatchObject({ code: 'invalid-investigation' });
    expect((await getInvestigation(db, draft.id)).name).toBe('PlugX, March');
    expect(await deleteInvestigation(db, draft.id)).toEqual({ deleted: 1 });
    expect(await deleteInvestigation(db, draft.id)).toEqual({ deleted: 0 });
    expect(await listInvestigations(db)).toEqual([]);
  });
});

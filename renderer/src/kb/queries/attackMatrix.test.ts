import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newInvestigation } from '../../../../core/investigation/schema.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest } from '../ingest.ts';
import { saveInvestigation } from '../investigations.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';
import { attackMatrix } from './attackMatrix.ts';

let db: KbDatabase;
beforeAll(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-attack-matrix-${crypto.randomUUID()}`));
  await ingest(db, sampleObjects().map((object, index) => ({ object, path: `/objects/${index}`, issues: [] })), { id: 'file:sample', kind: 'file', name: 'sample.json' });
});
afterAll(async () => {
  await db.delete();
});

describe('the attackMatrix query', () => {
  it("a malware's techniques: what it uses, read through the refs index", async () => {
    const view = await attackMatrix(db, { id: ids.malware });
    expect(view.a?.object).toEqual({ id: ids.malware, type: 'malware', name: 'PlugX' });
    expect(view.a?.techniques).toEqual({ [ids.subTechnique]: [{ kind: 'direct', via: [] }] });
    // No ATT&CK matrix in this store: the UI says how to get one.
    expect(view.matrices).toEqual([]);
  });

  it('a saved investigation is read as its grouping: what the objects on its graph use', async () => {
    const investigation = newInvestigation('PlugX hunt', [{ id: ids.malware, x: 0, y: 0, pinned: false, hidden: false }], '2026-01-01T00:00:00.000Z', crypto.randomUUID());
    await saveInvestigation(db, investigation);
    const view = await attackMatrix(db, { id: investigation.id, compareId: ids.malware });
    expect(view.a?.object).toEqual({ id: investigation.id, type: 'grouping', name: 'PlugX hunt' });
    expect(view.a?.techniques[ids.subTechnique]).toEqual([{ kind: 'contents', via: [{ id: ids.malware, type: 'malware', name: 'PlugX' }] }]);
    expect(Object.keys(view.b?.techniques ?? {})).toEqual([ids.subTechnique]);
  });

  it('an id the store does not hold gives no object', async () => {
    expect((await attackMatrix(db, { id: 'intrusion-set--00000000-0000-4000-8000-000000000000' })).a).toBeNull();
  });
});

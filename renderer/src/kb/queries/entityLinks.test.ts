import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateObject } from '../../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest } from '../ingest.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';
import { containerContents } from './containerContents.ts';
import { entityLinkCounts, entityLinks } from './entityLinks.ts';

let db: KbDatabase;
const missing = 'campaign--00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-entity-links-${crypto.randomUUID()}`));
  const objects = sampleObjects();
  // A report that also names an object the store does not hold.
  const report = objects.find((object) => object['id'] === ids.report);
  if (report) report['object_refs'] = [ids.malware, ids.indicator, ids.indicates, ids.ip, missing];
  await ingest(db, objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:sample', kind: 'file', name: 'sample.json' });
});
afterAll(async () => {
  await db.delete();
});

describe('entityLinks', () => {
  it("groups an object's relationships by direction, relationship type and the other end's type, with counts", async () => {
    const page = await entityLinks(db, { id: ids.malware, view: 'knowledge' });
    expect(page.groups.map((group) => [group.key, group.count])).toEqual([
      ['incoming|indicates|indicator', 1],
      ['outgoing|uses|attack-pattern', 1],
    ]);
    const uses = await entityLinks(db, { id: ids.malware, view: 'knowledge', group: 'outgoing|uses|attack-pattern' });
    expect(uses.rows).toEqual([expect.objectContaining({ via: ids.uses, other: ids.subTechnique, kind: 'uses', direction: 'outgoing' })]);
  });

  it('lists the reports containing it under Analyses and the indicators linked to it under Indicators', async () => {
    expect((await entityLinks(db, { id: ids.malware, view: 'analyses' })).rows.map((row) => row.other)).toEqual([ids.report]);
    expect((await entityLinks(db, { id: ids.malware, view: 'indicators' })).rows.map((row) => row.other)).toEqual([ids.indicator]);
    expect(await entityLinkCounts(db, ids.malware)).toEqual({ knowledge: 2, analyses: 1, indicators: 1, observables: 0, sightings: 0 });
  });

  it('pages: the total is every row, a page holds at most its limit', async () => {
    const first = await entityLinks(db, { id: ids.malware, view: 'knowledge', limit: 1 });
    const second = await entityLinks(db, { id: ids.malware, view: 'knowledge', offset: 1, limit: 1 });
    expect([first.total, first.rows.length, second.rows.length]).toEqual([2, 1, 1]);
    expect(first.rows[0]?.via).not.toBe(second.rows[0]?.via);
  });
});

describe('containerContents', () => {
  it('counts the contents by type (missing objects by their id’s type), filters by type and searches by name', async () => {
    const all = await containerContents(db, { id: ids.report });
    expect(all?.all).toBe(5);
    expect(all?.groups).toEqual(expect.arrayContaining([{ type: 'campaign', count: 1 }, { type: 'malware', count: 1 }, { type: 'relationship', count: 1 }]));
    expect((await containerContents(db, { id: ids.report, type: 'indicator' }))?.ids).toEqual([ids.indicator]);
    const found = await containerContents(db, { id: ids.report, query: 'plugx c2' });
    expect([found?.total, found?.ids]).toEqual([1, [ids.indicator]]);
    expect(await containerContents(db, { id: missing })).toBeNull();
  });
});

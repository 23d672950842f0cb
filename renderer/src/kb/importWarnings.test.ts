import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateObject } from '../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { listImportWarnings, WARNINGS_KEPT } from './importWarnings.ts';
import { ingest } from './ingest.ts';
import { sampleObjects } from './testing/sampleObjects.ts';

let db: KbDatabase;
beforeAll(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-warnings-${crypto.randomUUID()}`));
});
afterAll(async () => {
  await db.delete();
});

const malware = (index: number) => ({
  type: 'malware', spec_version: '2.1', id: `malware--00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', name: `Family ${index}`, is_family: true, malware_types: ['not-in-the-vocabulary'],
});

describe('import warnings', () => {
  it('keeps each warning with the object it is about (by name and type) and its rule, and counts them on the source', async () => {
    const objects = [...sampleObjects(), malware(1)];
    const items = objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) }));
    const result = await ingest(db, items, { id: 'file:warned', kind: 'file', name: 'warned.json' });
    expect(result.warnings).toBeGreaterThan(0);
    const page = await listImportWarnings(db, { sourceId: 'file:warned' });
    expect(page.total).toBe(result.warnings);
    expect(page.rows).toContainEqual(expect.objectContaining({ name: 'Family 1', type: 'malware', rule: 'open-vocab', objectPath: `/objects/${objects.length - 1}` }));
    expect((await db.sources.get('file:warned'))?.warnings).toBe(result.warnings);
  });

  it('keeps the first ones of a very noisy import and says how many there were in all', async () => {
    const objects = Array.from({ length: WARNINGS_KEPT + 10 }, (_, index) => malware(index + 10));
    await ingest(db, objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:noisy', kind: 'file', name: 'noisy.json' });
    const page = await listImportWarnings(db, { sourceId: 'file:noisy', offset: WARNINGS_KEPT - 5, limit: 100 });
    expect(page.kept).toBe(WARNINGS_KEPT);
    expect(page.total).toBeGreaterThanOrEqual(WARNINGS_KEPT + 10);
    expect(page.rows).toHaveLength(5);
  });
});

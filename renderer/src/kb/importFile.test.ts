import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleToString } from '../../../core/stix/bundle/write.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { importBundleFile, sha256Hex } from './importFile.ts';
import { sampleObjects } from './testing/sampleObjects.ts';

let db: KbDatabase;
afterEach(async () => {
  await db.delete();
});

async function open() {
  db = await openKnowledgeBase(new KbDatabase(`kb-import-${crypto.randomUUID()}`));
  return db;
}

const jsonFile = (text: string) => new Blob([text], { type: 'application/json' });

describe('importBundleFile', () => {
  it('imports a bundle under one source per file content and keeps the original file', async () => {
    await open();
    const text = await bundleToString(sampleObjects());
    const result = await importBundleFile(db, { file: jsonFile(text), name: 'acme.json' });
    const sha256 = await sha256Hex(jsonFile(text));
    expect(result).toMatchObject({ sourceId: `file:${sha256}`, sha256, specVersion: '2.1', counts: { created: 9, rejected: 0 } });
    expect(await db.files.get(sha256)).toMatchObject({ name: 'acme.json', size: text.length });
    const again = await importBundleFile(db, { file: jsonFile(text), name: 'acme copy.json' });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 9, rejected: 0 });
    expect(await db.sources.count()).toBe(1);
  });

  it('refuses what is not a STIX bundle, writing nothing at all', async () => {
    await open();
    for (const [text, message] of [
      ['{"type": "report", "objects": []}', /not a STIX bundle/],
      ['<html><body>hello</body></html>', /not valid JSON|starting with/],
      ['{"type": "bundle", "objects": [', /JSON/],
      ['', /empty/],
    ] as const) {
      await expect(importBundleFile(db, { file: jsonFile(text), name: 'x.json' })).rejects.toMatchObject({ code: 'not-a-bundle', message: expect.stringMatching(message) as unknown });
    }
    expect(await db.sources.count()).toBe(0);
    expect(await db.objects.count()).toBe(0);
    expect(await db.files.count()).toBe(0);
  });
});

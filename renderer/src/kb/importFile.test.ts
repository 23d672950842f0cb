import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleToString } from '../../../core/stix/bundle/write.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { importBundleFile, sha256Hex } from './importFile.ts';
import { previewBundleFile } from './preview.ts';
import { attribute, mispEvent, tag } from '../../../core/misp/testdata/events.ts';
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

describe('importBundleFile with a MISP event', () => {
  it('converts the event to STIX, stores it under the file, and previews it the same way', async () => {
    await open();
    const event = { Event: mispEvent({ Attribute: [attribute('ip-dst', '203.0.113.9', { to_ids: true }), attribute('domain', 'evil.example.net', { to_ids: false }), attribute('pdb', 'C:\\build\\x.pdb')], Tag: [tag('tlp:amber')] }) };
    const text = JSON.stringify(event);
    const preview = await previewBundleFile(jsonFile(text), 'event.json');
    expect(preview.byType).toMatchObject({ report: 1, 'ipv4-addr': 1, 'domain-name': 1, indicator: 1 });
    const result = await importBundleFile(db, { file: jsonFile(text), name: 'event.json' });
    expect(result.counts.rejected).toBe(0);
    expect(result.counts.created).toBe(preview.objects);
    // The unmapped attribute type is reported, not dropped silently.
    expect(result.bundleIssues.map((issue) => issue.message).join(' ')).toMatch(/pdb/);
    const report = await db.objects.where('type').equals('report').first();
    expect(report?.stix['name']).toBe(event.Event['info']);
    expect(await db.files.count()).toBe(1);
  });

  it('imports a MISP event given as {"Event": …}, bare (keys in any order), {"response": [ … ]} and as a list, each the same', async () => {
    const { info, ...rest } = mispEvent({ Attribute: [attribute('ip-dst', '203.0.113.9', { to_ids: true }), attribute('domain', 'evil.example.net', { to_ids: false })] });
    // misp-stix and PyMISP write the bare event; "info" need not come first.
    const bare = { Attribute: rest['Attribute'], ...rest, info };
    const shapes = { wrapped: { Event: bare }, bare, response: { response: [{ Event: bare }] }, list: [bare] };
    for (const [shape, json] of Object.entries(shapes)) {
      await open();
      const result = await importBundleFile(db, { file: jsonFile(JSON.stringify(json)), name: `${shape}.json` });
      expect(result.counts.rejected, shape).toBe(0);
      const values = (await db.objects.toArray()).flatMap((record) => (typeof record.stix['value'] === 'string' ? [record.stix['value']] : [])).sort();
      expect(values, shape).toEqual(['203.0.113.9', 'evil.example.net']);
      expect(await db.objects.where('type').equals('report').count(), shape).toBe(1);
      await db.delete();
    }
    await open();
  });

  it('refuses a MISP feed manifest with a message that says what it is', async () => {
    await open();
    const manifest = JSON.stringify({ '5c7cdc3b-2f40-4dca-8200-276c0a00000e': { info: 'x', Orgc: { name: 'a', uuid: 'b' }, timestamp: '1' } });
    await expect(importBundleFile(db, { file: jsonFile(manifest), name: 'manifest.json' })).rejects.toThrow();
    expect(await db.objects.count()).toBe(0);
  });
});

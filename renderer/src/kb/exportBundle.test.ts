import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newInvestigation } from '../../../core/investigation/schema.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { validateObject } from '../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { exportBundle } from './exportBundle.ts';
import { ingest } from './ingest.ts';
import { saveInvestigation } from './investigations.ts';
import { ids, sampleObjects } from './testing/sampleObjects.ts';
import { openCtiAmberStrict } from '../../../core/stix/testing/openctiMarkings.ts';

let db: KbDatabase;
const node = (id: string) => ({ id, x: 0, y: 0, pinned: false, hidden: false });

beforeAll(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-export-${crypto.randomUUID()}`));
  await ingest(db, sampleObjects().map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:sample', kind: 'file', name: 'sample.json' });
});
afterAll(async () => {
  await db.delete();
});

async function saved(name: string, nodeIds: string[], description = '') {
  const draft = newInvestigation(name, nodeIds.map(node), '2026-01-01T00:00:00.000Z', crypto.randomUUID());
  return saveInvestigation(db, { ...draft, description }, () => '2026-01-02T00:00:00.000Z');
}

function objectsOf(bundle: string): JsonObject[] {
  return (JSON.parse(bundle) as { objects: JsonObject[] }).objects;
}

const sorted = (values: readonly unknown[]) => [...values].map(String).sort();

describe('exporting an investigation', () => {
  it('exports its objects, the relationships among them, their closure and a grouping naming them', async () => {
    const investigation = await saved('PlugX', [ids.malware, ids.indicator, ids.subTechnique, ids.ip, 'tool--00000000-0000-4000-8000-000000000000'], 'Pivots from the C2.');
    const result = await exportBundle(db, { investigationId: investigation.id, ids: [ids.report] });
    const objects = objectsOf(result.bundle);
    const grouping = objects.find((object) => object['type'] === 'grouping');
    expect(grouping).toMatchObject({ id: investigation.id, name: 'PlugX', description: 'Pivots from the C2.', context: 'suspicious-activity', created: investigation.created, modified: investigation.modified });
    expect(sorted(grouping?.['object_refs'] as string[])).toEqual(sorted([ids.malware, ids.indicator, ids.subTechnique, ids.ip, ids.indicates, ids.uses]));
    // The creator comes with the closure; the report (not on the graph, asked in ids) does not.
    expect(sorted(objects.map((object) => object['id']))).toEqual(sorted([ids.malware, ids.indicator, ids.subTechnique, ids.ip, ids.indicates, ids.uses, ids.identity, investigation.id]));
    expect(result.exported).toBe(8);
    for (const object of objects) expect(validateObject(object), String(object['id'])).toEqual([]);
  });

  it('withholds what is above the TLP, and the grouping names only what was exported', async () => {
    const investigation = await saved('PlugX', [ids.malware, ids.indicator, ids.subTechnique]);
    const result = await exportBundle(db, { investigationId: investigation.id, maxTlp: 'amber' });
    const objects = objectsOf(result.bundle);
    const exportedIds = objects.map((object) => object['id']);
    expect(exportedIds).not.toContain(ids.indicator);
    expect(exportedIds).not.toContain(ids.indicates);
    expect(result.withheld).toEqual({ red: 1 });
    expect(result.withheldRelationships).toBe(1);
    const grouping = objects.find((object) => object['id'] === investigation.id);
    expect(sorted(grouping?.['object_refs'] as string[])).toEqual(sorted([ids.malware, ids.subTechnique, ids.uses]));
    for (const object of objects) expect(validateObject(object), String(object['id'])).toEqual([]);
  });

  it('refuses, saying why, when every object is above the TLP or none is left', async () => {
    const secret = await saved('Secret', [ids.indicator]);
    await expect(exportBundle(db, { investigationId: secret.id, maxTlp: 'green' })).rejects.toMatchObject({ code: 'nothing-to-export', message: expect.stringMatching(/^Every object in this investigation is above the chosen TLP; nothing to export/) as unknown });
    const empty = await saved('Empty', []);
    await expect(exportBundle(db, { investigationId: empty.id })).rejects.toMatchObject({ code: 'nothing-to-export' });
    await expect(exportBundle(db, { investigationId: 'grouping--00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('exporting in other formats', () => {
  it('writes the same selection as CSV, a TXT blocklist or a MISP event, withholding what is above the TLP', async () => {
    const request = { ids: [ids.report], includeContents: true, maxTlp: 'green' as const };
    const csv = await exportBundle(db, { ...request, format: 'csv', formatOptions: { separator: ',', bom: true } });
    expect(csv.bundle.startsWith('\uFEFF"id","type","name"')).toBe(true);
    expect(csv.bundle).toContain('"PlugX"');
    expect(csv.bundle).not.toContain('PlugX C2');
    expect(csv.withheld).toEqual({ red: 1 });

    const txt = await exportBundle(db, { ...request, format: 'txt', formatOptions: { defang: true } });
    expect(txt.bundle.trim().split('\n')).toEqual(['198[.]51[.]100[.]7']);

    const misp = JSON.parse((await exportBundle(db, { ...request, format: 'misp' })).bundle) as { Event: { Attribute: { type: string; value: string; to_ids: boolean }[] } };
    // The TLP:RED indicator that detects the IP stays home, so the IP goes out as a bare observable.
    expect(misp.Event.Attribute).toEqual([expect.objectContaining({ type: 'ip-dst', value: '198.51.100.7', to_ids: false })]);

    // A MISP feed: the files for main to write as a folder, withheld the same way.
    const feed = await exportBundle(db, { ...request, format: 'misp-feed' });
    expect(feed.files?.map((file) => file.name).slice(0, 2)).toEqual(['manifest.json', 'hashes.csv']);
    expect(feed.files?.some((file) => file.text.includes('198.51.100.7'))).toBe(true);
    expect(feed.files?.some((file) => file.text.includes('PlugX C2'))).toBe(false);
    expect(feed.withheld).toEqual({ red: 1 });
  });
});

describe('TLP markings under other ids', () => {
  it('withholds an object marked with OpenCTI\'s own TLP:AMBER+STRICT from a TLP:AMBER export, in every format', async () => {
    const marked = { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--0f6d8bd4-4f3c-5f0e-8d2e-2a6b1c9d7e31', value: '203.0.113.250', object_marking_refs: [String(openCtiAmberStrict['id'])] };
    await ingest(db, [openCtiAmberStrict, marked].map((object, index) => ({ object, path: `/objects/${String(index)}`, issues: validateObject(object) })), { id: 'file:opencti', kind: 'file', name: 'opencti.json' });
    for (const format of ['stix', 'csv', 'txt', 'misp'] as const) {
      const result = await exportBundle(db, { ids: [marked.id, ids.malware], maxTlp: 'amber', format });
      expect(result.withheld, format).toMatchObject({ 'amber+strict': 1 });
      expect(result.bundle, format).not.toContain('203.0.113.250');
    }
  });
});

describe('what a MISP export cannot hold (issue 20)', () => {
  it('names it by kind with a reason code the export dialog words, for the event and the feed alike', async () => {
    const created = '2024-01-01T00:00:00.000Z';
    const pcre = { type: 'indicator', spec_version: '2.1', id: 'indicator--11111111-1111-4111-8111-111111111111', created, modified: created, name: 'PCRE rule', pattern: '/evil[0-9]+/', pattern_type: 'pcre', valid_from: created };
    await ingest(db, [{ object: pcre, path: '/objects/0', issues: validateObject(pcre) }], { id: 'file:pcre', kind: 'file', name: 'pcre.json' });
    for (const format of ['misp', 'misp-feed'] as const) {
      const result = await exportBundle(db, { ids: [pcre.id, ids.malware], format });
      expect(result.notExported.map(({ what, reason, count }) => ({ what, reason, count }))).toEqual([{ what: 'indicator (pcre)', reason: 'pattern-language', count: 1 }]);
    }
    expect((await exportBundle(db, { ids: [pcre.id], format: 'stix' })).notExported).toEqual([]);
  });
});

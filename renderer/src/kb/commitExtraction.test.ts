import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExtractedIndicator } from '../../../core/extract/types.ts';
import { TLP_2 } from '../../../core/stix/index.ts';
import { commitExtraction, type CommitExtractionRequest } from './commitExtraction.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { KbError } from './errors.ts';
import { sha256Hex } from './importFile.ts';
import { ingest } from './ingest.ts';

let db: KbDatabase;
afterEach(async () => {
  await db.delete();
});

function item(type: ExtractedIndicator['type'], value: string, extra: Partial<ExtractedIndicator> = {}): ExtractedIndicator {
  return { type, value, flags: [], occurrences: [{ page: 2, offset: 10, length: value.length, context: `… ${value} …` }], occurrenceCount: 1, ...extra };
}

const pdf = new Blob(['%PDF-1.7 a report'], { type: 'application/pdf' });

function request(indicators: ExtractedIndicator[], extra: Partial<CommitExtractionRequest> = {}): CommitExtractionRequest {
  return { file: pdf, fileName: 'report.pdf', mediaType: 'application/pdf', report: { name: 'Invoice stealer', published: '2024-05-01', author: 'Kawasemi Security', lang: 'ja' }, tlp: 'amber', indicators, ...extra };
}

const indicators = [
  item('domain-name', 'kessai-tsuchi.com'),
  item('file', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', { hash_type: 'SHA-256' }),
  item('vulnerability', 'CVE-2017-11882'),
  item('attack-pattern', 'T1566.001', { attack_kind: 'sub-technique' }),
];

describe('commitExtraction', () => {
  it('stores the report, its observables, indicators and relationships, the marking, the author and the file', async () => {
    db = await openKnowledgeBase(new KbDatabase(`kb-commit-${crypto.randomUUID()}`));
    const result = await commitExtraction(db, request(indicators));
    expect(result.counts).toEqual({ observables: 2, indicators: 2, relationships: 2, linked: 0, created: 2 });
    const report = await db.objects.get(result.reportId);
    expect(report?.stix).toMatchObject({ name: 'Invoice stealer', published: '2024-05-01T00:00:00.000Z', lang: 'ja', object_marking_refs: [TLP_2.amber.id] });
    const refs = report?.stix['object_refs'] as string[];
    expect(refs).toHaveLength(8);
    const stored = await db.objects.bulkGet(refs);
    expect(stored.every(Boolean)).toBe(true);
    expect(new Set(stored.map((record) => record?.type))).toEqual(new Set(['domain-name', 'file', 'indicator', 'relationship', 'vulnerability', 'attack-pattern']));
    expect(await db.objects.get(TLP_2.amber.id)).toBeDefined();
    expect((await db.objects.get(String(report?.stix['created_by_ref'])))?.stix['name']).toBe('Kawasemi Security');
    const sha256 = await sha256Hex(pdf);
    expect(await db.files.get(sha256)).toMatchObject({ name: 'report.pdf', mediaType: 'application/pdf' });
    expect(await db.sources.get(`file:${sha256}`)).toMatchObject({ status: 'committed', kind: 'file' });
  });

  it('links to the CVE and ATT&CK technique the knowledge base already holds instead of creating new ones', async () => {
    db = await openKnowledgeBase(new KbDatabase(`kb-commit-${crypto.randomUUID()}`));
    const t = '2020-01-01T00:00:00.000Z';
    const technique = { type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--2e34237d-8574-43f6-aace-ae2915de8597', created: t, modified: t, name: 'Spearphishing Attachment', external_references: [{ source_name: 'mitre-attack', external_id: 'T1566.001' }] };
    const cve = { type: 'vulnerability', spec_version: '2.1', id: 'vulnerability--6a2f7b8e-1d1e-4b8e-9b4a-8b6f3e1d2c3a', created: t, modified: t, name: 'CVE-2017-11882' };
    await ingest(db, [technique, cve].map((object, index) => ({ object, path: `/${index}`, issues: [] })), { id: 'file:attack', kind: 'file', name: 'attack.json' });
    const result = await commitExtraction(db, request(indicators));
    expect(result.counts.linked).toBe(2);
    expect(result.counts.created).toBe(0);
    const refs = (await db.objects.get(result.reportId))?.stix['object_refs'] as string[];
    expect(refs).toContain(technique.id);
    expect(refs).toContain(cve.id);
    expect(await db.objects.where('type').equals('attack-pattern').count()).toBe(1);
  });

  it('committing the same document again updates its report instead of adding one', async () => {
    db = await openKnowledgeBase(new KbDatabase(`kb-commit-${crypto.randomUUID()}`));
    const first = await commitExtraction(db, request(indicators));
    const second = await commitExtraction(db, request(indicators.slice(0, 1), { report: { name: 'Renamed', published: '2024-05-02', author: '' } }));
    expect(second.reportId).toBe(first.reportId);
    expect(await db.objects.where('type').equals('report').count()).toBe(1);
  });

  it('refuses a commit with nothing ticked, a bad date or no name, and writes nothing', async () => {
    db = await openKnowledgeBase(new KbDatabase(`kb-commit-${crypto.randomUUID()}`));
    for (const bad of [request([]), request(indicators, { report: { name: 'x', published: 'yesterday', author: '' } }), request(indicators, { report: { name: '  ', published: '2024-01-01', author: '' } })]) {
      const error = await commitExtraction(db, bad).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(KbError);
    }
    expect(await db.objects.count()).toBe(0);
    expect(await db.files.count()).toBe(0);
  });

  it('leaves nothing behind when the write fails part-way', async () => {
    db = await openKnowledgeBase(new KbDatabase(`kb-commit-${crypto.randomUUID()}`));
    const spy = vi.spyOn(db.files, 'put').mockRejectedValue(new Error('disk failure'));
    await expect(commitExtraction(db, request(indicators))).rejects.toThrow('disk failure');
    spy.mockRestore();
    expect(await db.objects.count()).toBe(0);
  });
});

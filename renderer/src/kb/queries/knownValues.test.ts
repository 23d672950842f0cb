import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedIndicator } from '../../../../core/extract/types.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { commitExtraction } from '../commitExtraction.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest } from '../ingest.ts';
import { knownValues, type KnownValueQuery } from './knownValues.ts';

let db: KbDatabase;
const value = (type: ExtractedIndicator['type'], text: string, extra: Partial<ExtractedIndicator> = {}): ExtractedIndicator => ({ type, value: text, flags: [], occurrences: [], occurrenceCount: 1, ...extra });
const sha256 = 'a'.repeat(64);
const md5 = 'b'.repeat(32);
const namedMd5 = 'd'.repeat(32);
const namedSha1 = 'e'.repeat(40);

beforeAll(async () => {
  db = await openKnowledgeBase(new KbDatabase(`known-values-${Date.now()}`));
  await commitExtraction(db, {
    file: new Blob(['first report']),
    fileName: 'first.txt',
    mediaType: 'text/plain',
    report: { name: 'Operation First Light', published: '2026-11-03', author: '' },
    tlp: 'amber',
    indicators: [value('domain-name', 'shared.example'), value('ipv4-addr', '203.0.113.7'), value('vulnerability', 'CVE-2023-23397')],
  });
  // A feed: a file SCO with two hashes (its id is not the one a single hash gives) and an indicator with no observable.
  const feed: JsonObject[] = [
    { type: 'file', spec_version: '2.1', id: 'file--11111111-1111-4111-8111-111111111111', hashes: { MD5: md5, 'SHA-256': sha256 } },
    // As MISP file objects and enrichments keep files: under their name, with their hashes.
    { type: 'file', spec_version: '2.1', id: 'file--88888888-8888-4888-8888-888888888888', name: 'invoice.exe', hashes: { MD5: namedMd5, 'SHA-1': namedSha1 } },
    { type: 'indicator', spec_version: '2.1', id: 'indicator--22222222-2222-4222-8222-222222222222', created: '2025-01-02T00:00:00.000Z', modified: '2025-01-02T00:00:00.000Z', pattern: "[domain-name:value = 'feed-only.example']", pattern_type: 'stix', valid_from: '2025-01-02T00:00:00.000Z' },
    // A report that merely mentions a value in its name is not that value.
    { type: 'report', spec_version: '2.1', id: 'report--33333333-3333-4333-8333-333333333333', created: '2025-01-02T00:00:00.000Z', modified: '2025-01-02T00:00:00.000Z', name: 'About new.example', published: '2025-01-02T00:00:00.000Z', object_refs: ['indicator--22222222-2222-4222-8222-222222222222'] },
  ];
  await ingest(db, feed.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'connector:feed', kind: 'connector', name: 'Example feed' });
});
afterAll(() => db.close());

const ask = async (queries: KnownValueQuery[]) => (await knownValues(db, queries)).values;

describe('known or new', () => {
  it('names the report and import that hold a committed value, with dates, TLP and indicator', async () => {
    const [shared, ip, cve, fresh] = await ask([value('domain-name', 'shared.example'), value('ipv4-addr', '203.0.113.7'), value('vulnerability', 'CVE-2023-23397'), value('domain-name', 'new.example')]);
    expect(shared).toMatchObject({ known: true, indicator: true, tlp: 'amber', reportCount: 1, reports: [{ name: 'Operation First Light', type: 'report' }], sources: [{ name: 'first.txt', kind: 'file' }] });
    expect(shared?.firstSeen).toBe('2026-11-03');
    expect(shared?.lastSeen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ip?.known).toBe(true);
    expect(cve).toMatchObject({ known: true, indicator: false, reports: [{ name: 'Operation First Light' }] });
    // A report's name that mentions a value does not make the value known.
    expect(fresh).toMatchObject({ known: false, reports: [], sources: [] });
  });

  it('finds each hash of a file that carries several or is kept under its name, and an indicator that came without an observable', async () => {
    const [bySha, byMd5, namedByMd5, namedBySha1, feedOnly, other] = await ask([
      value('file', sha256, { hash_type: 'SHA-256' }),
      value('file', md5.toUpperCase(), { hash_type: 'MD5' }),
      value('file', namedMd5, { hash_type: 'MD5' }),
      value('file', namedSha1, { hash_type: 'SHA-1' }),
      value('domain-name', 'feed-only.example'),
      value('file', 'c'.repeat(64), { hash_type: 'SHA-256' }),
    ]);
    expect(bySha).toMatchObject({ known: true, indicator: false, sources: [{ name: 'Example feed', kind: 'connector' }] });
    expect(byMd5).toMatchObject({ known: true, object: { id: 'file--11111111-1111-4111-8111-111111111111' } });
    expect(namedByMd5).toMatchObject({ known: true, object: { id: 'file--88888888-8888-4888-8888-888888888888' } });
    expect(namedBySha1).toMatchObject({ known: true, object: { id: 'file--88888888-8888-4888-8888-888888888888' } });
    expect(feedOnly).toMatchObject({ known: true, indicator: true, reports: [{ name: 'About new.example' }], sources: [{ name: 'Example feed' }] });
    expect(feedOnly?.firstSeen).toBe('2025-01-02');
    expect(other?.known).toBe(false);
  });

  it('says which object a value is, its score and confidence, and whether its indicator is valid, expired or revoked', async () => {
    const indicator = (id: string, domain: string, extra: JsonObject): JsonObject => ({ type: 'indicator', spec_version: '2.1', id, created: '2025-03-01T00:00:00.000Z', modified: '2025-03-01T00:00:00.000Z', pattern: `[domain-name:value = '${domain}']`, pattern_type: 'stix', valid_from: '2025-03-01T00:00:00.000Z', ...extra });
    const objects: JsonObject[] = [
      indicator('indicator--44444444-4444-4444-8444-444444444444', 'revoked.example', { revoked: true, confidence: 40 }),
      indicator('indicator--55555555-5555-4555-8555-555555555555', 'expired.example', { valid_until: '2025-06-01T00:00:00.000Z' }),
      indicator('indicator--66666666-6666-4666-8666-666666666666', 'live.example', { valid_until: '2027-01-01T00:00:00.000Z', confidence: 70 }),
      { type: 'domain-name', spec_version: '2.1', id: 'domain-name--77777777-7777-4777-8777-777777777777', value: 'live.example', x_opencti_score: 80 },
    ];
    await ingest(db, objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'connector:states', kind: 'connector', name: 'States feed' });
    const queries = ['revoked.example', 'expired.example', 'live.example', 'shared.example'].map((text) => value('domain-name', text));
    const [revoked, expired, live, committed] = (await knownValues(db, queries, new Date('2026-01-01T00:00:00Z'))).values;
    expect(revoked).toMatchObject({ known: true, indicatorState: 'revoked', confidence: 40, object: { type: 'indicator', id: 'indicator--44444444-4444-4444-8444-444444444444' } });
    // A revoked or expired indicator scores nothing any more.
    expect(revoked?.score).toBe(0);
    expect(expired).toMatchObject({ indicatorState: 'expired', score: 0 });
    // The observable is the object named (its page is the value's), the indicator's confidence and the observable's score both count.
    expect(live).toMatchObject({ indicatorState: 'valid', score: 80, confidence: 70, object: { type: 'domain-name', name: 'live.example' } });
    expect(committed).toMatchObject({ indicatorState: 'valid', object: { type: 'domain-name', name: 'shared.example' } });
    // The same expired indicator was live before its valid_until.
    const [before] = (await knownValues(db, [value('domain-name', 'expired.example')], new Date('2025-05-01T00:00:00Z'))).values;
    expect(before?.indicatorState).toBe('valid');
    expect(before?.score).toBeGreaterThan(0);
  });

  it('finds an indicator through its based-on relationship when its name is not the value, and its report', async () => {
    const observable = { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--99999999-9999-4999-8999-999999999999', value: '192.0.2.99' };
    const named = { type: 'indicator', spec_version: '2.1', id: 'indicator--aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', created: '2025-04-01T00:00:00.000Z', modified: '2025-04-01T00:00:00.000Z', name: 'Beacon C2 of the spring wave', pattern: "[ipv4-addr:value = '192.0.2.98']", pattern_type: 'stix', valid_from: '2025-04-01T00:00:00.000Z' };
    const basedOn = { type: 'relationship', spec_version: '2.1', id: 'relationship--bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', created: '2025-04-01T00:00:00.000Z', modified: '2025-04-01T00:00:00.000Z', relationship_type: 'based-on', source_ref: named.id, target_ref: observable.id };
    const report = { type: 'report', spec_version: '2.1', id: 'report--cccccccc-cccc-4ccc-8ccc-cccccccccccc', created: '2025-04-02T00:00:00.000Z', modified: '2025-04-02T00:00:00.000Z', name: 'Spring wave', published: '2025-04-02T00:00:00.000Z', object_refs: [named.id] };
    const objects: JsonObject[] = [observable, named, basedOn, report];
    await ingest(db, objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'connector:walk', kind: 'connector', name: 'Walk feed' });
    const [address] = await ask([value('ipv4-addr', '192.0.2.99')]);
    expect(address).toMatchObject({ known: true, indicator: true, reportCount: 1, reports: [{ name: 'Spring wave' }], object: { type: 'ipv4-addr' } });
  });

  it('answers an empty review and refuses an unbounded one', async () => {
    expect(await ask([])).toEqual([]);
    await expect(knownValues(db, Array.from({ length: 5001 }, (_, index) => value('ipv4-addr', `10.0.${index >> 8}.${index & 255}`)))).rejects.toThrow(/batches/);
  });
});

import { describe, expect, it } from 'vitest';
import { mergeAuthored, mergeVersions } from './merge.ts';
import { TLP_2 } from './markings.ts';
import type { JsonObject } from './model/properties.ts';

const base: JsonObject = {
  type: 'malware',
  spec_version: '2.1',
  id: 'malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061',
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-02-01T00:00:00.000Z',
  name: 'Cryptolocker',
  is_family: true,
  labels: ['ransomware'],
  external_references: [{ source_name: 'acme', external_id: 'M-1' }],
  object_marking_refs: [TLP_2.green.id],
};

describe('merging two versions of one object', () => {
  it('takes the newer modified', () => {
    const newer = { ...base, modified: '2024-03-01T00:00:00.000Z', name: 'CryptoLocker' };
    const result = mergeVersions(base, newer);
    expect(result.outcome).toBe('took-incoming');
    expect(result.object['name']).toBe('CryptoLocker');
    expect(result.changed).toBe(true);
    expect(mergeVersions(newer, base).object['name']).toBe('CryptoLocker');
  });

  it('keeps the stored object when modified is equal, and changes nothing on re-import', () => {
    const same = { ...base, name: 'Other name' };
    expect(mergeVersions(base, same).object['name']).toBe('Cryptolocker');
    expect(mergeVersions(base, structuredClone(base)).changed).toBe(false);
  });

  it('leaves a stored object alone on re-import even when its own lists repeat an entry', () => {
    // ATT&CK has objects whose external_references list the same citation twice.
    const repeats = { ...base, external_references: [{ source_name: 'acme', external_id: 'M-1' }, { source_name: 'acme', external_id: 'M-1' }], labels: ['a', 'a'] };
    const result = mergeVersions(repeats, structuredClone(repeats));
    expect(result.changed).toBe(false);
    expect(result.object).toEqual(repeats);
  });

  it('compares modified by time, not by text length', () => {
    const finer = { ...base, modified: '2024-02-01T00:00:00.0001Z', name: 'finer' };
    expect(mergeVersions(base, finer).outcome).toBe('took-incoming');
  });

  it('never un-revokes', () => {
    const revoked = { ...base, revoked: true };
    const newer = { ...base, modified: '2025-01-01T00:00:00.000Z', revoked: false };
    expect(mergeVersions(revoked, newer).object['revoked']).toBe(true);
  });

  it('merges labels, external references and markings without duplicates', () => {
    const incoming = {
      ...base,
      modified: '2024-03-01T00:00:00.000Z',
      labels: ['ransomware', 'crimeware'],
      external_references: [{ source_name: 'acme', external_id: 'M-1' }, { source_name: 'vendor', url: 'https://example.com/m' }],
      object_marking_refs: [TLP_2.amber.id, TLP_2.green.id],
      granular_markings: [{ marking_ref: TLP_2.red.id, selectors: ['description'] }],
    };
    const { object } = mergeVersions(base, incoming);
    expect(object['labels']).toEqual(['ransomware', 'crimeware']);
    expect(object['external_references']).toEqual([{ source_name: 'acme', external_id: 'M-1' }, { source_name: 'vendor', url: 'https://example.com/m' }]);
    expect(object['object_marking_refs']).toEqual([TLP_2.green.id, TLP_2.amber.id]);
    expect(object['granular_markings']).toEqual([{ marking_ref: TLP_2.red.id, selectors: ['description'] }]);
  });

  it('keeps stored markings even when an older version arrives', () => {
    const older = { ...base, modified: '2023-01-01T00:00:00.000Z', object_marking_refs: [TLP_2.red.id] };
    const { object, outcome } = mergeVersions(base, older);
    expect(outcome).toBe('kept-stored');
    expect(object['object_marking_refs']).toEqual([TLP_2.green.id, TLP_2.red.id]);
  });

  it('fills in what a stored observable lacks (hashes, size, names) and never replaces what it has', () => {
    const stored = { type: 'file', spec_version: '2.1', id: 'file--a1b2c3d4-0000-5000-8000-000000000001', hashes: { 'SHA-256': 'aa' }, name: 'invoice.exe' };
    const enriched = { ...stored, hashes: { MD5: 'bb', 'SHA-256': 'ff' }, name: 'other.exe', size: 87040, mime_type: 'application/x-dosexec' };
    const merged = mergeVersions(stored, enriched);
    expect(merged.changed).toBe(true);
    expect(merged.object).toEqual({ ...stored, hashes: { 'SHA-256': 'aa', MD5: 'bb' }, size: 87040, mime_type: 'application/x-dosexec' });
    // The same answer again changes nothing.
    expect(mergeVersions(merged.object, enriched).changed).toBe(false);
    // An enricher's answer does not make the observable its own.
    const claimed: JsonObject = { ...enriched, created_by_ref: 'identity--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061' };
    expect(mergeVersions<JsonObject>(stored, claimed).object['created_by_ref']).toBeUndefined();
  });

  it('does not fill in an older versioned object from a newer one it keeps', () => {
    const stored = { type: 'malware', spec_version: '2.1', id: 'malware--a1b2c3d4-0000-4000-8000-000000000002', created: '2024-01-01T00:00:00.000Z', modified: '2024-02-01T00:00:00.000Z', name: 'X', is_family: true };
    const older = { ...stored, modified: '2024-01-15T00:00:00.000Z', description: 'an older text' };
    expect(mergeVersions(stored, older)).toMatchObject({ changed: false, object: stored });
  });

  it('refuses to merge different objects', () => {
    expect(() => mergeVersions(base, { ...base, id: 'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' })).toThrow(/same id/);
  });
});

describe('feed versus analyst (rule 7)', () => {
  const analyst = { storedByAnalyst: true, incomingByAnalyst: false };
  const mine: JsonObject = { ...base, modified: '2024-05-01T00:00:00.000Z', description: 'Analyst view.', labels: ['loader'] };

  it('keeps the analyst version whole when a feed brings the same or an older one, adding none of its labels or markings', () => {
    for (const modified of ['2024-05-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z']) {
      const result = mergeAuthored(mine, { ...base, modified, labels: ['ransomware', 'worm'], object_marking_refs: [TLP_2.red.id] }, analyst);
      expect(result).toMatchObject({ outcome: 'kept-stored', changed: false });
      expect(result.object).toEqual(mine);
    }
  });

  it('lets a later feed version replace the analyst version by the usual rules', () => {
    const result = mergeAuthored(mine, { ...base, modified: '2024-06-01T00:00:00.000Z', description: 'Feed view.' }, analyst);
    expect(result).toMatchObject({ outcome: 'took-incoming', changed: true });
    expect(result.object).toMatchObject({ description: 'Feed view.', labels: ['loader', 'ransomware'] });
  });

  it('takes the analyst version as it is, without accumulating what the analyst removed, but never un-revokes', () => {
    const edited: JsonObject = { ...base, modified: '2024-06-01T00:00:00.000Z', object_marking_refs: [TLP_2.amber.id] };
    const { labels: _labels, ...withoutLabels } = edited;
    const result = mergeAuthored({ ...base, revoked: true }, withoutLabels, { storedByAnalyst: false, incomingByAnalyst: true });
    expect(result.object['labels']).toBeUndefined();
    expect(result.object['object_marking_refs']).toEqual([TLP_2.amber.id]);
    expect(result.object['revoked']).toBe(true);
  });
});

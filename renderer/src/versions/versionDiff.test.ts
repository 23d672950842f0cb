import { describe, expect, it } from 'vitest';
import { shownValue, versionDiff } from './versionDiff.ts';

describe('versionDiff', () => {
  it('lists added, removed and changed fields, leaving out modified', () => {
    const older = { type: 'malware', id: 'malware--1', modified: '2024-01-01T00:00:00.000Z', description: 'Old.', labels: ['rat'], confidence: 50 };
    const newer = { type: 'malware', id: 'malware--1', modified: '2025-01-01T00:00:00.000Z', description: 'New.', labels: ['rat'], aliases: ['Sogu'] };
    expect(versionDiff(older, newer)).toEqual([
      { field: 'aliases', kind: 'added', after: ['Sogu'] },
      { field: 'confidence', kind: 'removed', before: 50 },
      { field: 'description', kind: 'changed', before: 'Old.', after: 'New.' },
    ]);
  });

  it('has nothing to compare for the first version, and sees no change in reordered object keys', () => {
    expect(versionDiff(undefined, { a: 1 })).toEqual([]);
    expect(versionDiff({ hashes: { MD5: 'a', 'SHA-1': 'b' } }, { hashes: { 'SHA-1': 'b', MD5: 'a' } })).toEqual([]);
  });

  it('shows lists and objects on one line', () => {
    expect(shownValue(['a', 'b'])).toBe('a, b');
    expect(shownValue({ x: 1 })).toBe('{"x":1}');
    expect(shownValue(undefined)).toBe('—');
    expect(shownValue(['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'marking-definition--x'])).toBe('TLP:GREEN, marking-definition--x');
  });
});

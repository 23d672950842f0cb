import { describe, expect, it } from 'vitest';
import { advance, alreadySeen, readCursor } from './cursor.ts';
import { firstPageUrl, rebase } from './client.ts';
import { firstRunSince } from './settings.ts';
import { otxTime } from './time.ts';

describe('OTX incremental runs', () => {
  it('reads OTX times as UTC, to the millisecond', () => {
    expect(otxTime('2015-09-02T09:21:53.093000')).toBe('2015-09-02T09:21:53.093Z');
    expect(otxTime('2015-09-01T07:47:06')).toBe('2015-09-01T07:47:06.000Z');
    expect(otxTime('2023-08-22T09:43:18+02:00')).toBe('2023-08-22T07:43:18.000Z');
    expect(otxTime('yesterday')).toBeUndefined();
  });

  it('moves the cursor to the latest modification and remembers the pulses at that instant', () => {
    let cursor = { modifiedSince: '2024-01-01T00:00:00.000Z', seen: [] as string[] };
    cursor = advance(cursor, 'a', '2024-02-01T00:00:00.000Z');
    cursor = advance(cursor, 'b', '2024-01-15T00:00:00.000Z');
    cursor = advance(cursor, 'c', '2024-02-01T00:00:00.000Z');
    expect(cursor).toEqual({ modifiedSince: '2024-02-01T00:00:00.000Z', seen: ['a', 'c'] });
    expect(alreadySeen(cursor, 'a', '2024-02-01T00:00:00.000Z')).toBe(true);
    expect(alreadySeen(cursor, 'd', '2024-02-01T00:00:00.000Z')).toBe(false);
    expect(alreadySeen(cursor, 'a', '2024-02-01T00:00:00.001Z')).toBe(false);
    expect(readCursor({ modifiedSince: 'x' })).toEqual({ modifiedSince: 'x', seen: [] });
    expect(readCursor({})).toBeUndefined();
  });

  it('starts from the import-from day, else 30 days back, and asks for 50 pulses a page', () => {
    expect(firstRunSince('2024-03-01', new Date('2026-01-01T00:00:00Z'))).toBe('2024-03-01T00:00:00.000Z');
    expect(firstRunSince(undefined, new Date('2026-01-31T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
    expect(firstPageUrl('https://otx.alienvault.com', '2024-03-01T00:00:00.000Z')).toBe(
      'https://otx.alienvault.com/api/v1/pulses/subscribed?modified_since=2024-03-01T00%3A00%3A00.000Z&limit=50&page=1',
    );
  });

  it('follows `next` only on the configured server, so the key goes nowhere else', () => {
    expect(rebase('https://evil.example/api/v1/pulses/subscribed?page=2', 'https://otx.alienvault.com')).toBe('https://otx.alienvault.com/api/v1/pulses/subscribed?page=2');
  });
});

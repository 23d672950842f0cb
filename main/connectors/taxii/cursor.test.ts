import { describe, expect, it } from 'vitest';
import { authOf, configSchema, firstAddedAfter } from './settings.ts';
import { nextAddedAfter, readCursor } from './cursor.ts';

describe('the per-collection cursor', () => {
  const progress = { lastAdded: undefined, firstServerDate: undefined, objectCount: 0 };

  it('moves to the last date_added the server reported, never backwards', () => {
    expect(nextAddedAfter('2025-01-01T00:00:00Z', { ...progress, lastAdded: '2025-02-01T00:00:00.123456Z', objectCount: 3 })).toEqual({ value: '2025-02-01T00:00:00.123456Z', source: 'date-added' });
    expect(nextAddedAfter('2025-03-01T00:00:00Z', { ...progress, lastAdded: '2025-02-01T00:00:00Z', objectCount: 3 })).toEqual({ value: '2025-03-01T00:00:00Z', source: 'unchanged' });
  });

  it("falls back on the server's clock, a minute early, only when objects came without date headers", () => {
    expect(nextAddedAfter(undefined, { ...progress, firstServerDate: '2025-05-01T10:00:00.000Z', objectCount: 2 })).toEqual({ value: '2025-05-01T09:59:00.000Z', source: 'server-clock' });
    expect(nextAddedAfter('2025-01-01T00:00:00Z', { ...progress, firstServerDate: '2025-05-01T10:00:00.000Z' })).toEqual({ value: '2025-01-01T00:00:00Z', source: 'unchanged' });
  });

  it('ignores a stored cursor it cannot read (a full re-read is safe)', () => {
    expect(readCursor({ addedAfter: { 'https://a/': '2025-01-01T00:00:00Z', 'https://b/': 'yesterday' } })).toEqual({ addedAfter: { 'https://a/': '2025-01-01T00:00:00Z' } });
    expect(readCursor({ addedAfter: 'x' })).toEqual({ addedAfter: {} });
  });
});

describe('settings', () => {
  it('defaults to every collection, pages of 1,000 and no credentials', () => {
    const config = configSchema.parse({ discoveryUrl: 'https://octi.example/taxii2/' });
    expect(config).toMatchObject({ collections: [], pageSize: 1000 });
    expect(authOf(config)).toBeUndefined();
  });

  it('prefers the API token over a user name and password', () => {
    expect(authOf({ username: 'a', password: 'b', token: 't' })).toEqual({ type: 'bearer', token: 't' });
    expect(authOf({ username: 'a', password: 'b' })).toEqual({ type: 'basic', username: 'a', password: 'b' });
  });

  it('reads the first-run day as midnight UTC and refuses other forms', () => {
    expect(firstAddedAfter('2024-01-31')).toBe('2024-01-31T00:00:00.000Z');
    expect(firstAddedAfter('')).toBeUndefined();
    expect(configSchema.safeParse({ discoveryUrl: 'https://t.example/', addedAfter: '31/01/2024' }).success).toBe(false);
    expect(configSchema.safeParse({ discoveryUrl: 'ftp://t.example/' }).success).toBe(false);
  });
});

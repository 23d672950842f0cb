import { describe, expect, it } from 'vitest';
import { eventsToFetch, eventsToRetry, keepListed, readCursor } from './cursor.ts';
import { readManifest } from './manifest.ts';

const A = '0a1b2c3d-0000-4000-8000-000000000001';
const B = '0a1b2c3d-0000-4000-8000-000000000002';
const C = '0a1b2c3d-0000-4000-8000-000000000003';

const manifest = readManifest(
  {
    [A]: { info: 'old', date: '2023-01-01', timestamp: 1672531200 },
    [B]: { info: 'changed', date: '2024-06-01', timestamp: '1717200000' },
    [C]: { info: 'dated only', date: '2025-02-01' },
    '../../etc/passwd': { info: 'not an event', timestamp: 1 },
  },
  'manifest.json',
);

describe('choosing the events to fetch', () => {
  it('reads timestamps given as numbers or strings, falls back to the date, and refuses non-uuid names', () => {
    expect(manifest.entries.map((entry) => [entry.info, entry.timestamp])).toEqual([
      ['old', 1672531200],
      ['changed', 1717200000],
      ['dated only', Date.parse('2025-02-01T00:00:00Z') / 1000],
    ]);
    expect(manifest.unusable).toEqual(['../../etc/passwd']);
  });

  it('fetches new and changed events, oldest first, never ones already imported at that timestamp', () => {
    const cursor = readCursor({ feed: 'https://feed', events: { [A]: 1672531200, [B]: 1700000000 } }, 'https://feed');
    expect(eventsToFetch(manifest.entries, cursor, 0).map((entry) => entry.info)).toEqual(['changed', 'dated only']);
  });

  it('leaves out events last changed before the import-from day', () => {
    const fresh = readCursor(undefined, 'https://feed');
    expect(eventsToFetch(manifest.entries, fresh, Date.parse('2024-01-01T00:00:00Z') / 1000).map((entry) => entry.info)).toEqual(['changed', 'dated only']);
  });

  it("starts afresh on a cursor left by another feed, and retries last run's failures", () => {
    const other = readCursor({ feed: 'https://other', events: { [A]: 1672531200 }, failed: { [B]: 5 } }, 'https://feed');
    expect(other.events).toEqual({});
    const same = readCursor({ feed: 'https://feed', events: {}, failed: { [B]: 5 } }, 'https://feed');
    expect(eventsToRetry(same)).toEqual([{ uuid: B, info: B, timestamp: 5 }]);
  });

  it('forgets events the feed no longer lists', () => {
    expect(keepListed({ [A]: 1, 'gone-uuid': 2 }, manifest.entries)).toEqual({ [A]: 1 });
    expect(keepListed({ [A]: 1, 'gone-uuid': 2 }, undefined)).toEqual({ [A]: 1, 'gone-uuid': 2 });
  });

  it('refuses a document that is not a manifest', () => {
    expect(() => readManifest([], 'https://feed/manifest.json')).toThrow(/https:\/\/feed\/manifest\.json is not a MISP feed manifest/);
    expect(() => readManifest({ x: { info: 'no uuid' } }, 'm')).toThrow(/none of its 1 entries/);
  });
});

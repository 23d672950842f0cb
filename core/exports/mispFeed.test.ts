import { describe, expect, it, vi } from 'vitest';
import { toMispFeed } from './mispFeed.ts';
import { feedBundle } from './testdata/feedBundle.ts';

interface FeedEvent { Event: { uuid: string; info: string; Attribute: { value: string }[]; Object: { name: string; Attribute: { value: string }[] }[] } }

function read(files: readonly { name: string; text: string }[]) {
  const byName = new Map(files.map((file) => [file.name, file.text]));
  const manifest = JSON.parse(byName.get('manifest.json') ?? 'null') as Record<string, { info: string; date: string; timestamp: number; Orgc: { name: string; uuid: string } }>;
  const events = Object.keys(manifest).map((uuid) => JSON.parse(byName.get(`${uuid}.json`) ?? 'null') as FeedEvent);
  return { manifest, events, hashes: byName.get('hashes.csv') ?? '', names: [...byName.keys()] };
}

describe('toMispFeed', () => {
  it('writes manifest.json, hashes.csv and one <uuid>.json per report, plus one event for what no report holds', () => {
    const bundle = feedBundle();
    const { manifest, events, hashes, names } = read(toMispFeed(bundle).files);
    const reports = bundle.filter((object) => object['type'] === 'report');
    const reportUuids = reports.map((report) => String(report['id']).replace('report--', ''));
    // A report's event is the report's uuid, so a new export updates the event in MISP.
    expect(Object.keys(manifest).slice(0, 2)).toEqual(reportUuids);
    expect(Object.keys(manifest)).toHaveLength(3);
    expect(names.sort()).toEqual(['hashes.csv', 'manifest.json', ...Object.keys(manifest).map((uuid) => `${uuid}.json`)].sort());
    expect(Object.values(manifest).map((entry) => entry.info)).toEqual(['Operation Magpie', 'Second wave', 'Magpie export']);
    expect(manifest[reportUuids[0] ?? '']).toMatchObject({ date: '2025-02-20', timestamp: 1740819600, Orgc: { name: 'Magpie' } });
    // Each event holds its report's contents; the loose domain is in the third.
    const values = events.map((event) => [...event.Event.Attribute.map((a) => a.value), ...event.Event.Object.flatMap((o) => o.Attribute.map((a) => a.value))]);
    expect(values[0]).toEqual(expect.arrayContaining(['198.51.100.7', 'c2.example.net', 'https://c2.example.net/gate.php', 'billing@invoices-example.com']));
    expect(values[1]).toEqual(expect.arrayContaining(['203.0.113.77', '198.51.100.7', 'update-check.example.com']));
    expect(values[1]).not.toContain('c2.example.net');
    expect(values[2]).toEqual(['loose.example.org']);
    // PyMISP's feed generator: "<md5 of the value>,<event uuid>" per value (md5("198.51.100.7") below).
    expect(hashes.split('\n').filter((line) => line !== '').every((line) => /^[0-9a-f]{32},[0-9a-f-]{36}$/.test(line))).toBe(true);
    expect(hashes).toContain(`526291673f8700ef4e4902e29550a03b,${reportUuids[0] ?? ''}\n`);
    expect(hashes).toContain(`526291673f8700ef4e4902e29550a03b,${reportUuids[1] ?? ''}\n`);
  });

  it('gives the same event and attribute uuids on every run; only a changed report changes its timestamp', () => {
    const first = read(toMispFeed(feedBundle(), { now: new Date('2025-04-01T00:00:00Z') }).files);
    const again = read(toMispFeed(feedBundle(), { now: new Date('2025-05-01T00:00:00Z') }).files);
    const uuidsOf = (feed: typeof first) => feed.events.map((event) => [event.Event.uuid, ...event.Event.Attribute.map((a) => (a as { uuid?: string }).uuid)]);
    expect(uuidsOf(again)).toEqual(uuidsOf(first));
    const [one, two] = Object.keys(first.manifest);
    expect(again.manifest[one ?? '']?.timestamp).toBe(first.manifest[one ?? '']?.timestamp);

    const changed = feedBundle().map((object) => (object['name'] === 'Second wave' ? { ...object, modified: '2025-03-05T00:00:00.000Z' } : object));
    const updated = read(toMispFeed(changed).files);
    expect(updated.manifest[two ?? '']?.timestamp).toBe(Date.parse('2025-03-05T00:00:00.000Z') / 1000);
    expect(updated.manifest[one ?? '']?.timestamp).toBe(first.manifest[one ?? '']?.timestamp);
  });

  it('writes the same files byte for byte when the same knowledge is exported again', () => {
    vi.useFakeTimers({ now: new Date('2025-04-01T00:00:00Z') });
    try {
      const first = toMispFeed(feedBundle()).files;
      // A month later, the clock must not leak into any file (the event of loose observables has no time of its own).
      vi.setSystemTime(new Date('2025-05-01T00:00:00Z'));
      expect(toMispFeed(feedBundle()).files).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes an empty manifest and hashes.csv for a bundle with nothing MISP can hold', () => {
    const { manifest, hashes } = read(toMispFeed([]).files);
    expect(manifest).toEqual({});
    expect(hashes).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { connector } from './index.ts';
import { feedUrlOf, importFromEpoch } from './settings.ts';

describe('MISP feed settings', () => {
  it('uses the preset URL from MISP’s default feed list unless a URL is given', () => {
    const defaults = connector.config.parse({});
    expect(feedUrlOf(defaults)).toBe('https://www.circl.lu/doc/misp/feed-osint');
    expect(feedUrlOf(connector.config.parse({ preset: 'digitalside' }))).toBe('https://osint.digitalside.it/Threat-Intel/digitalside-misp-feed');
    expect(feedUrlOf(connector.config.parse({ preset: 'abusech-urlhaus', url: 'https://mirror.example/feed/' }))).toBe('https://mirror.example/feed');
    expect(defaults.tlp).toBe('clear');
    expect(connector.defaultSchedule).toBe('PT6H');
  });

  it('asks for a URL when the feed is custom, and for a day in import-from', () => {
    expect(connector.config.safeParse({ preset: 'custom' }).success).toBe(false);
    expect(connector.config.safeParse({ importFrom: '31/01/2024' }).success).toBe(false);
    expect(connector.config.safeParse({ importFrom: '' }).success).toBe(true);
  });

  it('imports the last 30 days on a first run without an import-from day', () => {
    const now = new Date('2026-03-31T12:00:00Z');
    expect(importFromEpoch(undefined, now)).toBe(Math.floor(Date.parse('2026-03-01T12:00:00Z') / 1000));
    expect(importFromEpoch('2024-01-31', now)).toBe(Date.parse('2024-01-31T00:00:00Z') / 1000);
  });
});

import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../stix/model/properties.ts';
import { convert, leaveOutForExport, leftOutSentence } from './index.ts';
import { readCsv } from './testing/readCsv.ts';
import { sco } from './testdata/objects.ts';

const NOW = new Date('2026-12-06T00:00:00.000Z');
const T = '2026-01-01T00:00:00.000Z';

function indicator(id: string, pattern: string, extra: JsonObject = {}): JsonObject {
  return { type: 'indicator', spec_version: '2.1', id: `indicator--${id}`, created: T, modified: T, pattern, pattern_type: 'stix', valid_from: T, ...extra };
}

const live = indicator('11111111-1111-4111-8111-111111111111', "[ipv4-addr:value = '45.77.12.9']", { valid_until: '2027-06-01T00:00:00.000Z' });
const revoked = indicator('22222222-2222-4222-8222-222222222222', "[domain-name:value = 'old-c2.example.net']", { revoked: true });
const expired = indicator('33333333-3333-4333-8333-333333333333', "[url:value = 'http://stale.example.org/gate']", { valid_until: '2025-03-01T00:00:00.000Z' });
const resolver = sco('ipv4-addr', { value: '8.8.8.8' });
const cloudflareDns = sco('ipv4-addr', { value: '1.1.1.1' });
const cert = sco('domain-name', { value: 'www.jpcert.or.jp' });
const certGov = indicator('44444444-4444-4444-8444-444444444444', "[domain-name:value = 'cert.gov']");
const mixed = indicator('55555555-5555-4555-8555-555555555555', "[ipv4-addr:value = '8.8.8.8'] OR [domain-name:value = 'bad-c2.example.net']");
const objects = [live, revoked, expired, resolver, cloudflareDns, cert, certGov, mixed];

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('exports leave out revoked, expired and warninglisted values by default (issue 21)', () => {
  it('TXT: the blocklist holds only live, non-benign values, and says what it left out', () => {
    const result = convert(objects, { to: 'txt', leaveOut: { now: NOW } });
    expect(lines(result.text)).toEqual(['45.77.12.9', 'bad-c2.example.net']);
    expect(result.leftOut).toEqual({ revoked: 1, expired: 1, warninglisted: 4 });
    // 8.8.8.8 of the mixed indicator goes line by line; the indicator stays for its other value.
    expect(result.leftOutValues).toBe(1);
    expect(leftOutSentence(result.leftOut, result.leftOutValues)).toBe('left out 1 revoked, 1 expired (valid_until passed), 4 on a warninglist, 1 warninglisted value(s) of indicators that were kept');
  });

  it('TXT: each include option brings its values back, and all of them together give everything', () => {
    expect(lines(convert(objects, { to: 'txt', leaveOut: { now: NOW, include: { revoked: true } } }).text)).toContain('old-c2.example.net');
    expect(lines(convert(objects, { to: 'txt', leaveOut: { now: NOW, include: { expired: true } } }).text)).toContain('http://stale.example.org/gate');
    const all = convert(objects, { to: 'txt', leaveOut: { now: NOW, include: { revoked: true, expired: true, warninglisted: true } } });
    expect(lines(all.text)).toEqual(['1.1.1.1', '45.77.12.9', '8.8.8.8', 'bad-c2.example.net', 'cert.gov', 'http://stale.example.org/gate', 'old-c2.example.net', 'www.jpcert.or.jp']);
    expect(all.leftOut).toEqual({ revoked: 0, expired: 0, warninglisted: 0 });
  });

  it('CSV: no row for a revoked or expired indicator or a warninglisted value, unless included', () => {
    const ids = (text: string) => readCsv(text, ';').map((row) => row['id']);
    const byDefault = ids(convert(objects, { to: 'csv', leaveOut: { now: NOW } }).text);
    expect(byDefault).toEqual([live['id'], mixed['id']]);
    const included = ids(convert(objects, { to: 'csv', leaveOut: { now: NOW, include: { revoked: true, expired: true, warninglisted: true } } }).text);
    expect(included).toEqual(objects.map((object) => object['id']));
  });

  it('judges expiry by the injected clock: the same indicator is live the day before', () => {
    const before = convert([expired], { to: 'txt', leaveOut: { now: new Date('2025-02-28T23:59:59.000Z') } });
    expect(lines(before.text)).toEqual(['http://stale.example.org/gate']);
    expect(convert([expired], { to: 'txt', leaveOut: { now: new Date('2025-03-01T00:00:00.000Z') } }).leftOut.expired).toBe(1);
  });

  it('is one pure filter: counts by reason, each object once, revoked first', () => {
    const both = indicator('66666666-6666-4666-8666-666666666666', "[ipv4-addr:value = '8.8.8.8']", { revoked: true, valid_until: '2020-01-01T00:00:00Z' });
    const { kept, counts, isWarninglisted } = leaveOutForExport([both, live], { now: NOW });
    expect(kept).toEqual([live]);
    expect(counts).toEqual({ revoked: 1, expired: 0, warninglisted: 0 });
    expect(isWarninglisted('ipv4', '1.1.1.1')).toBe(true);
    expect(isWarninglisted('domain', 'bad-c2.example.net')).toBe(false);
    expect(leaveOutForExport([both], { now: NOW, include: { warninglisted: true } }).isWarninglisted('ipv4', '1.1.1.1')).toBe(false);
  });
});

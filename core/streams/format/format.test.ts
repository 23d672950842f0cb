import { describe, expect, it } from 'vitest';
import { TLP_2 } from '../../stix/index.ts';
import type { ChangeEvent } from '../types.ts';
import { cefSeverity, escapeCefExtension, escapeCefHeader, eventJson, formatCef, formatSyslog, escapeSdValue, SYSLOG_HEADER_DEFAULTS, utf8Boundary } from './index.ts';

const indicator: ChangeEvent = {
  seq: 42,
  op: 'create',
  at: '2026-05-01T10:20:30.123Z',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  type: 'indicator',
  object: {
    type: 'indicator',
    id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    name: 'C2 | beacon = evil\\path\nsecond line',
    pattern: "[ipv4-addr:value = '198.51.100.7']",
    labels: ['c2', 'apt29'],
    x_opencti_score: 87,
    object_marking_refs: [TLP_2.amber.id],
  },
};

const decoder = new TextDecoder();

describe('eventJson', () => {
  it('is one compact line with the event fields in order', () => {
    const body = eventJson(indicator);
    expect(body).not.toContain('\n');
    expect(Object.keys(JSON.parse(body) as object)).toEqual(['seq', 'op', 'at', 'id', 'type', 'object']);
    expect(body.startsWith('{"seq":42,"op":"create"')).toBe(true);
  });

  it('names the source of the change when the feed knows it', () => {
    const body = JSON.parse(eventJson({ ...indicator, source: 'connector:misp-feed' })) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['seq', 'op', 'at', 'id', 'type', 'source', 'object']);
    expect(body['source']).toBe('connector:misp-feed');
  });
});

describe('CEF', () => {
  it('escapes pipes and backslashes in the header and flattens line breaks', () => {
    expect(escapeCefHeader('a|b\\c\r\nd')).toBe('a\\|b\\\\c d');
  });

  it('escapes = and backslash in extension values and writes line breaks as \\n and \\r', () => {
    expect(escapeCefExtension('a=b\\c\nd\re')).toBe('a\\=b\\\\c\\nd\\re');
  });

  it('writes the header, severity from the score and the STIX facts in labelled custom fields', () => {
    const line = formatCef(indicator, { version: '0.1.0' });
    expect(line.startsWith('CEF:0|Magpie|Magpie|0.1.0|create:indicator|C2 \\| beacon = evil\\\\path second line|9|')).toBe(true);
    expect(line).toContain('cs1Label=stixId cs1=indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f');
    expect(line).toContain("cs3Label=pattern cs3=[ipv4-addr:value \\= '198.51.100.7']");
    expect(line).toContain('cs4Label=labels cs4=c2,apt29');
    expect(line).toContain('cs5Label=tlp cs5=TLP:AMBER');
    expect(line).toContain('cn1Label=seq cn1=42');
    expect(line).toContain(`rt=${String(Date.parse(indicator.at))}`);
    expect(line).not.toContain('\n');
    // Exactly seven unescaped pipes separate the eight parts.
    expect(line.split(/(?<!\\)\|/)).toHaveLength(8);
  });

  it('puts observable values in the standard keys SIEM rules match', () => {
    const ip: ChangeEvent = { ...indicator, type: 'ipv4-addr', id: 'ipv4-addr--1', object: { type: 'ipv4-addr', value: '203.0.113.9', confidence: 30 } };
    const line = formatCef(ip, { version: '1' });
    expect(line).toContain('dst=203.0.113.9');
    expect(line).toContain('|203.0.113.9|3|');
    const range = formatCef({ ...ip, object: { type: 'ipv4-addr', value: '203.0.113.0/24' } }, { version: '1' });
    expect(range).not.toContain('dst=');
    expect(range).toContain('cs3Label=value cs3=203.0.113.0/24');
  });

  it('takes the score before confidence and clamps to 0..10', () => {
    expect(cefSeverity({ x_opencti_score: 100, confidence: 5 })).toBe(10);
    expect(cefSeverity({ confidence: 44 })).toBe(4);
    expect(cefSeverity({ x_opencti_score: 400 })).toBe(10);
    expect(cefSeverity({})).toBe(5);
  });
});

describe('RFC 5424', () => {
  it('escapes quote, backslash and closing bracket in SD values', () => {
    expect(escapeSdValue('a"b\\c]d')).toBe('a\\"b\\\\c\\]d');
  });

  it('frames PRI, version, timestamp, header fields, structured data and MSG', () => {
    const { bytes, truncated } = formatSyslog(indicator, 'hello', { ...SYSLOG_HEADER_DEFAULTS, facility: 'local4', severity: 'notice', hostname: 'my host' }, 2048);
    expect(truncated).toBe(false);
    expect(decoder.decode(bytes)).toBe(
      '<165>1 2026-05-01T10:20:30.123Z my_host magpie - create [magpie@32473 seq="42" op="create" id="indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f" type="indicator"] hello',
    );
  });

  it('writes the BOM only when asked', () => {
    const { bytes } = formatSyslog(indicator, 'x', { ...SYSLOG_HEADER_DEFAULTS, bom: true }, 2048);
    expect(Array.from(bytes.subarray(bytes.length - 4))).toEqual([0xef, 0xbb, 0xbf, 0x78]);
  });

  it('cuts only MSG to the byte limit, never inside a UTF-8 sequence', () => {
    const body = 'あ'.repeat(100); // three bytes each
    const full = formatSyslog(indicator, body, SYSLOG_HEADER_DEFAULTS, 10_000).bytes.length;
    const { bytes, truncated } = formatSyslog(indicator, body, SYSLOG_HEADER_DEFAULTS, full - 2);
    expect(truncated).toBe(true);
    expect(bytes.length).toBe(full - 3);
    expect(decoder.decode(bytes).endsWith('あ'.repeat(99))).toBe(true);
    expect(() => formatSyslog(indicator, body, SYSLOG_HEADER_DEFAULTS, 50)).toThrow(RangeError);
  });

  it('finds UTF-8 boundaries', () => {
    const bytes = new TextEncoder().encode('aé€');
    expect(utf8Boundary(bytes, 10)).toBe(6);
    expect(utf8Boundary(bytes, 2)).toBe(1);
    expect(utf8Boundary(bytes, 3)).toBe(3);
    expect(utf8Boundary(bytes, 5)).toBe(3);
  });
});

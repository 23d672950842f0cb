import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScoId } from '../ids.ts';
import { patternFor } from './generate.ts';
import { observablesFromPattern } from './observables.ts';
import { parsePattern } from './parse.ts';

describe('generating patterns', () => {
  it.each([
    [{ type: 'ipv4-addr', value: '198.51.100.7' }, "[ipv4-addr:value = '198.51.100.7']"],
    [{ type: 'url', value: "http://example.com/it's" }, "[url:value = 'http://example.com/it\\'s']"],
    [{ type: 'directory', path: 'C:\\Windows\\' }, "[directory:path = 'C:\\\\Windows\\\\']"],
    [{ type: 'file', hashes: { MD5: '3773a88f65a5e780c8dff9cdc3a056f3', 'SHA-256': 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db' } }, "[file:hashes.MD5 = '3773a88f65a5e780c8dff9cdc3a056f3' AND file:hashes.'SHA-256' = 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db']"],
    [{ type: 'autonomous-system', number: 15139 }, '[autonomous-system:number = 15139]'],
  ])('writes %j as %s', (observable, pattern) => {
    expect(patternFor(observable)).toBe(pattern);
    expect(parsePattern(pattern).ok).toBe(true);
  });

  it('declines types it has no pattern for', () => {
    expect(patternFor({ type: 'process', pid: 4 })).toBeUndefined();
    expect(patternFor({ type: 'ipv4-addr' })).toBeUndefined();
  });
});

describe('parsing the STIX patterning grammar', () => {
  it.each([
    "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
    "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
    "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
    "([ipv4-addr:value = '198.51.100.1/32'] OR [ipv4-addr:value = '203.0.113.33/32']) FOLLOWEDBY [domain-name:value = 'example.com']",
    "[file:size IN (1, 2, 3) AND file:name NOT LIKE 'x%'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
    "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo' AND windows-registry-key:values[0].data != 'x'] OR [x-custom:flag = true]",
    '[artifact:payload_bin = b\'dGhpcyBpcyBhIHRlc3Q=\' OR artifact:mime_type = h\'ff\' OR EXISTS artifact:url]',
    '[user-account:account_created >= t\'2016-01-01T00:00:00Z\' AND user-account:x_score < -1.5]',
  ])('accepts %s', (pattern) => {
    const result = parsePattern(pattern);
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
  });

  it.each([
    ["[ipv4-addr:value = '1.2.3.4'", "']'"],
    ["[ipv4-addr:value = '1.2.3.4]", 'Unterminated'],
    ["[file:hashes.SHA-256 = 'abc']", 'quote names'],
    ["[file:name = 'a\\x']", 'escaped'],
    ["[ipv4-addr:value = '1.2.3.4'] WITHIN -5 SECONDS", 'positive'],
    ["[file:name = 'a'] START t'2016-13-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'", 'timestamp'],
    ["[file:name > true]", 'Booleans'],
    ["ipv4-addr:value = '1.2.3.4'", "'['"],
    ["[ipv4-addr:value = '1.2.3.4'] [url:value = 'x']", 'end of pattern'],
  ])('rejects %s', (pattern, message) => {
    const result = parsePattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });
});

describe('reading observables out of patterns', () => {
  it('finds the observable of a simple indicator and its knowledge-base id', () => {
    const result = observablesFromPattern("[ipv4-addr:value = '198.51.100.3']");
    expect(result).toEqual({ ok: true, exact: true, observables: [{ type: 'ipv4-addr', id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4', properties: { value: '198.51.100.3' } }] });
  });

  it('builds one observable from AND, one per alternative from OR', () => {
    const result = observablesFromPattern("[file:hashes.MD5 = '3773a88f65a5e780c8dff9cdc3a056f3' AND file:name = 'x.exe'] OR [domain-name:value = 'a.example' OR domain-name:value = 'b.example']");
    expect(result.ok && result.observables.map((o) => o.properties)).toEqual([
      { hashes: { MD5: '3773a88f65a5e780c8dff9cdc3a056f3' }, name: 'x.exe' }, { value: 'a.example' }, { value: 'b.example' },
    ]);
  });

  it('leaves out what is not an observable and says so', () => {
    const result = observablesFromPattern("[url:value = 'http://a.example/' AND url:value LIKE '%x'] WITHIN 60 SECONDS");
    expect(result).toMatchObject({ ok: true, exact: false, observables: [{ type: 'url', properties: { value: 'http://a.example/' } }] });
    expect(observablesFromPattern("[process:pid = 4]")).toMatchObject({ ok: true, exact: false, observables: [] });
    expect(observablesFromPattern('[oops')).toMatchObject({ ok: false });
  });
});

/** Strings with the characters that need escaping, and the ones that look like escapes. */
const tricky = fc.string({ unit: fc.constantFrom('a', 'Z', '0', "'", '\\', '"', ' ', ']', ')', '日', '\n', '%'), maxLength: 40 });
const anyText = fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 30 }));

/** A file's hashes: digests of the right form for known algorithms (patterns check them), any text for a custom one. */
const hexDigits = (length: number) => fc.string({ unit: fc.constantFrom(...Array.from('0123456789abcdefABCDEF')), minLength: length, maxLength: length });
const fileHashes = fc.record({ MD5: hexDigits(32), 'SHA-1': hexDigits(40), 'SHA-256': hexDigits(64), 'x-custom hash': anyText }, { requiredKeys: [] })
  .filter((hashes) => Object.keys(hashes).length > 0);

const observables = fc.oneof(
  fc.record({ type: fc.constantFrom('ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'mac-addr'), value: anyText }),
  fc.record({ type: fc.constant('mutex'), name: anyText }),
  fc.record({ type: fc.constant('directory'), path: anyText }),
  fc.record({ type: fc.constant('autonomous-system'), number: fc.nat() }),
  fc.record({ type: fc.constant('file'), hashes: fileHashes, name: anyText }, { requiredKeys: ['type', 'hashes'] }),
  fc.record({ type: fc.constant('software'), name: anyText, vendor: anyText, version: anyText }, { requiredKeys: ['type', 'name'] }),
);

describe('pattern properties (fast-check)', () => {
  it('generate → parse gives back the observable, quotes and backslashes included', () => {
    fc.assert(
      fc.property(observables, (observable) => {
        const pattern = patternFor(observable);
        expect(pattern).toBeDefined();
        const result = observablesFromPattern(pattern ?? '');
        const { type, ...properties } = observable;
        expect(result).toEqual({ ok: true, exact: true, observables: [{ type, properties, id: generateScoId(type, properties) }] });
      }),
      { numRuns: 500 },
    );
  });

  it('the parser never throws on arbitrary text', () => {
    const patternish = fc.string({ unit: fc.constantFrom('[', ']', '(', ')', "'", '\\', ':', '.', ' ', '=', 'AND', 'OR', 'a', '-', '1', 't', 'b', 'WITHIN', 'SECONDS'), maxLength: 60 });
    fc.assert(fc.property(fc.oneof(patternish, fc.string()), (text) => {
      expect(() => parsePattern(text)).not.toThrow();
      expect(() => observablesFromPattern(text)).not.toThrow();
    }), { numRuns: 2000 });
  });
});

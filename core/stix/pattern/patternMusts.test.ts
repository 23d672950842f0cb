/**
 * The pattern rules of STIX 2.1 §9 that hand-typed indicators break (issue 17, point 6):
 * keyword case, one qualifier of a type per observation, qualifier values, START before
 * STOP, hash constants of their algorithm's length, and the names an indicator's object
 * paths may use. Each rejection must say what to write instead.
 */
import { describe, expect, it } from 'vitest';
import { validateObject } from '../validate.ts';
import { parsePattern } from './parse.ts';

const md5 = '3773a88f65a5e780c8dff9cdc3a056f3';
const sha256 = 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db';
const key = "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\Software\\\\Run']";
const june = "START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'";

/** [what breaks, pattern, text the error must contain]. */
const rejected: readonly (readonly [string, string, string])[] = [
  ['within in lower case', "[ipv4-addr:value = '198.51.100.7'] within 60 seconds", 'write WITHIN'],
  ['and in lower case', "[file:name = 'a.exe' and file:size = 10]", 'write AND'],
  ['or in lower case between observations', "[file:name = 'a.exe'] or [file:name = 'b.exe']", 'write OR'],
  ['Followedby in mixed case', "[file:name = 'a.exe'] Followedby [file:name = 'b.exe']", 'write FOLLOWEDBY'],
  ['like in lower case', "[file:name like 'invoice%']", 'write LIKE'],
  ['not in lower case', "[file:name not = 'a.exe']", 'write NOT'],
  ['exists in lower case', '[exists file:name]', 'write EXISTS'],
  ['seconds in lower case', `${key} WITHIN 5 seconds`, 'write SECONDS'],
  ['TRUE in upper case', '[x-acme-device:is_managed = TRUE]', 'write true'],
  ['WITHIN twice on one observation', `${key} WITHIN 5 SECONDS WITHIN 6 SECONDS`, 'WITHIN is already applied'],
  ['REPEATS twice inside parentheses', `(${key} REPEATS 2 TIMES REPEATS 3 TIMES)`, 'REPEATS is already applied'],
  ['START/STOP twice on one observation', `${key} ${june} ${june}`, 'START … STOP is already applied'],
  ['WITHIN after REPEATS after WITHIN', `${key} WITHIN 5 SECONDS REPEATS 2 TIMES WITHIN 9 SECONDS`, 'put the qualified observation in parentheses'],
  ['WITHIN zero seconds', `${key} WITHIN 0 SECONDS`, 'positive number of seconds'],
  ['WITHIN a negative number', `${key} WITHIN -5 SECONDS`, 'positive number of seconds'],
  ['WITHIN in minutes', `${key} WITHIN 5 MINUTES`, 'SECONDS'],
  ['REPEATS zero times', `${key} REPEATS 0 TIMES`, 'positive whole number'],
  ['REPEATS a fraction of times', `${key} REPEATS 1.5 TIMES`, 'positive whole number'],
  ['STOP before START', `${key} START t'2016-07-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z'`, 'must be later than START'],
  ['STOP equal to START', `${key} START t'2016-07-01T00:00:00.000Z' STOP t'2016-07-01T00:00:00Z'`, 'must be later than START'],
  ['START as a plain string', `${key} START '2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'`, "t'…'"],
  ['START without the Z', `${key} START t'2016-06-01T00:00:00' STOP t'2016-07-01T00:00:00Z'`, 'timestamp'],
  ['a SHA-256 of three digits', "[file:hashes.'SHA-256' = 'f00']", '64 hexadecimal digits'],
  ['an MD5 one digit short', `[file:hashes.MD5 = '${md5.slice(1)}']`, '32 hexadecimal digits'],
  ['an MD5 with a non-hex digit', `[file:hashes.MD5 = 'g${md5.slice(1)}']`, 'not a valid MD5 hash'],
  ['a SHA-1 one digit long', `[file:hashes.'SHA-1' = '${'a'.repeat(41)}']`, '40 hexadecimal digits'],
  ['a SHA-512 given a SHA-256', `[file:hashes.'SHA-512' = '${sha256}']`, '128 hexadecimal digits'],
  ['a SHA3-256 one digit short', `[file:hashes.'SHA3-256' = '${sha256.slice(1)}']`, '64 hexadecimal digits'],
  ['a SHA3-512 given an MD5', `[artifact:hashes.'SHA3-512' = '${md5}']`, '128 hexadecimal digits'],
  ['a SHA256 (loosely spelt) of the wrong length', `[file:hashes.SHA256 = '${md5}']`, 'not a valid SHA-256 hash'],
  ['a wrong hash inside IN', `[file:hashes.MD5 IN ('${md5}', 'abc')]`, "'abc' is not a valid MD5"],
  ['a wrong hash of a PE section', "[file:extensions.'windows-pebinary-ext'.sections[*].hashes.MD5 = 'abc']", '32 hexadecimal digits'],
  ['a wrong hash compared with !=', `[file:hashes.MD5 != '${sha256}']`, '32 hexadecimal digits'],
  ['an SSDEEP without its block size', "[file:hashes.SSDEEP = 'AXGBicFlgVNhBGcL6wCrFQEv']", 'blocksize:hash:hash'],
  ['a TLSH of the wrong length', `[file:hashes.TLSH = 'T1${'A'.repeat(60)}']`, '70 hexadecimal digits'],
  ['an integer with leading zeros', '[file:size = 007]', 'without leading zeros (7)'],
  ['a hash name in double quotes', `[file:hashes."SHA-256" = '${sha256}']`, 'Unexpected character'],
  ['a hyphenated property not quoted', `[file:hashes.SHA-256 = '${sha256}']`, 'quote names'],
];

describe('patterns that break a rule of §9 are rejected with what to write', () => {
  it.each(rejected)('%s', (_what, pattern, advice) => {
    const result = parsePattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(advice);
  });
});

const accepted: readonly (readonly [string, string])[] = [
  ['a qualifier again once parenthesised', `(${key} WITHIN 5 SECONDS) WITHIN 6 SECONDS`],
  ['REPEATS again once parenthesised', `(${key} REPEATS 2 TIMES) REPEATS 2 TIMES`],
  ['one of each qualifier type', `${key} REPEATS 5 TIMES WITHIN 1800 SECONDS ${june}`],
  ['WITHIN a fraction of a second, and a signed count', `${key} WITHIN 0.5 SECONDS REPEATS +3 TIMES`],
  ['qualifiers on each side of OR', `${key} ${june} OR [ipv4-addr:value = '198.51.100.7'] ${june}`],
  ['NOT EXISTS', '[x-acme-device:serial = \'A1\' AND NOT EXISTS x-acme-device:owner]'],
  ['comments', `/* the run key */ ${key} // persistence\n`],
  ['== and <>', "[file:name == 'a.exe' AND file:size <> 0]"],
  ['each known hash of the right length', `[file:hashes.MD5 = '${md5}' AND file:hashes.'SHA-256' = '${sha256.toUpperCase()}' AND file:hashes.'SHA-1' = '${'b'.repeat(40)}' AND file:hashes.'SHA-512' = '${'c'.repeat(128)}' AND file:hashes.'SHA3-256' = '${sha256}' AND file:hashes.'SHA3-512' = '${'d'.repeat(128)}']`],
  ['SSDEEP and TLSH of their shapes', `[file:hashes.SSDEEP = '1536:DovfkHUHL7Vp46BFWLEDuV+Z7QOsWxcdQCIYrcFAjg+mM:Dny7Vm6B8Yt74QCIvWjDmM' OR file:hashes.TLSH = 'T1${'A'.repeat(70)}' OR file:hashes.TLSH = '${'0'.repeat(70)}']`],
  ['partial hashes with LIKE and MATCHES', "[file:hashes.MD5 LIKE '3773a8%' OR file:hashes.MD5 MATCHES '^3773']"],
  ['any hash, and a custom algorithm', "[file:hashes[*] = 'x' OR file:hashes.'x-acme-fuzzy' = 'abc']"],
  ['a negative list index and zero', '[x-acme-device:ports[-1] = 0]'],
  ['booleans in lower case', '[x-acme-device:is_managed = true AND x-acme-device:is_lost != false]'],
];

describe('patterns within the rules still parse', () => {
  it.each(accepted)('%s', (_what, pattern) => {
    const result = parsePattern(pattern);
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
  });
});

const indicator = (pattern: string) => ({
  type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: '2016-04-06T20:03:48.000Z',
  modified: '2016-04-06T20:03:48.000Z', pattern_type: 'stix', pattern, valid_from: '2016-04-06T20:03:48Z',
});

describe('the names in an indicator\'s object paths', () => {
  it.each([
    ['an object type of two letters', "[ab:name = 'x']", '"ab" is not an object type'],
    ['an object type of one letter', "[f:name = 'x']", '"f" is not an object type'],
    ['an object type with an underscore', "[x_acme:name = 'x']", 'x-acme-device'],
    ['a property name of one letter', "[file:n = 'x']", '"n" is not a property name of file'],
    ['a property name with capitals', "[x-acme-device:Serial = 'x']", 'lowercase letters, digits and underscores'],
  ])('rejects %s', (_what, pattern, advice) => {
    const issues = validateObject(indicator(pattern)).filter((issue) => issue.severity === 'error');
    expect(issues.map((issue) => `${issue.path} ${issue.message}`).join('\n')).toContain(advice);
  });

  it.each([
    "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
    "[x-acme-device:serial_number = 'A1']",
    "[file:x_acme_score > 5 AND file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
    "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$']",
  ])('accepts %s', (pattern) => {
    expect(validateObject(indicator(pattern))).toEqual([]);
  });

  it('reports a bad hash constant of an indicator at its pattern, with what to write', () => {
    const issues = validateObject(indicator("[file:hashes.'SHA-256' = 'f00']"));
    expect(issues).toEqual([expect.objectContaining({ path: '/pattern', severity: 'error', rule: 'pattern', message: expect.stringContaining('64 hexadecimal digits') as unknown })]);
  });
});

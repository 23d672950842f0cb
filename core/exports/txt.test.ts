import { describe, expect, it } from 'vitest';
import { defang, toTxt } from './index.ts';
import { sample } from './testdata/objects.ts';

describe('TXT blocklist', () => {
  it('lists each value once, sorted, from observables and simple indicator patterns', () => {
    const lines = toTxt([...sample, ...sample]).text.split('\n');
    expect(lines).toEqual([
      '198.51.100.66', '203.0.113.9', '3395856ce81f2b7382dee72602f798b642f14140', 'c2.evil.example',
      'd41d8cd98f00b204e9800998ecf8427e', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'evil.example', 'https://evil.example/gate.php', 'phish@evil.example', '',
    ]);
  });

  it('lists one kind, or groups kinds under a comment line', () => {
    expect(toTxt(sample, { kinds: ['domain'] }).text).toBe('c2.evil.example\nevil.example\n');
    expect(toTxt(sample, { kinds: ['ipv4', 'sha1'], layout: 'by-kind' }).text).toBe('# ipv4\n198.51.100.66\n203.0.113.9\n# sha1\n3395856ce81f2b7382dee72602f798b642f14140\n');
  });

  it('defangs on request so nothing in the list is clickable', () => {
    const text = toTxt(sample, { kinds: ['url', 'domain', 'ipv4', 'email', 'md5'], fang: 'defanged' }).text;
    expect(text.split('\n')).toEqual(expect.arrayContaining(['hxxps://evil[.]example/gate.php', 'c2[.]evil[.]example', '203[.]0[.]113[.]9', 'phish[@]evil[.]example', 'd41d8cd98f00b204e9800998ecf8427e']));
    expect(defang('url', 'http://a.example/x.php?q=1')).toBe('hxxp://a[.]example/x.php?q=1');
    expect(defang('ipv6', '2001:db8::1')).toBe('2001[:]db8[:][:]1');
  });

  it('writes nothing for a set without values', () => {
    expect(toTxt([])).toEqual({ text: '', values: 0, omitted: 0 });
  });
});

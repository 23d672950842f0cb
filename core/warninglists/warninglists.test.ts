import { describe, expect, it } from 'vitest';
import { activeWarninglists, cidrIndex, parseMispWarninglist, SHIPPED_WARNINGLISTS, warninglistHits, warninglistIndex, WarningListError } from './index.ts';
import ipaddr from 'ipaddr.js';

const names = (value: string, type: string) => warninglistHits(value, type).map((hit) => hit.list);

describe('shipped warninglists', () => {
  it('flag the public resolvers 8.8.8.8 and 1.1.1.1 (v4 and v6) by the list name', () => {
    expect(names('8.8.8.8', 'ipv4-addr')).toEqual(['List of known IPv4 public DNS resolvers']);
    expect(names('1.1.1.1', 'ipv4-addr')).toContain('List of known IPv4 public DNS resolvers');
    expect(names('2001:4860:4860::8888', 'ipv6-addr')).toEqual(['List of known IPv6 public DNS resolvers']);
  });

  it("flag a CERT's own domain and its subdomains, and URLs on it", () => {
    expect(names('cert.gov', 'domain-name')).toEqual(["Magpie: security vendors' and CERTs' own domains"]);
    expect(names('www.jpcert.or.jp', 'domain-name')).toEqual(["Magpie: security vendors' and CERTs' own domains"]);
    expect(names('https://www.cisa.gov/news-events/alerts', 'url')).toEqual(["Magpie: security vendors' and CERTs' own domains"]);
  });

  it('flag private and reserved ranges, including a block given as CIDR', () => {
    expect(names('192.168.10.4', 'ipv4-addr')).toContain('List of RFC 1918 CIDR blocks');
    expect(names('10.0.0.0/8', 'ipv4-addr')).toContain('List of RFC 1918 CIDR blocks');
    expect(names('198.51.100.7', 'ipv4-addr')).toEqual(['List of RFC 5735 CIDR blocks']);
    expect(names('fd12:3456::1', 'ipv6-addr')).toEqual(['List of RFC 6890 IPv6 special-purpose blocks']);
  });

  it('leave ordinary values alone', () => {
    expect(warninglistHits('45.77.12.9', 'ipv4-addr')).toEqual([]);
    expect(warninglistHits('evil-update.example-c2.net', 'domain-name')).toEqual([]);
    expect(warninglistHits('certgov.com', 'domain-name')).toEqual([]);
  });

  it('say "context" for shorteners and free mail, and keep top domains off URLs', () => {
    expect(warninglistHits('https://bit.ly/3xYz', 'url')).toEqual([{ list: 'Magpie: common link shorteners', category: 'known', version: 20261206 }]);
    expect(warninglistHits('attacker@gmail.com', 'email-addr').map((hit) => hit.category)).toEqual(['known']);
    expect(names('google.com', 'domain-name')).toEqual(['Magpie: most popular domains (subset)']);
    // A malicious document on a popular site is still an indicator: the top list is for domains only.
    expect(names('https://docs.google.com/document/d/abc', 'url')).toEqual([]);
  });

  it('carry name, version, type and a CC0-documented description each', () => {
    for (const list of SHIPPED_WARNINGLISTS) {
      expect(list.version).toBeGreaterThan(20_000_000);
      expect(list.description?.length).toBeGreaterThan(20);
      expect(list.values.length).toBeGreaterThan(0);
    }
  });
});

describe('the CIDR index', () => {
  it('merges overlapping blocks and answers by binary search at both ends of a range', () => {
    const index = cidrIndex(['10.0.0.0/16', '10.0.128.0/17', '10.1.0.0/16', '192.0.2.1', '2001:db8::/32', 'not-an-ip']);
    expect(index.size).toBe(3);
    expect(index.has(ipaddr.parse('10.0.0.0'))).toBe(true);
    expect(index.has(ipaddr.parse('10.1.255.255'))).toBe(true);
    expect(index.has(ipaddr.parse('10.2.0.0'))).toBe(false);
    expect(index.has(ipaddr.parse('192.0.2.1'))).toBe(true);
    expect(index.has(ipaddr.parse('192.0.2.2'))).toBe(false);
    expect(index.has(ipaddr.parse('2001:db8:ffff::1'))).toBe(true);
    expect(index.has(ipaddr.parse('::ffff:192.0.2.1'))).toBe(true);
  });

  it('looks up 10,000 values against 50,000 ranges quickly', () => {
    const ranges = Array.from({ length: 50_000 }, (_, i) => `${(i >> 8) & 255}.${i & 255}.${i % 7}.0/24`);
    const index = warninglistIndex([{ name: 'big', type: 'cidr', category: 'false-positive', values: ranges }]);
    index.hits('1.1.1.1', 'ipv4-addr');
    // Measured at ~8 µs a value on the 2-core build machine; a scan over 50,000 blocks would be ~100× that.
    const started = performance.now();
    let found = 0;
    for (let i = 0; i < 10_000; i++) if (index.hits(`${i & 255}.${(i * 7) & 255}.1.1`, 'ipv4-addr').length > 0) found++;
    expect(found).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});

describe('the analyst\'s choices', () => {
  it('replace a shipped list by a newer copy of the same name and drop lists turned off', () => {
    const newer = parseMispWarninglist({ name: 'List of known IPv4 public DNS resolvers', version: 20270101, type: 'cidr', list: ['8.8.8.8', '203.0.113.53'] });
    const active = activeWarninglists({ added: [newer], disabled: ['List of RFC 5735 CIDR blocks'] });
    const index = warninglistIndex(active);
    expect(index.hits('203.0.113.53', 'ipv4-addr')).toEqual([{ list: 'List of known IPv4 public DNS resolvers', category: 'false-positive', version: 20270101 }]);
    expect(index.hits('1.1.1.1', 'ipv4-addr')).toEqual([]);
    expect(index.hits('198.51.100.7', 'ipv4-addr')).toEqual([]);
    expect(active.filter((list) => list.name === newer.name)).toHaveLength(1);
  });

  it('refuses regex lists and says what a list lacks', () => {
    expect(() => parseMispWarninglist({ name: 'R', type: 'regex', list: ['a+'] })).toThrow(/regex/);
    expect(() => parseMispWarninglist({ name: 'N', type: 'string' })).toThrow(WarningListError);
    expect(parseMispWarninglist({ name: 'S', list: ['x', 3, ' '] })).toEqual({ name: 'S', type: 'string', category: 'false-positive', values: ['x'] });
  });
});

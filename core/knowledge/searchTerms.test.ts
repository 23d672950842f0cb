import { describe, expect, it } from 'vitest';
import { searchTerms } from './objectFacts.ts';

const sco = (type: string, value: string) => ({ type, spec_version: '2.1', id: `${type}--6f1d2c1e-8a4b-4c1f-9f3e-2b7c9d0e1a2b`, value });

describe('search terms', () => {
  it('finds an address by its value and any prefix of it, not by each octet', () => {
    const terms = searchTerms(sco('ipv4-addr', '203.0.113.45'));
    expect(terms).toContain('203.0.113.45');
    expect(terms.some((term) => term.startsWith('203.0.1'))).toBe(true);
    expect(terms).not.toContain('113');
    expect(terms).not.toContain('45');
  });

  it("finds a URL by its host, the host's words and the file, but not by its scheme", () => {
    const terms = searchTerms(sco('url', 'https://invoice-docs781.cn/mail/invoice.zip'));
    expect(terms).toContain('https://invoice-docs781.cn/mail/invoice.zip');
    expect(terms).toEqual(expect.arrayContaining(['invoice-docs781.cn', 'invoice', 'docs781', 'invoice.zip']));
    expect(terms).not.toContain('https');
    expect(searchTerms(sco('url', 'hxxp://evil.example/a'))).not.toContain('hxxp');
  });

  it('keeps numbers that are whole words or long enough to narrow a search', () => {
    expect(searchTerms({ type: 'intrusion-set', id: 'intrusion-set--6f1d2c1e-8a4b-4c1f-9f3e-2b7c9d0e1a2b', name: 'APT 28' })).toContain('28');
    const cve = searchTerms({ type: 'vulnerability', id: 'vulnerability--6f1d2c1e-8a4b-4c1f-9f3e-2b7c9d0e1a2b', name: 'CVE-2021-44228' });
    expect(cve).toEqual(expect.arrayContaining(['cve-2021-44228', '2021', '44228']));
    const technique = searchTerms({ type: 'attack-pattern', id: 'attack-pattern--6f1d2c1e-8a4b-4c1f-9f3e-2b7c9d0e1a2b', name: 'PowerShell', external_references: [{ source_name: 'mitre-attack', external_id: 'T1059.001' }] });
    expect(technique).toEqual(expect.arrayContaining(['t1059.001', 't1059', 'powershell']));
    expect(technique).not.toContain('001');
  });

  it('keeps the words of a Japanese name', () => {
    expect(searchTerms({ type: 'malware', id: 'malware--6f1d2c1e-8a4b-4c1f-9f3e-2b7c9d0e1a2b', name: '請求書スティーラー v2', is_family: true })).toEqual(expect.arrayContaining(['請求書スティーラー', 'v2']));
  });

  it("finds a named file by each of its hashes, whole, and not a hash's pieces", () => {
    const md5 = 'D41D8CD98F00B204E9800998ECF8427E';
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const sha512 = 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';
    const terms = searchTerms({ type: 'file', spec_version: '2.1', id: 'file--6f1d2c1e-8a4b-4c1f-9f3e-2b7c9d0e1a2b', name: 'invoice.exe', hashes: { MD5: md5, 'SHA-256': sha256, 'SHA-512': sha512 } });
    expect(terms).toEqual(expect.arrayContaining(['invoice.exe', md5.toLowerCase(), sha256, sha512.slice(0, 64)]));
    // A name's hashes only: a note quoting a hash is found by its words, not as a file.
    expect(searchTerms({ type: 'note', id: 'note--6f1d2c1e-8a4b-4c1f-9f3e-2b7c9d0e1a2b', content: 'x', hashes: { MD5: md5 } })).not.toContain(md5.toLowerCase());
  });
});


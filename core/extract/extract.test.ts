import { describe, expect, it } from 'vitest';
import { extractIndicators, FLAG_CODES, FLAG_DESCRIPTIONS, parseWarningList, refang } from './index.ts';
import type { ExtractedIndicator, ExtractOptions } from './types.ts';

function extract(text: string, options?: ExtractOptions): ExtractedIndicator[] {
  return extractIndicators([{ page: 1, text }], options).indicators;
}

function values(text: string, type?: ExtractedIndicator['type']): string[] {
  return extract(text)
    .filter((indicator) => type === undefined || indicator.type === type)
    .map((indicator) => indicator.value);
}

function find(text: string, value: string, options?: ExtractOptions): ExtractedIndicator | undefined {
  return extract(text, options).find((indicator) => indicator.value === value);
}

const codes = (indicator: ExtractedIndicator | undefined): string[] => indicator?.flags.map((flag) => flag.code) ?? [];

describe('refang', () => {
  it.each([
    ['hxxp://example[.]com', 'http://example.com'],
    ['hXXps://example(.)com', 'https://example.com'],
    ['fxp://files{.}example[dot]com', 'ftp://files.example.com'],
    ['h**ps://google[.)com', 'https://google.com'],
    ['http[:]//example.com[/]path', 'http://example.com/path'],
    ['http[://]example.com', 'http://example.com'],
    ['user[@]example.com user(at)example.com user[at]example.com', 'user@example.com user@example.com user@example.com'],
    ['122[.]10[.]9[.]73', '122.10.9.73'],
    ['146.70.88[.]214:8443', '146.70.88.214:8443'],
    ['kessai-tsuchi［.］com cdn-syncnode［．］net cdn-syncnode．org', 'kessai-tsuchi.com cdn-syncnode.net cdn-syncnode.org'],
    ['hxxp：／／１９８．５１．１００．４７：８０８０／gate.php', 'http://198.51.100.47:8080/gate.php'],
    ['ｓｅｉｋｙｕ－ｃｅｎｔｅｒ＠ｋｅｓｓａｉ－ｔｓｕｃｈｉ．ｃｏｍ', 'seikyu-center@kessai-tsuchi.com'],
    ['adobeupgradeﬂash[.]com', 'adobeupgradeflash.com'],
    ['C:¥ProgramData¥svc.exe', 'C:\\ProgramData\\svc.exe'],
  ])('%s → %s', (input, output) => {
    expect(refang(input)).toBe(output);
  });

  it('leaves prose brackets alone', () => {
    expect(refang('Microsoft (.NET) and (see foo.com.) Then')).toBe('Microsoft (.NET) and (see foo.com.) Then');
    expect(refang('hxxpfoo')).toBe('hxxpfoo');
  });
});

describe('types', () => {
  it('finds each indicator type with its canonical value', () => {
    const text = [
      'C2 8.8.4.4 and 2001:4860:4860::8888, block 203.0.113.0/24, host evil-host.example.ru',
      'url hxxps://evil-host[.]ru/a/b.php?id=1 mail Bad.Guy@Evil.RU',
      'd41d8cd98f00b204e9800998ecf8427e da39a3ee5e6b4b0d3255bfef95601890afd80709',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 CVE-2021-44228 cve-2017-0199',
      'MITRE ATT&CK T1059.001 TA0001 G0016 S0154 M1036',
      'BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run AS13335 ASN 1234 00-1A-2B-3C-4D-5E dropper 請求書.pdf.exe',
    ].join('\n');
    const found = extract(text).map((indicator) => [indicator.type, indicator.value, indicator.hash_type ?? indicator.attack_kind ?? indicator.currency ?? indicator.kind ?? (indicator.cidr === true ? 'cidr' : '')]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['ipv4-addr', '8.8.4.4', ''],
        ['ipv6-addr', '2001:4860:4860::8888', ''],
        ['ipv4-addr', '203.0.113.0/24', 'cidr'],
        ['domain-name', 'evil-host.example.ru', ''],
        ['domain-name', 'evil-host.ru', ''],
        ['url', 'https://evil-host.ru/a/b.php?id=1', ''],
        ['email-addr', 'bad.guy@evil.ru', ''],
        ['file', 'd41d8cd98f00b204e9800998ecf8427e', 'MD5'],
        ['file', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', 'SHA-1'],
        ['file', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'SHA-256'],
        ['vulnerability', 'CVE-2021-44228', ''],
        ['vulnerability', 'CVE-2017-0199', ''],
        ['attack-pattern', 'T1059.001', 'sub-technique'],
        ['attack-pattern', 'TA0001', 'tactic'],
        ['attack-pattern', 'G0016', 'group'],
        ['attack-pattern', 'S0154', 'software'],
        ['attack-pattern', 'M1036', 'mitigation'],
        ['cryptocurrency-wallet', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'BTC'],
        ['cryptocurrency-wallet', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'BTC'],
        ['windows-registry-key', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run', ''],
        ['autonomous-system', 'AS13335', ''],
        ['autonomous-system', 'AS1234', ''],
        ['mac-addr', '00:1a:2b:3c:4d:5e', ''],
        ['file', '請求書.pdf.exe', 'name'],
      ]),
    );
  });

  it('verifies Bitcoin checksums', () => {
    expect(values('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3 49VLRG6oXpBEHACpoTpNh23Y3fGxStciKq', 'cryptocurrency-wallet')).toEqual([]);
  });

  it('needs ATT&CK context for single-letter prefixes', () => {
    expect(values('Order part S1000 and grid M1050 today.', 'attack-pattern')).toEqual([]);
    expect(values('Mitigations:\nM1050 Exploit Protection', 'attack-pattern')).toEqual(['M1050']);
  });

  it('takes an id glued mid-line among listed ids of its kind, and not one of another kind', () => {
    expect(values('M1026: Privileged Account Management\nArchive via Utility M1047: Audit', 'attack-pattern')).toEqual(['M1026', 'M1047']);
    expect(values('S1000 series router\nThe board was replaced with the M1032 chipset.', 'attack-pattern')).toEqual(['S1000']);
    expect(values(`M1026: Privileged Account Management\n${'x'.repeat(400)} the M1047 board`, 'attack-pattern')).toEqual(['M1026']);
  });
});

describe('false-positive traps', () => {
  it('does not read version numbers as IPs', () => {
    const text = 'Mozilla/5.0 (rv:1.9.1.5) Chrome/123.0.0.0 build 10.0.19045.2006, version 2.4.1.7, v3.2.0.118, バージョンは 2.3.9.2 から 2.4.1.7';
    expect(values(text, 'ipv4-addr')).toEqual([]);
  });

  it('does not read file names or paths as domains', () => {
    const text = 'update.exe invoice.pdf C:/Users/admin/kaos/utilities.Run log.zip 請求書.pdf.exe';
    expect(values(text, 'domain-name')).toEqual([]);
    expect(values(text, 'file')).toEqual(expect.arrayContaining(['update.exe', 'invoice.pdf', 'log.zip', '請求書.pdf.exe']));
  });

  it('keeps a defanged name with a file-extension TLD, flagged filename-like', () => {
    expect(codes(find('payload at evil-cdn[.]zip', 'evil-cdn.zip'))).toEqual(['defanged', 'filename-like']);
  });

  it('rejects unknown TLDs and glued words', () => {
    expect(values('domain.like.iandom smtp.mailfrom foobar@gmail.comahhhh')).toEqual([]);
  });

  it('does not take encryption keys or mixed-case runs for hashes', () => {
    expect(values('key = 4b1f0c9e7d2a58e6a3c4f0b19d8e7c21 and 8F2c1A9e5D314b7A8F2c1A9e5D314b7A', 'file')).toEqual([]);
  });

  it('reads a digest whose first letter a word processor capitalised, and nothing else of mixed case', () => {
    const text = 'Loaders\nFbc6f64c4d01c43ce0f272671501425a2c923fdb7ded7470c188f761fd430a58\nF0123456789012345678901234567891\nFbc6F64c4d01c43ce0f272671501425a';
    expect(values(text, 'file')).toEqual(['fbc6f64c4d01c43ce0f272671501425a2c923fdb7ded7470c188f761fd430a58', 'f0123456789012345678901234567891']);
  });
});

describe('Japanese text and PDF artefacts', () => {
  it('separates indicators from touching Japanese punctuation', () => {
    const text = '「syncnode-cdn[.]jp」、（203.0.113.5）。hxxp://91.215.43[.]118/files/svc.binからローダー';
    expect(values(text)).toEqual(['203.0.113.5', '91.215.43.118', 'syncnode-cdn.jp', 'http://91.215.43.118/files/svc.bin']);
  });

  it('joins a host wrapped at an internal hyphen, keeping the hyphen', () => {
    expect(values('  icloud-\n  iphonesecurity[.]com\n', 'domain-name')).toEqual(['icloud-iphonesecurity.com']);
  });

  it('joins a URL wrapped after a slash and a hash split over table lines', () => {
    const text = [
      'URL        hxxp://dl.kessai-tsuchi[.]com/inv/2024/      ZIP',
      '           seikyu_0415.zip',
      'SHA-256    312aac180e28a956b25b52b2543a7659856e804aacbd338151634cf8 loader',
      '           fa2b3203',
    ].join('\n');
    const found = values(text);
    expect(found).toContain('http://dl.kessai-tsuchi.com/inv/2024/seikyu_0415.zip');
    expect(found).toContain('312aac180e28a956b25b52b2543a7659856e804aacbd338151634cf8fa2b3203');
    expect(found).not.toContain('http://dl.kessai-tsuchi.com/inv/2024/');
  });

  it('joins a CVE id wrapped at its hyphen', () => {
    expect(values('CVE-2023-46805／CVE-2024-\n21887', 'vulnerability')).toEqual(['CVE-2023-46805', 'CVE-2024-21887']);
  });

  it('points occurrences into the original text through normalisation', () => {
    const text = '送信先は hxxp：／／１９８．５１．１００．４７：８０８０／gate.php で';
    const url = find(text, 'http://198.51.100.47:8080/gate.php');
    const occurrence = url?.occurrences[0];
    expect(occurrence).toBeDefined();
    if (occurrence === undefined) return;
    expect(text.slice(occurrence.offset, occurrence.offset + occurrence.length)).toBe('hxxp：／／１９８．５１．１００．４７：８０８０／gate.php');
    expect(occurrence.context).toContain('送信先は');
    const wrapped = '  icloud-\n  iphonesecurity[.]com\n';
    const joined = find(wrapped, 'icloud-iphonesecurity.com')?.occurrences[0];
    expect(joined && wrapped.slice(joined.offset, joined.offset + joined.length)).toBe('icloud-\n  iphonesecurity[.]com');
  });
});

describe('wrapped URLs: only real continuations are joined', () => {
  const urls = (text: string): string[] => values(text, 'url');

  it.each([
    ['a header line', 'Referer: http://www.microsoft.com/\nAccept: */*\n', 'http://www.microsoft.com/'],
    ['an all-caps heading', '³ https://www.exploit-db.com/exploits/35019/\nTECHNICAL ANALYSIS\n', 'https://www.exploit-db.com/exploits/35019/'],
    ['a new sentence after a full stop', 'to hxxp://212[.]83.191.156/http/up.php.\n• Another thread downloads\n', 'http://212.83.191.156/http/up.php'],
    ['a footnote number', '13 https://www.trustedsec.com/may-2013/native-powershell/\n14 see the next page\n', 'https://www.trustedsec.com/may-2013/native-powershell/'],
    ['a list number', '• hxxps://45[.]43.192.172:8443/OxGN\n3. Files from the target laptop\n', 'https://45.43.192.172:8443/OxGN'],
    ['a page number', 'http://feeds.rapidfeeds[.]com/61594/\n6/7\nUpdate: our friends\n', 'http://feeds.rapidfeeds.com/61594/'],
    ['a footer year', 'https://attack.mitre.org/techniques/T1190/\n© 2024 Kawasemi Security\n', 'https://attack.mitre.org/techniques/T1190/'],
    ['prose resuming in lower case', 'see http://evil.example.com/\nand then it stops\n', 'http://evil.example.com/'],
    ['a next paragraph', '     https://nvd.nist.gov/vuln/detail/CVE-2017-11882\n\n[3] Misago-IRC, report\n', 'https://nvd.nist.gov/vuln/detail/CVE-2017-11882'],
  ])('does not glue %s onto a URL', (_what, text, url) => {
    expect(urls(text)).toEqual([url]);
  });

  it('does not join when the URL ended at text on its own line', () => {
    const text = '文書を開いただけで hxxp://91.215.43[.]118/files/svc.binからローダーをダウン\nロードして実行します。ダウンロードされるローダーは、3.1 で述べた';
    expect(urls(text)).toEqual(['http://91.215.43.118/files/svc.bin']);
  });

  it('keeps joining real wraps: after a separator, at a column gap, under an attribute', () => {
    expect(urls('http://www.asriran.com/fa/news/299798/%D8%A7-\n%DA%86%D8%A7\n')).toEqual(['http://www.asriran.com/fa/news/299798/%D8%A7-%DA%86%D8%A7']);
    expect(urls('https://github.com/PowerShellMafia/PowerSploit/blob/master/CodeExecution/\nInvoke-Shellcode.ps1\n')).toEqual([
      'https://github.com/PowerShellMafia/PowerSploit/blob/master/CodeExecution/Invoke-Shellcode.ps1',
    ]);
    const table = 'URL         hxxps://static-cdnjs[.]net/ajax/libs/jquery/3.7.1/jquery-    挿入された JavaScript\n            migrate.min.js?v=20240521\n';
    expect(urls(table)).toEqual(['https://static-cdnjs.net/ajax/libs/jquery/3.7.1/jquery-migrate.min.js?v=20240521']);
    const layout = 'を感染させます\n                    src="hxxps://static-cdnjs[.]net/ajax/libs/jquery-\n出名：Backdoor.Win64.A）を感染させます。        migrate.min.js"></script>\n';
    expect(urls(layout)).toEqual(['https://static-cdnjs.net/ajax/libs/jquery-migrate.min.js']);
  });

  it('joins a URL wrapped over three or four lines, and stops at the next entry or a label under it', () => {
    const list = '6\nhttp://www.example-news.ir/fa/news/2997/%D8%A7%DB%8C-\n%DA%86%D8%A7%D9%BE-\n%D9%87%DA%A9%D8%B1\n7\nhttp://www.example-blog.net/post/1\n';
    expect(urls(list)).toEqual(['http://www.example-news.ir/fa/news/2997/%D8%A7%DB%8C-%DA%86%D8%A7%D9%BE-%D9%87%DA%A9%D8%B1', 'http://www.example-blog.net/post/1']);
    const query = 'https://auth.example-login.net/oauth2/authorize?client_id=\n4765445b-32c6&redirect_uri=https%3A%2F%2F\nportal.example-login.net%2Fhome&state=\n8f2a\n以上。';
    expect(urls(query)).toEqual(['https://auth.example-login.net/oauth2/authorize?client_id=4765445b-32c6&redirect_uri=https%3A%2F%2Fportal.example-login.net%2Fhome&state=8f2a']);
    // The third line's first token is a row label, not under the second piece: the URL ends at two lines.
    expect(urls('URL        hxxp://dl.example-drop[.]com/inv/2024/\n           invoice_0415.zip\nSHA-256    launcher-x64\n')).toEqual(['http://dl.example-drop.com/inv/2024/invoice_0415.zip']);
  });

  it('joins a URL quoted in an attribute and wrapped mid-word up to its closing quote, and nothing when the quote stays open', () => {
    const xml = '<Relationship Type="http://schemas.example-office.org/2006/relationships/attachedT\nemplate" Target="https://files.example-drop.net/t/17.dotm"/>';
    expect(urls(xml)).toEqual(['http://schemas.example-office.org/2006/relationships/attachedTemplate', 'https://files.example-drop.net/t/17.dotm']);
    expect(urls('The lure set href="https://cdn.example-kits.com/kit/index\nwhile the title read "Sign in".')).toEqual(['https://cdn.example-kits.com/kit/index']);
  });

  it('keeps the = of an empty query parameter and glues no word after it', () => {
    expect(urls('hxxp://212[.]129.13.110/dropper.php?profile=\nURLs\n')).toEqual(['http://212.129.13.110/dropper.php?profile=']);
  });
});

describe('version numbers and keys', () => {
  it('does not read versions labelled on the line above, or "set to", as IPs', () => {
    expect(values('update.exe のファイルバージョンは\n3.2.0.118 で、正規のソフトウェア', 'ipv4-addr')).toEqual([]);
    expect(values('with the Adobe Flash Player version set to\n23.0.0.185, the most recent Flash version', 'ipv4-addr')).toEqual([]);
    expect(values('Windows build\n\n10.0.19045.2006 and ver. 5.1.2.3', 'ipv4-addr')).toEqual([]);
    // A real address after prose is still one.
    expect(values('The loader connects to\n203.0.113.45 over TCP', 'ipv4-addr')).toEqual(['203.0.113.45']);
  });

  it('does not take labelled keys for MD5s', () => {
    expect(values('       "key":     "4b1f0c9e7d2a58e6a3c4f0b19d8e7c21",', 'file')).toEqual([]);
    expect(values('        暗号化キー\n\n          — ff7172d9c888b7a88a7d77372112d772', 'file')).toEqual([]);
    expect(values('RC4: 0a1b2c3d4e5f60718293a4b5c6d7e8f9 / XOR 0a1b2c3d4e5f60718293a4b5c6d7e8f0', 'file')).toEqual([]);
    expect(values('MD5: 0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'file')).toEqual(['0a1b2c3d4e5f60718293a4b5c6d7e8f9']);
  });
});

describe('flags and lists', () => {
  it('flags reserved addresses without dropping them', () => {
    // Issue 21: the shipped RFC 1918 / RFC 6890 warninglists name the range too.
    expect(codes(find('10.1.2.3', '10.1.2.3'))).toEqual(['benign', 'reserved']);
    expect(codes(find('::1', '::1'))).toEqual(['benign', 'reserved']);
  });

  it('flags built-in benign domains, vendors, and free-mail only as bare domains', () => {
    expect(codes(find('see microsoft.com', 'microsoft.com'))).toEqual(['benign']);
    expect(codes(find('securelist.com', 'securelist.com'))).toEqual(['benign']);
    const mail = extract('from bad.actor@gmail.com');
    expect(codes(mail.find((indicator) => indicator.value === 'gmail.com'))).toEqual(['benign']);
    // An address at free mail is context (issue 21), never benign: it stays ticked.
    expect(codes(mail.find((indicator) => indicator.value === 'bad.actor@gmail.com'))).toEqual(['context']);
  });

  it('applies user allow, deny (which wins) and publisher lists by suffix, value and CIDR', () => {
    const options: ExtractOptions = {
      allow: [{ name: 'mine', values: ['corp.example.net', '198.51.100.0/24'] }],
      deny: [{ name: 'bad', values: ['microsoft.com'] }],
      publisherDomains: ['misago-irc.jp'],
    };
    const text = 'www.corp.example.net 198.51.100.7 login.microsoft.com https://www.misago-irc.jp/';
    expect(codes(find(text, 'www.corp.example.net', options))).toEqual(['benign']);
    expect(codes(find(text, '198.51.100.7', options))).toEqual(['benign', 'reserved']);
    expect(codes(find(text, 'login.microsoft.com', options))).toEqual(['denied']);
    expect(codes(find(text, 'https://www.misago-irc.jp/', options))).toEqual(['publisher']);
  });

  it('flags revoked ATT&CK ids', () => {
    expect(codes(find('DLL side-loading (T1574.002)', 'T1574.002'))).toEqual(['revoked']);
  });

  it('describes every flag code', () => {
    for (const code of FLAG_CODES) expect(FLAG_DESCRIPTIONS[code]).toMatch(/\w/);
  });

  it('parses MISP warning lists and refuses regex lists', () => {
    expect(parseWarningList({ name: 'CDN', type: 'hostname', list: ['cdn.example.org', 1] })).toEqual({ name: 'CDN', values: ['cdn.example.org'] });
    expect(() => parseWarningList({ name: 'R', type: 'regex', list: ['a+'] })).toThrow(/regex/);
    expect(() => parseWarningList('nope')).toThrow();
  });
});

describe('result shape', () => {
  it('counts occurrences beyond the kept maximum and orders by type then first occurrence', () => {
    const pages = [
      { page: 2, text: 'evil.ru 1.2.3.4 evil.ru' },
      { page: 1, text: 'evil.ru other.ru' },
    ];
    const result = extractIndicators(pages, { maxOccurrences: 2 });
    expect(result.indicators.map((indicator) => indicator.value)).toEqual(['1.2.3.4', 'evil.ru', 'other.ru']);
    const evil = result.indicators[1];
    expect(evil?.occurrenceCount).toBe(3);
    expect(evil?.occurrences.map((occurrence) => [occurrence.page, occurrence.offset])).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(result.characters).toBe(39);
    expect(extractIndicators(pages, { maxOccurrences: 2 })).toEqual(result);
  });
});

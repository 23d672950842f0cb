import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { loadStixSchemaOracle } from '../../testkit/stixSchemas.ts';
import { testPdf } from '../documents/testPdf.ts';

const entry = resolve(import.meta.dirname, 'magpie.ts');
const dir = mkdtempSync(join(tmpdir(), 'magpie-cli-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Runs the CLI with the Node running the tests (the pinned Node 24, which strips types). */
function magpie(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [entry, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const report = file('report.txt', 'The C2 was hxxp://evil[.]example/gate.php at 203.0.113.9, sample md5 d41d8cd98f00b204e9800998ecf8427e (CVE-2017-11882, T1059.001).\n');
const pdf = file('report.pdf', testPdf(['C2 server evil-domain[.]com', 'page two: 8.8.4.4']));

describe('magpie extract', () => {
  it('prints the engine\'s indicators as JSON by default', () => {
    const { code, stdout } = magpie(['extract', report]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { file: string; indicators: { type: string; value: string; occurrences: { page: number }[] }[] };
    expect(parsed.file).toBe(report);
    const values = parsed.indicators.map((indicator) => `${indicator.type} ${indicator.value}`);
    expect(values).toEqual(expect.arrayContaining(['url http://evil.example/gate.php', 'domain-name evil.example', 'vulnerability CVE-2017-11882']));
  });

  it('reads a PDF and keeps page numbers; several files give one result each', () => {
    const { code, stdout } = magpie(['extract', pdf, report]);
    expect(code).toBe(0);
    const { results } = JSON.parse(stdout) as { results: { file: string; indicators: { value: string; occurrences: { page: number }[] }[] }[] };
    expect(results.map((result) => result.file)).toEqual([pdf, report]);
    expect(results[0]?.indicators.find((indicator) => indicator.value === 'evil-domain.com')?.occurrences[0]?.page).toBe(1);
    expect(results[0]?.indicators.find((indicator) => indicator.value === '8.8.4.4')?.occurrences[0]?.page).toBe(2);
  });

  it('writes a valid STIX bundle that magpie validate accepts', () => {
    const { code, stdout } = magpie(['extract', '--format', 'stix', report]);
    expect(code).toBe(0);
    const bundle = JSON.parse(stdout) as { type: string; objects: { type: string }[] };
    expect(bundle.type).toBe('bundle');
    expect(new Set(bundle.objects.map((object) => object.type))).toEqual(new Set(['url', 'domain-name', 'ipv4-addr', 'file', 'indicator', 'relationship', 'vulnerability', 'attack-pattern', 'report']));
    const validated = magpie(['validate', file('out.json', stdout)]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/OK/);
  });

  it.skipIf(!fixturesAvailable || !hasFixture('stix2.1-schemas'))('writes registry keys with the hive in full, so the bundle passes the OASIS schemas', () => {
    const keys = file('keys.txt', '永続化のためHKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnceに登録する。\nAlso HKLM\\SYSTEM\\CurrentControlSet\\Services\\Updater.\n');
    const { code, stdout } = magpie(['extract', '--format', 'stix', keys]);
    expect(code).toBe(0);
    const bundle = JSON.parse(stdout) as { objects: { type: string; key?: string }[] };
    expect(bundle.objects.filter((object) => object.type === 'windows-registry-key').map((object) => object.key).sort()).toEqual([
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Updater',
    ]);
    expect(loadStixSchemaOracle().bundleProblems(bundle)).toEqual([]);
  });

  it('writes CSV with RFC 4180 quoting and txt with one value per line', () => {
    const csv = magpie(['extract', '-f', 'csv', report]).stdout.split('\r\n');
    expect(csv[0]).toBe('type,value,flags,page,context');
    expect(csv.find((row) => row.startsWith('url,'))).toMatch(/^url,http:\/\/evil\.example\/gate\.php,defanged,1,"?The C2/);
    const txt = magpie(['extract', '-f', 'txt', report]).stdout.trim().split('\n');
    expect(txt).toEqual(expect.arrayContaining(['evil.example', '203.0.113.9', 'd41d8cd98f00b204e9800998ecf8427e']));
    expect(new Set(txt).size).toBe(txt.length);
  });

  it('reads text from stdin with -', () => {
    const { code, stdout } = magpie(['extract', '-', '-f', 'txt'], 'beacon to bad-host[.]example\n');
    expect(code).toBe(0);
    expect(stdout).toBe('bad-host.example\n');
  });

  it('reads many PDFs side by side, prints them in the order named, and a bad one fails alone', () => {
    // The long file last: started first (largest first), it finishes after the short ones yet stays last.
    const long = file('long.pdf', testPdf(Array.from({ length: 40 }, (_, i) => `page ${i + 1} of the long report, C2 long-${i + 1}[.]example`)));
    const short = [1, 2, 3].map((n) => file(`short-${n}.pdf`, testPdf([`short report ${n}: beacon to short-${n}[.]example`])));
    const locked = file('locked-among.pdf', testPdf(['secret'], { encrypted: true }));
    const missing = join(dir, 'missing-among.pdf');
    const named = [short[0] ?? '', locked, short[1] ?? '', missing, short[2] ?? '', long];
    const { code, stdout, stderr } = magpie(['extract', ...named]);
    expect(code).toBe(1);
    const { results } = JSON.parse(stdout) as { results: { file: string; indicators: { value: string }[] }[] };
    expect(results.map((result) => result.file)).toEqual([short[0], short[1], short[2], long]);
    expect(results[3]?.indicators.map((indicator) => indicator.value)).toContain('long-40.example');
    expect(results.slice(0, 3).map((result) => result.indicators.map((indicator) => indicator.value))).toEqual([['short-1.example'], ['short-2.example'], ['short-3.example']]);
    const errors = stderr.trim().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/locked-among\.pdf: .*password-protected/);
    expect(errors[1]).toMatch(/missing-among\.pdf: no such file/);
  });

  it('reports a file it cannot read on stderr and exits 1', () => {
    const locked = file('locked.pdf', testPdf(['secret'], { encrypted: true }));
    const { code, stderr } = magpie(['extract', locked]);
    expect(code).toBe(1);
    expect(stderr).toContain('password-protected');
    expect(magpie(['extract', join(dir, 'missing.txt')]).stderr).toContain('no such file');
  });
});

describe('magpie validate', () => {
  it('lists the issues of an invalid bundle with their paths and exits 1', () => {
    const bad = file('bad.json', JSON.stringify({ type: 'bundle', id: 'bundle--6f5b4b8f-5d1e-4b1f-9d5f-7a4f2f2b8b11', objects: [{ type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--nope', value: '1.2.3.4' }] }));
    const { code, stdout } = magpie(['validate', bad]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/INVALID/);
    expect(stdout).toMatch(/\/objects\/0\/id: /);
  });

  it('reports hand-typed values that break MUST rules, each with what to type instead', () => {
    const created = '2024-05-01T10:00:00.000Z';
    const objects = [
      { type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', created, modified: created, name: 'Phishing', lang: 'english', external_references: [{ source_name: 'capec', external_id: '163' }] },
      { type: 'email-addr', spec_version: '2.1', id: 'email-addr--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4', value: 'John Doe <jdoe@example.com>' },
      { type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created, modified: created, pattern_type: 'stix', valid_from: created, pattern: "[file:hashes.MD5 = 'abc'] within 60 seconds" },
    ];
    const bad = file('musts.json', JSON.stringify({ type: 'bundle', id: 'bundle--6f5b4b8f-5d1e-4b1f-9d5f-7a4f2f2b8b11', objects }));
    const { code, stdout } = magpie(['validate', bad]);
    expect(code).toBe(1);
    expect(stdout).toContain('/objects/0/external_references/0/external_id: "163" is not a CAPEC id. Write the CAPEC id as CAPEC-<number>, e.g. CAPEC-163.');
    expect(stdout).toMatch(/\/objects\/0\/lang: .*RFC 5646 language tag such as en/);
    expect(stdout).toMatch(/\/objects\/1\/value: Write only the address here \(jdoe@example.com\)/);
    expect(stdout).toMatch(/\/objects\/2\/pattern: .*32 hexadecimal digits/);
  });

  it('exits 1 on a file that is not a bundle', () => {
    expect(magpie(['validate', file('notjson.json', 'hello')]).code).toBe(1);
  });
});

describe('magpie usage', () => {
  it('prints help for the tool and each command', () => {
    expect(magpie(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: magpie <command>') as unknown });
    expect(magpie(['extract', '--help']).stdout).toContain('--format');
    expect(magpie(['validate', '-h']).stdout).toContain('Usage: magpie validate');
  });

  it('exits 2 with the usage on an unknown option, command or format', () => {
    for (const args of [['extract', '--bogus', 'x'], ['frobnicate'], ['extract', '-f', 'xml', 'x'], [], ['validate']]) {
      const { code, stderr } = magpie(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: magpie');
    }
  });
});

describe.skipIf(!fixturesAvailable)(`magpie on a report PDF${fixturesAvailable ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  it('extracts the synthetic Japanese report\'s full-width defanged indicators', ({ skip }) => {
    if (!hasFixture('reports', 'jp-synthetic-vpn-intrusion-ja.pdf')) return skip('fixture missing');
    const { code, stdout } = magpie(['extract', '-f', 'txt', fixturePath('reports', 'jp-synthetic-vpn-intrusion-ja.pdf')]);
    expect(code).toBe(0);
    const values = stdout.split('\n');
    expect(values.filter((value) => /^CVE-/.test(value)).length).toBeGreaterThanOrEqual(4);
    expect(values.filter((value) => /^[0-9a-f]{64}$/.test(value)).length).toBeGreaterThanOrEqual(4);
  });
});

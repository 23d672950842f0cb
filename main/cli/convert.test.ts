import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sample } from '../../core/exports/testdata/objects.ts';
import { isMispEvent, mispEventToStix } from '../../core/misp/index.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';

const entry = resolve(import.meta.dirname, 'magpie.ts');
const dir = mkdtempSync(join(tmpdir(), 'magpie-convert-'));
const bundleText = JSON.stringify({ type: 'bundle', id: 'bundle--6f5b4b8f-5d1e-4b1f-9d5f-7a4f2f2b8b11', objects: sample });
const bundle = join(dir, 'bundle.json');
writeFileSync(bundle, bundleText);

function magpie(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [entry, ...args], { input, encoding: 'utf8', timeout: 100_000, maxBuffer: 512 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('magpie convert', () => {
  it('writes CSV with ; and every field quoted, or , with a BOM for Excel', () => {
    const { code, stdout } = magpie(['convert', bundle, '--to', 'csv']);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[0]).toMatch(/^"id";"type";"name";/);
    const excel = magpie(['convert', bundle, '--to', 'csv', '--separator', ',', '--bom']).stdout;
    expect(excel.startsWith('\uFEFF"id","type","name",')).toBe(true);
  });

  it('withholds a TLP:RED object above --max-tlp and says so on stderr', () => {
    // The sample's addresses are TEST-NET (RFC 5737) ones, on a shipped warninglist: included here, this test is about TLP.
    const { code, stdout, stderr } = magpie(['convert', bundle, '--to', 'txt', '--max-tlp', 'amber', '--include-warninglisted']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('198.51.100.66');
    expect(stdout).toContain('203.0.113.9\n');
    expect(stderr).toContain('withheld 1 marked TLP:RED, 1 relationship(s)');
  });

  it('reads stdin with - and defangs a blocklist on request', () => {
    const { code, stdout } = magpie(['convert', '-', '--to', 'txt', '--defang', '--kinds', 'url,domain'], bundleText);
    expect(code).toBe(0);
    expect(stdout).toBe('c2[.]evil[.]example\nevil[.]example\nhxxps://evil[.]example/gate.php\n');
  });

  it('writes a MISP event the MISP importer reads back', () => {
    const { code, stdout } = magpie(['convert', bundle, '--to', 'misp', '-m', 'green', '--info', 'Shared with partners', '--include-warninglisted']);
    expect(code).toBe(0);
    const event = JSON.parse(stdout) as unknown;
    expect(isMispEvent(event)).toBe(true);
    const values = mispEventToStix(event).objects.map((object) => object['value']);
    expect(values).toEqual(expect.arrayContaining(['203.0.113.9', 'evil.example', 'phish@evil.example']));
    expect(values).not.toContain('c2.evil.example');
  });

  it('leaves revoked, expired and warninglisted values out of a blocklist, says so on stderr, and includes them on request', () => {
    const T = '2020-01-01T00:00:00.000Z';
    const indicator = (n: number, value: string, extra: Record<string, unknown>) => ({
      type: 'indicator', spec_version: '2.1', id: `indicator--${n}1111111-1111-4111-8111-111111111111`, created: T, modified: T, pattern_type: 'stix', valid_from: T, pattern: `[domain-name:value = '${value}']`, ...extra,
    });
    const objects = [
      indicator(1, 'live-c2.example.net', {}),
      indicator(2, 'revoked-c2.example.net', { revoked: true }),
      indicator(3, 'expired-c2.example.net', { valid_until: '2021-01-01T00:00:00.000Z' }),
      { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--2bf9ab1a-fd0e-5d6b-a2a7-c9e3e6a1f8e5', value: '8.8.8.8' },
      { type: 'domain-name', spec_version: '2.1', id: 'domain-name--3c1d4c8e-6a6e-5f6b-8a1f-0e2b0d7a9c11', value: 'cert.gov' },
    ];
    const input = JSON.stringify({ type: 'bundle', id: 'bundle--7f5b4b8f-5d1e-4b1f-9d5f-7a4f2f2b8b11', objects });
    const byDefault = magpie(['convert', '-', '--to', 'txt'], input);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toBe('live-c2.example.net\n');
    expect(byDefault.stderr).toContain('left out 1 revoked, 1 expired (valid_until passed), 2 on a warninglist');
    expect(magpie(['convert', '-', '--to', 'txt', '--include-revoked'], input).stdout).toBe('live-c2.example.net\nrevoked-c2.example.net\n');
    const all = magpie(['convert', '-', '--to', 'txt', '--include-all'], input);
    expect(all.stdout.split('\n').filter(Boolean)).toEqual(['8.8.8.8', 'cert.gov', 'expired-c2.example.net', 'live-c2.example.net', 'revoked-c2.example.net']);
    expect(all.stderr).not.toContain('left out');
  });

  it('prints its help, and exits 2 with the usage on bad options', () => {
    expect(magpie(['convert', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: magpie convert') as unknown });
    const bad = [
      ['convert', bundle], ['convert', bundle, '--to', 'xml'], ['convert', bundle, '--to', 'csv', '--max-tlp', 'purple'],
      ['convert', bundle, '--to', 'txt', '--bom'], ['convert', bundle, '--to', 'csv', '--separator', '|'], ['convert', '--to', 'csv'],
      ['convert', bundle, '--to', 'txt', '--kinds', 'ipv5'],
    ];
    for (const args of bad) {
      const { code, stderr } = magpie(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: magpie convert');
    }
  });

  it('exits 1 with a clear message on a missing file or one that is not a bundle', () => {
    expect(magpie(['convert', join(dir, 'missing.json'), '--to', 'csv'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') as unknown });
    const notBundle = join(dir, 'not.json');
    writeFileSync(notBundle, 'hello');
    const { code, stderr } = magpie(['convert', notBundle, '--to', 'csv']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^magpie: .*not\.json: /);
  });
});

const ENTERPRISE = ['mitre-attack', 'enterprise-attack-18.1.stix21-reconstructed.json.gz'] as const;
describe.skipIf(!fixturesAvailable)(`magpie convert on ATT&CK Enterprise${fixturesAvailable ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  it('writes one CSV row per object, from stdin', ({ skip }) => {
    if (!hasFixture(...ENTERPRISE)) return skip('fixture missing');
    const text = gunzipSync(readFileSync(fixturePath(...ENTERPRISE))).toString('utf8');
    const count = (JSON.parse(text) as { objects: unknown[] }).objects.length;
    const { code, stdout } = magpie(['convert', '-', '--to', 'csv', '--max-tlp', 'red'], text);
    expect(code).toBe(0);
    const rows = stdout.split('\r\n').filter((row) => row !== '');
    expect(rows).toHaveLength(count + 1);
    expect(rows.some((row) => row.includes('"T1059.001"'))).toBe(true);
  }, 120_000);
});

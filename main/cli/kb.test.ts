import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalApiMethod } from '../../core/localApi/protocol.ts';
import { startLocalApi, type LocalApi } from '../localApi/service.ts';
import { runCli } from './run.ts';

const hit = { id: 'attack-pattern--a62a8db3-f23a-4d8f-afd6-9dbc77e7813b', type: 'attack-pattern', name: 'Phishing', modified: '2024-04-16T12:00:00.000Z', score: 5, labels: [], tlp: null, revoked: false };

const unknown = { known: false, object: null, sources: [], reports: [], reportCount: 0, firstSeen: null, lastSeen: null, tlp: null, score: null, confidence: null, indicator: false, indicatorState: null };
const knownC2 = { ...unknown, known: true, object: { id: 'domain-name--3c1b5a0e-6f0e-5f53-9b8e-3a1f0d2c4b5a', type: 'domain-name', name: 'evil-c2.com' }, sources: [{ name: 'Abuse feed', kind: 'connector' }], reports: [{ id: 'report--1', name: 'Operation Magpie', type: 'report' }], reportCount: 1, firstSeen: '2025-01-02', lastSeen: '2025-03-04', tlp: 'amber', score: 80, indicator: true, indicatorState: 'expired' };

function fakeKb(seen: Array<{ method: LocalApiMethod; params: unknown }>) {
  const answers: Partial<Record<LocalApiMethod, (params: never) => unknown>> = {
    search: () => ({ hits: [hit] }),
    get: ({ id }: { id: string }) => ({ object: id === hit.id ? { type: 'attack-pattern', id, name: 'Phishing' } : null }),
    export: () => ({ bundle: '{"type":"bundle","id":"bundle--9f5c8d6e-1b2a-4c3d-8e9f-0a1b2c3d4e5f","objects":[]}', exported: 12, withheld: { red: 2 }, withheldRelationships: 1 }),
    import: () => ({ created: 3, updated: 1, unchanged: 0, rejected: 1, warnings: 0, sourceId: 'source--1' }),
    lookup: ({ values }: { values: Array<{ value: string }> }) => ({ values: values.map(({ value }) => (value === 'evil-c2.com' ? knownC2 : unknown)) }),
  };
  return { request: (method: LocalApiMethod, params: unknown) => (seen.push({ method, params }), Promise.resolve(answers[method]?.(params as never))) } as never;
}

async function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: () => Promise.resolve(new TextEncoder().encode(stdin)) }, '0.1.0');
  return { code, stdout, stderr };
}

let api: LocalApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

describe('magpie kb, the local API\'s client', () => {
  it('searches, gets, exports and imports through the running app named by the profile\'s api.json', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'magpie-kb-cli-'));
    const seen: Array<{ method: LocalApiMethod; params: unknown }> = [];
    api = await startLocalApi({ profileDir: profile, broker: fakeKb(seen), version: '0.1.0' });
    // Only the analyst may read the token.
    expect(statSync(api.apiFile).mode & 0o777).toBe(0o600);

    const search = await cli(['kb', 'search', 'T1566', '--profile', profile]);
    expect(search).toMatchObject({ code: 0, stdout: `attack-pattern\tPhishing\t${hit.id}\n` });
    expect(search.stderr).toBe('1 match\n');

    const get = await cli(['kb', 'get', hit.id, '-p', profile]);
    expect(JSON.parse(get.stdout)).toMatchObject({ name: 'Phishing' });
    const missing = await cli(['kb', 'get', 'malware--00000000-0000-4000-8000-000000000000', '-p', profile]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No object malware--0{8}/);

    const out = join(profile, 'out.json');
    const exported = await cli(['kb', 'export', '--query', 'phishing', '--max-tlp', 'amber', '--out', out, '-p', profile]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ type: 'bundle' });
    expect(exported.stderr).toMatch(/12 objects written .* withheld above the maximum TLP: 2 TLP:RED, 1 relationships/);

    const bundle = join(profile, 'bundle.json');
    writeFileSync(bundle, '{"type":"bundle","id":"bundle--1","objects":[]}');
    const imported = await cli(['kb', 'import', bundle, '-p', profile]);
    expect(imported.stdout).toMatch(/3 created, 1 updated, 0 unchanged, 1 rejected \(in the app's quarantine/);
    expect(seen.map((request) => request.method)).toEqual(['search', 'get', 'get', 'export', 'import']);
    expect(seen[3]?.params).toEqual({ query: 'phishing', limit: 1000, maxTlp: 'amber' });
  });

  it('looks up the values of a pasted list: sends the refanged values, not the text, and prints each as known, on a warninglist or unknown', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'magpie-kb-cli-'));
    const seen: Array<{ method: LocalApiMethod; params: unknown }> = [];
    api = await startLocalApi({ profileDir: profile, broker: fakeKb(seen), version: '0.1.0' });
    const list = 'ALERT 7781 (confidential): host beaconed to evil-c2[.]com, resolver 8.8.8.8, then 45.77.12.9\n';

    const text = await cli(['kb', 'lookup', '-', '-p', profile], list);
    expect(text.code).toBe(0);
    expect(seen).toEqual([{ method: 'lookup', params: { values: expect.arrayContaining([{ type: 'domain-name', value: 'evil-c2.com' }, { type: 'ipv4-addr', value: '8.8.8.8' }, { type: 'ipv4-addr', value: '45.77.12.9' }]) as unknown } }]);
    // The text itself never leaves the CLI.
    expect(JSON.stringify(seen)).not.toContain('confidential');
    const lines = text.stdout.trim().split('\n');
    expect(lines).toContain('known\tdomain-name\tevil-c2.com\tdomain-name "evil-c2.com"\tsources: Abuse feed\treports: Operation Magpie\tseen 2025-01-02..2025-03-04\tTLP:AMBER\tscore 80\tindicator expired');
    expect(lines).toContain('warninglist\tipv4-addr\t8.8.8.8\tList of known IPv4 public DNS resolvers');
    expect(lines).toContain('unknown\tipv4-addr\t45.77.12.9');
    expect(text.stderr).toBe('3 values: 1 known, 1 on a warninglist, 1 unknown\n');

    const file = join(profile, 'list.csv');
    writeFileSync(file, `value,comment\n${list.replaceAll(',', ';')}`);
    const csv = await cli(['kb', 'lookup', file, '--format', 'csv', '-p', profile]);
    const rows = csv.stdout.trim().split('\r\n');
    expect(rows[0]).toBe('status,type,value,defanged,object_id,object_type,object_name,sources,reports,report_count,first_seen,last_seen,tlp,score,confidence,indicator,warninglists');
    expect(rows).toContain('known,domain-name,evil-c2.com,yes,domain-name--3c1b5a0e-6f0e-5f53-9b8e-3a1f0d2c4b5a,domain-name,evil-c2.com,Abuse feed,Operation Magpie,1,2025-01-02,2025-03-04,amber,80,,expired,');

    const json = await cli(['kb', 'lookup', file, '-f', 'json', '-p', profile]);
    const parsed = JSON.parse(json.stdout) as Array<{ value: string; group: string; warninglists: Array<{ list: string }> }>;
    expect(parsed.map((row) => [row.value, row.group])).toEqual(expect.arrayContaining([['evil-c2.com', 'known'], ['8.8.8.8', 'warninglist'], ['45.77.12.9', 'unknown']]));

    const missing = await cli(['kb', 'lookup', join(profile, 'nope.txt'), '-p', profile]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/nope\.txt: no such file/) as unknown });
    const empty = await cli(['kb', 'lookup', '-', '-p', profile], 'no values here');
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: expect.stringMatching(/^No values found/) as unknown });
  });

  it('says to start `magpie serve` when no app serves the profile, or the one that did has ended', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'magpie-kb-cli-'));
    const none = await cli(['kb', 'search', 'x', '--profile', profile]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`magpie serve --profile ${profile}`);

    const stale = await startLocalApi({ profileDir: profile, broker: fakeKb([]), version: '0.1.0' });
    const file = readFileSync(stale.apiFile, 'utf8');
    await stale.stop();
    writeFileSync(join(profile, 'api.json'), file);
    const ended = await cli(['kb', 'search', 'x', '--profile', profile]);
    expect(ended.code).toBe(1);
    expect(ended.stderr).toMatch(/not answering .* magpie serve --profile/);
  });

  it('says the token was refused when api.json holds another token', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'magpie-kb-cli-'));
    api = await startLocalApi({ profileDir: profile, broker: fakeKb([]), version: '0.1.0' });
    const file = JSON.parse(readFileSync(api.apiFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(api.apiFile, JSON.stringify({ ...file, token: 'x'.repeat(43) }));
    const refused = await cli(['kb', 'search', 'x', '--profile', profile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused the token/);
  });

  it('refuses an api.json that sends the token anywhere but loopback', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'magpie-kb-cli-'));
    writeFileSync(join(profile, 'api.json'), JSON.stringify({ url: 'http://203.0.113.9:8080/api/v1/', token: 't'.repeat(43), pid: 1, startedAt: '2026-01-01T00:00:00.000Z' }));
    const result = await cli(['kb', 'get', hit.id, '--profile', profile]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/only ever on http:\/\/127\.0\.0\.1/);
  });
});

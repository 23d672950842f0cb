import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../core/backup/digest.ts';
import { writeBackup } from '../../core/backup/write.ts';

const entry = resolve(import.meta.dirname, 'magpie.ts');
const dir = mkdtempSync(join(tmpdir(), 'magpie-cli-backup-'));

function magpie(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function* once<T>(value: T): AsyncGenerator<T> {
  yield await Promise.resolve(value);
}

async function backupFile(name: string, change?: (entries: Record<string, Uint8Array>) => void): Promise<string> {
  const objects = Array.from({ length: 120 }, (_, index) => ({ id: `ipv4-addr--${index}`, type: 'ipv4-addr', stix: { value: `203.0.113.${index}` } }));
  const chunks: Uint8Array[] = [];
  const parts = [
    { kind: 'jsonl' as const, path: 'objects.jsonl', batches: once(objects) },
    { kind: 'jsonl' as const, path: 'investigations.jsonl', batches: once([{ id: 'inv-1' }]) },
    { kind: 'bytes' as const, path: 'files/0f', chunks: once(strToU8('original report')) },
  ];
  for await (const chunk of writeBackup(parts, { appVersion: '0.1.0', schemaVersion: 5, createdAt: '2026-01-02T03:04:05.000Z' })) chunks.push(chunk);
  let bytes = concatBytes(chunks);
  if (change) {
    const entries = unzipSync(bytes);
    change(entries);
    bytes = zipSync(entries);
  }
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

// Each case starts Node (type stripping) up to three times: slow on a loaded machine.
describe('magpie backup verify', { timeout: 60_000 }, () => {
  it('prints the counts and OK for a whole archive', async () => {
    const { code, stdout } = magpie(['backup', 'verify', await backupFile('good.zip')]);
    expect(code).toBe(0);
    expect(stdout).toContain('OK: a Magpie backup made 2026-01-02T03:04:05.000Z by Magpie 0.1.0 (schema 5)');
    expect(stdout).toMatch(/objects\.jsonl\s+120 records/);
    expect(stdout).toMatch(/investigations\.jsonl\s+1 records/);
    expect(stdout).toContain('1 original file, 15 bytes');
  });

  it('names the first problem and exits 1 for an altered object or a cut-off file', async () => {
    const altered = await backupFile('altered.zip', (entries) => {
      entries['objects.jsonl'] = strToU8(strFromU8(entries['objects.jsonl'] ?? new Uint8Array()).replace('203.0.113.7"', '203.0.113.8"'));
    });
    const changed = magpie(['backup', 'verify', altered]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('REFUSED: objects.jsonl does not match its SHA-256');

    const whole = await backupFile('whole.zip');
    const cut = join(dir, 'cut.zip');
    writeFileSync(cut, readFileSync(whole).subarray(0, 700));
    const truncated = magpie(['backup', 'verify', cut]);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/REFUSED: .*(incomplete|damaged)/);
  });

  it('exits 1 for a missing file and 2 without one', () => {
    expect(magpie(['backup', 'verify', join(dir, 'absent.zip')]).stderr).toContain('no such file');
    expect(magpie(['backup', 'verify']).code).toBe(2);
    expect(magpie(['backup', '--help']).stdout).toContain('Usage: magpie backup verify');
  });
});

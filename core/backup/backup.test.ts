import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './digest.ts';
import { BackupError, MANIFEST_PATH, recordCount, type Manifest } from './format.ts';
import { bytesSource, readBackup } from './read.ts';
import { writeBackup, type BackupPart } from './write.ts';

const objects = Array.from({ length: 2500 }, (_, index) => ({ id: `indicator--${String(index).padStart(8, '0')}`, stix: { name: `value ${index}\nwith a newline` } }));
const original = new TextEncoder().encode('%PDF-1.7 the kept original report');

async function* batches<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  await Promise.resolve();
  for (let index = 0; index < items.length; index += size) yield items.slice(index, index + size);
}

function parts(): BackupPart[] {
  return [
    { kind: 'jsonl', path: 'objects.jsonl', batches: batches(objects, 700) },
    { kind: 'jsonl', path: 'investigations.jsonl', batches: batches([], 10) },
    { kind: 'bytes', path: 'files/abc', chunks: inPieces(original, 10) },
    { kind: 'json', path: 'connectors.json', value: { connectors: [{ id: 'cisa-kev', enabled: true }] } },
  ];
}

async function archive(list: BackupPart[] = parts(), chunkBytes = 1024): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const writer = writeBackup(list, { appVersion: '0.1.0', schemaVersion: 5, createdAt: '2026-01-01T00:00:00.000Z' }, { chunkBytes });
  for await (const chunk of writer) chunks.push(chunk);
  return concatBytes(chunks);
}

async function* inPieces(bytes: Uint8Array, size = 4096): AsyncGenerator<Uint8Array> {
  await Promise.resolve();
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

/** Reproducible incompressible bytes (xorshift32). */
function seededNoise(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let state = 0x9e3779b9;
  for (let index = 0; index < size; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

function occurrences(haystack: Uint8Array, needle: readonly number[]): number {
  let count = 0;
  for (let index = 0; index <= haystack.length - needle.length; index += 1) if (needle.every((byte, at) => haystack[index + at] === byte)) count += 1;
  return count;
}

async function refusal(bytes: Uint8Array): Promise<BackupError> {
  const error = await readBackup(bytesSource(bytes), {}, { sliceBytes: 4096 }).then(() => null, (failure: unknown) => failure);
  if (!(error instanceof BackupError)) throw new Error(`expected a BackupError, got ${String(error)}`);
  return error;
}

/** Rewrites an archive entry by entry, as someone editing it by hand would. */
function rewrite(bytes: Uint8Array, change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(bytes);
  change(entries);
  return zipSync(entries);
}

describe('backup archive', () => {
  it('round-trips every record and file, counted and hashed in the manifest (written last)', async () => {
    const bytes = await archive();
    const names = Object.keys(unzipSync(bytes));
    expect(names.at(-1)).toBe(MANIFEST_PATH);
    const records: unknown[] = [];
    const files = new Map<string, string>();
    const manifest = await readBackup(bytesSource(bytes), {
      records: (path, batch) => {
        if (path === 'objects.jsonl') records.push(...batch);
      },
      file: (path, data) => {
        files.set(path, strFromU8(data));
      },
    }, { sliceBytes: 777 });
    expect(records).toEqual(objects);
    expect(files.get('files/abc')).toBe('%PDF-1.7 the kept original report');
    expect(recordCount(manifest, 'objects.jsonl')).toBe(2500);
    expect(recordCount(manifest, 'investigations.jsonl')).toBe(0);
    expect(manifest.entries.map((entry) => entry.path)).toEqual(['objects.jsonl', 'investigations.jsonl', 'files/abc', 'connectors.json']);
    expect(manifest.entries[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('restores a kept file whose bytes hold zip signatures (a .docx, a zip, or chance in random bytes)', async () => {
    // Incompressible bytes are stored as they are, so the signatures reach the archive as
    // written: a reader that looks for the next entry's signature stops inside this file.
    const capture = seededNoise(3 * 1024 * 1024);
    const signatures = [0x04034b50, 0x08074b50, 0x02014b50, 0x06054b50];
    for (let at = 1000, index = 0; at < capture.length - 4; at += 50_000, index += 1) new DataView(capture.buffer).setUint32(at, signatures[index % 4] ?? 0, true);
    const bytes = await archive([{ kind: 'bytes', path: 'files/capture', chunks: inPieces(capture, 65536) }]);
    const written = occurrences(bytes, [0x50, 0x4b, 0x07, 0x08]);
    expect(written).toBeGreaterThan(2); // the file's own, not just the writer's data descriptors
    let kept: Uint8Array = new Uint8Array();
    const manifest = await readBackup(bytesSource(bytes), { file: (_path, data) => void (kept = data) }, { sliceBytes: 100_000 });
    expect(manifest.entries.map((entry) => entry.path)).toEqual(['files/capture']);
    expect(kept.length).toBe(capture.length);
    expect(kept).toEqual(capture);
  });

  it('refuses to write an archive past the size its 32-bit zip can address, before writing it wrong', async () => {
    const big = seededNoise(300_000);
    const list: BackupPart[] = [{ kind: 'bytes', path: 'files/big', chunks: inPieces(big, 65536) }];
    const writer = writeBackup(list, { appVersion: '0', schemaVersion: 5, createdAt: '' }, { chunkBytes: 65536, maxArchiveBytes: 200_000 });
    const chunks: Uint8Array[] = [];
    const error = await (async () => {
      for await (const chunk of writer) chunks.push(chunk);
    })().then(() => null, (failure: unknown) => failure);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('write-failed');
    expect(String(error)).toContain('the most one Magpie backup can hold');
    expect(chunks.reduce((sum, chunk) => sum + chunk.length, 0)).toBeLessThan(300_000);
    // Under the limit the same file is written whole.
    const whole = await archive([{ kind: 'bytes', path: 'files/big', chunks: inPieces(big, 65536) }]);
    expect(whole.length).toBeGreaterThan(300_000);
  });

  it('hands out the archive in chunks instead of one buffer', async () => {
    const sizes: number[] = [];
    for await (const chunk of writeBackup(parts(), { appVersion: '0', schemaVersion: 5, createdAt: '' }, { chunkBytes: 2048 })) sizes.push(chunk.length);
    expect(sizes.length).toBeGreaterThan(3);
  });

  it('refuses a truncated archive', async () => {
    const bytes = await archive();
    for (const cut of [Math.floor(bytes.length / 2), bytes.length - 40]) {
      const error = await refusal(bytes.subarray(0, cut));
      expect(['incomplete', 'damaged']).toContain(error.code);
      expect(error.message).toMatch(/incomplete|damaged|cut off/);
    }
  });

  it('refuses an archive with one altered object, naming the entry', async () => {
    const bytes = rewrite(await archive(), (entries) => {
      const text = strFromU8(entries['objects.jsonl'] ?? new Uint8Array());
      entries['objects.jsonl'] = strToU8(text.replace('value 1234', 'value 9999'));
    });
    const error = await refusal(bytes);
    expect(error.code).toBe('damaged');
    expect(error.message).toContain('objects.jsonl does not match its SHA-256');
  });

  it('refuses a removed record and an added entry', async () => {
    const fewer = rewrite(await archive(), (entries) => {
      const lines = strFromU8(entries['objects.jsonl'] ?? new Uint8Array()).split('\n');
      lines.splice(3, 1);
      entries['objects.jsonl'] = strToU8(lines.join('\n'));
    });
    expect((await refusal(fewer)).message).toMatch(/objects.jsonl holds \d+ bytes/);
    const extra = rewrite(await archive(), (entries) => {
      const { [MANIFEST_PATH]: manifest, ...rest } = entries;
      for (const key of Object.keys(entries)) Reflect.deleteProperty(entries, key);
      Object.assign(entries, rest, { 'extra.jsonl': strToU8('{}\n') }, { [MANIFEST_PATH]: manifest });
    });
    expect((await refusal(extra)).message).toContain('extra.jsonl, which its manifest does not list');
  });

  it('refuses an archive from a newer Magpie (format or schema) with what to do', async () => {
    for (const change of [{ formatVersion: 2 }, { schemaVersion: 99 }]) {
      const bytes = rewrite(await archive(), (entries) => {
        const manifest = JSON.parse(strFromU8(entries[MANIFEST_PATH] ?? new Uint8Array())) as Manifest;
        entries[MANIFEST_PATH] = strToU8(JSON.stringify({ ...manifest, ...change, appVersion: '9.0.0' }));
      });
      const error = await refusal(bytes);
      expect(error.code).toBe('newer');
      expect(error.message).toContain('made by a newer Magpie (9.0.0); update Magpie');
    }
  });

  it('refuses files that are not Magpie backups', async () => {
    expect((await refusal(new TextEncoder().encode('{"type":"bundle"}'))).code).toBe('not-a-backup');
    expect((await refusal(zipSync({ 'manifest.json': strToU8('{"format":"other"}') }))).message).toContain('not a Magpie backup');
  });

  it('lets a consumer error (a full disk) through unchanged', async () => {
    const full = new Error('QuotaExceededError');
    const error = await readBackup(bytesSource(await archive()), { records: () => Promise.reject(full) }).catch((failure: unknown) => failure);
    expect(error).toBe(full);
  });
});

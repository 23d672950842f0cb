/**
 * The archive reader against damaged archives (a seeded fuzz, short enough for `npm test`):
 * bytes changed anywhere — the table of contents, a local header, the compressed data, the
 * end record — or the file cut short. Every read either refuses with a BackupError, or
 * hands back exactly the records and file the archive was written with: never another
 * error, never a hang, never other data. `npm run bench:fuzz-backup` runs 30,000 damages
 * (BACKUP_FUZZ_RUNS, BACKUP_FUZZ_SEED).
 */
import { describe, expect, it } from 'vitest';
import { concatBytes } from './digest.ts';
import { BackupError } from './format.ts';
import { bytesSource, readBackup } from './read.ts';
import { writeBackup, type BackupPart } from './write.ts';

const records = Array.from({ length: 300 }, (_, index) => ({ id: `indicator--${index}`, name: `value ${index}` }));
const original = new TextEncoder().encode('%PDF-1.7 kept original '.repeat(200));

async function* once<T>(value: T): AsyncGenerator<T> {
  await Promise.resolve();
  yield value;
}

async function archive(): Promise<Uint8Array> {
  const parts: BackupPart[] = [
    { kind: 'jsonl', path: 'objects.jsonl', batches: once(records) },
    { kind: 'bytes', path: 'files/abc', chunks: once(original) },
    { kind: 'json', path: 'connectors.json', value: { connectors: [] } },
  ];
  const chunks: Uint8Array[] = [];
  for await (const chunk of writeBackup(parts, { appVersion: '0.1.0', schemaVersion: 5, createdAt: '2026-01-01T00:00:00.000Z' })) chunks.push(chunk);
  return concatBytes(chunks);
}

/** xorshift32: the same damage on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function damage(bytes: Uint8Array, next: () => number): Uint8Array {
  const copy = bytes.slice();
  const kind = Math.floor(next() * 4);
  if (kind === 0) return copy.subarray(0, Math.floor(next() * copy.length));
  // Where the zip's structure is: the first bytes, the table of contents and end record at the end, or anywhere.
  const region = kind === 1 ? [0, 64] : kind === 2 ? [Math.max(0, copy.length - 400), copy.length] : [0, copy.length];
  const changes = 1 + Math.floor(next() * 4);
  for (let change = 0; change < changes; change += 1) {
    const at = (region[0] ?? 0) + Math.floor(next() * ((region[1] ?? 0) - (region[0] ?? 0)));
    copy[at] = Math.floor(next() * 256);
  }
  return copy;
}

const RUNS = Number(process.env['BACKUP_FUZZ_RUNS'] ?? 400);
const SEED = Number(process.env['BACKUP_FUZZ_SEED'] ?? 20261206);

describe('reading a damaged backup', () => {
  it(`refuses with a BackupError or gives back exactly what was written, for ${RUNS} seeded damages`, async () => {
    const bytes = await archive();
    const next = random(SEED);
    const outcomes = { refused: 0, whole: 0 };
    for (let run = 0; run < RUNS; run += 1) {
      const damaged = damage(bytes, next);
      const read: unknown[] = [];
      const files = new Map<string, Uint8Array>();
      const result = await readBackup(bytesSource(damaged), { records: (_path, batch) => void read.push(...batch), file: (path, data) => void files.set(path, data) }, { sliceBytes: 1000 }).then(
        (manifest) => manifest,
        (error: unknown) => error,
      );
      if (result instanceof Error) {
        expect(result, `run ${run}: ${String(result)}`).toBeInstanceOf(BackupError);
        outcomes.refused += 1;
      } else {
        // A change the format does not read (a timestamp, a CRC it does not need): the data is proven by SHA-256.
        expect(read).toEqual(records);
        expect(files.get('files/abc')).toEqual(original);
        expect(JSON.parse(new TextDecoder().decode(files.get('connectors.json')))).toEqual({ connectors: [] });
        outcomes.whole += 1;
      }
    }
    expect(outcomes.refused).toBeGreaterThan(RUNS * 0.75);
  }, 60_000 + RUNS * 10);
});

/**
 * Writes a backup archive as a stream of zip bytes: each part is compressed as it is read
 * (fflate's streaming Zip), so a store of a million objects never exists as one string or
 * buffer. The caller pulls chunks (backpressure: nothing is read from the store until the
 * previous chunk was taken) and writes them wherever it likes.
 */
import { Zip, ZipDeflate } from 'fflate';
import { concatBytes, runningSha256 } from './digest.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, MANIFEST_PATH, type Manifest, type ManifestEntry } from './format.ts';

export type BackupPart =
  | { kind: 'jsonl'; path: string; batches: AsyncIterable<readonly unknown[]> }
  | { kind: 'json'; path: string; value: unknown }
  | { kind: 'bytes'; path: string; chunks: AsyncIterable<Uint8Array> };

export interface BackupMeta {
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
}

export interface WriteOptions {
  /** Output is handed over in chunks of at least this many bytes (the last may be smaller). */
  chunkBytes?: number;
  /**
   * Deflate level. 1 costs a third of the default's time for ~15% larger archives of
   * JSON; a backup of a large store is bound by compression, not by the disk.
   */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** The most bytes the entries' data may take; past it the backup is refused (see ZIP_LIMIT). */
  maxArchiveBytes?: number;
}

/**
 * fflate's Zip writes 32-bit sizes and offsets (no ZIP64), so an archive past 4 GiB would
 * be written with wrapped offsets and could never be restored: the writer stops before,
 * leaving room for the table of contents and the manifest, which come last.
 */
export const ZIP_LIMIT = 0xffffffff - 64 * 1024 * 1024;

const encoder = new TextEncoder();

/** The archive's bytes, in order; the manifest (written last) is returned when done. */
export async function* writeBackup(parts: AsyncIterable<BackupPart> | Iterable<BackupPart>, meta: BackupMeta, options: WriteOptions = {}): AsyncGenerator<Uint8Array, Manifest> {
  const chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  const level = options.level ?? 1;
  const maxArchiveBytes = options.maxArchiveBytes ?? ZIP_LIMIT;
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let written = 0;
  // Set from fflate's callback; a holder, so the checks below are not narrowed away.
  const status: { failure: Error | null } = { failure: null };
  const zip = new Zip((error, data) => {
    if (error) status.failure = error;
    pending.push(data);
    pendingBytes += data.length;
    written += data.length;
  });
  const take = (): Uint8Array => {
    const out = concatBytes(pending);
    pending.length = 0;
    pendingBytes = 0;
    return out;
  };
  const entries: ManifestEntry[] = [];

  for await (const part of parts) {
    const lines = part.kind === 'jsonl';
    const file = new ZipDeflate(part.path, { level });
    zip.add(file);
    const digest = runningSha256();
    let bytes = 0;
    let records = 0;
    for await (const piece of piecesOf(part)) {
      digest.update(piece);
      bytes += piece.length;
      if (lines) records += countNewlines(piece);
      file.push(piece, false);
      if (status.failure) throw status.failure;
      if (written > maxArchiveBytes) {
        throw new BackupError('write-failed', `This backup would be larger than ${formatLimit(maxArchiveBytes)}, the most one Magpie backup can hold (its zip has no ZIP64). Nothing was written. Empty the trash or delete kept original files you no longer need, then back up again.`);
      }
      if (pendingBytes >= chunkBytes) yield take();
    }
    file.push(new Uint8Array(0), true);
    entries.push({ path: part.path, records: lines ? records : null, bytes, sha256: digest.hex() });
  }
  const manifest: Manifest = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...meta, entries };
  const last = new ZipDeflate(MANIFEST_PATH, { level });
  zip.add(last);
  last.push(encoder.encode(JSON.stringify(manifest, null, 2)), true);
  zip.end();
  if (status.failure) throw status.failure;
  if (pendingBytes > 0) yield take();
  return manifest;
}

/** A part's uncompressed bytes; records are turned into text one batch at a time. */
async function* piecesOf(part: BackupPart): AsyncGenerator<Uint8Array> {
  if (part.kind === 'json') {
    yield encoder.encode(JSON.stringify(part.value));
  } else if (part.kind === 'jsonl') {
    for await (const batch of part.batches) {
      if (batch.length > 0) yield encoder.encode(`${batch.map((record) => JSON.stringify(record)).join('\n')}\n`);
    }
  } else {
    yield* part.chunks;
  }
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if (byte === 10) count += 1;
  return count;
}

function formatLimit(bytes: number): string {
  return bytes >= 2 ** 30 ? `${Math.round(bytes / 2 ** 30)} GiB` : `${bytes} bytes`;
}

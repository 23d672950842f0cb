/**
 * Reads a backup archive as a stream (fflate's streaming Unzip) and proves it against its
 * manifest: every listed entry present and complete, its SHA-256, byte count and line
 * count equal, nothing unlisted, a format and schema this Magpie knows. The same pass
 * can hand each entry's records or bytes to a consumer (a restore); the consumer's work
 * only stands if the whole pass ends without an error, so it must be undoable (a restore
 * runs it inside one transaction that the error aborts).
 */
import { Unzip, UnzipInflate } from 'fflate';
import { concatBytes, runningSha256, type RunningDigest } from './digest.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, MANIFEST_PATH, Manifest, NEWEST_SCHEMA_VERSION } from './format.ts';

export interface ArchiveConsumer {
  /** Parsed lines of a .jsonl entry, a batch at a time, before that entry is proven. */
  records?: (path: string, records: unknown[]) => Promise<void> | void;
  /** A whole non-JSON entry (an original file), once read. */
  file?: (path: string, bytes: Uint8Array) => Promise<void> | void;
}

export interface ReadOptions {
  newestSchemaVersion?: number;
  /** Called after each input chunk with the bytes read so far. */
  onProgress?: (bytesRead: number) => void;
  /** Records per `records` call. */
  batchSize?: number;
}

interface EntryState {
  path: string;
  digest: RunningDigest;
  bytes: number;
  lines: number;
  done: boolean;
  /** Text after the last newline, waiting for the rest of its line. */
  tail: string;
  decoder: { decode(input: Uint8Array, options?: { stream?: boolean }): string } | null;
  batch: unknown[];
  kept: Uint8Array[] | null;
}

/** The zip's end-of-central-directory record; Magpie writes it without a comment. */
const END_RECORD_BYTES = 22;
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/** Reads the whole archive; resolves with its manifest once everything matched, else throws BackupError. */
export async function readBackup(source: AsyncIterable<Uint8Array>, consumer: ArchiveConsumer = {}, options: ReadOptions = {}): Promise<Manifest> {
  const batchSize = options.batchSize ?? 2000;
  const seen = new Map<string, EntryState>();
  const ready: { path: string; records?: unknown[]; file?: Uint8Array }[] = [];
  // Set from fflate's callbacks; a holder, so the checks below are not narrowed away.
  const status: { failure: BackupError | null } = { failure: null };
  let manifestBytes: Uint8Array[] = [];

  const unzip = new Unzip((file) => {
    if (seen.has(file.name)) {
      status.failure = new BackupError('damaged', `The archive holds ${file.name} twice; it was not written by Magpie.`);
      return;
    }
    const isManifest = file.name === MANIFEST_PATH;
    const lines = file.name.endsWith('.jsonl');
    const state: EntryState = {
      path: file.name,
      digest: runningSha256(),
      bytes: 0,
      lines: 0,
      done: false,
      tail: '',
      decoder: lines && consumer.records ? new TextDecoder('utf-8', { fatal: true }) : null,
      batch: [],
      kept: !lines && !isManifest && consumer.file ? [] : null,
    };
    seen.set(file.name, state);
    file.ondata = (error, data, final) => {
      if (error) {
        status.failure = new BackupError('damaged', `${file.name} cannot be decompressed (${error.message}); the archive is damaged.`);
        return;
      }
      state.bytes += data.length;
      if (isManifest) {
        if (state.bytes > MAX_MANIFEST_BYTES) status.failure = new BackupError('not-a-backup', 'The manifest is too large; this is not a Magpie backup.');
        else manifestBytes.push(data);
      } else {
        state.digest.update(data);
        for (const byte of data) if (byte === 10) state.lines += 1;
        if (state.decoder) collectLines(state, data, final, batchSize, ready);
        if (state.kept) state.kept.push(data);
      }
      if (final) {
        state.done = true;
        if (state.kept) ready.push({ path: state.path, file: concatBytes(state.kept) });
        state.kept = null;
      }
    };
    try {
      file.start();
    } catch (error) {
      status.failure = new BackupError('damaged', `${file.name} uses a compression Magpie does not write (${String(error)}); this is not a Magpie backup.`);
    }
  });
  unzip.register(UnzipInflate);

  let read = 0;
  const push = (chunk: Uint8Array, final: boolean): void => {
    try {
      unzip.push(chunk, final);
    } catch (error) {
      if (error instanceof BackupError) throw error;
      // fflate throws plain errors on a malformed zip (a truncated or foreign file).
      throw new BackupError(read === 0 ? 'not-a-backup' : 'damaged', `The archive cannot be read (${error instanceof Error ? error.message : String(error)}); it is damaged or not a Magpie backup.`);
    }
    if (status.failure) throw status.failure;
  };
  // Hands over what the last chunk completed before the next is read (bounded memory).
  // The consumer's own errors (a full disk) pass through unchanged.
  const deliver = async (): Promise<void> => {
    for (const item of ready.splice(0)) {
      if (item.records) await consumer.records?.(item.path, item.records);
      if (item.file) await consumer.file?.(item.path, item.file);
    }
  };
  let tail: Uint8Array = new Uint8Array(0);
  for await (const chunk of source) {
    read += chunk.length;
    tail = lastBytes(tail, chunk, END_RECORD_BYTES);
    push(chunk, false);
    await deliver();
    options.onProgress?.(read);
  }
  push(new Uint8Array(0), true);
  await deliver();

  const manifestState = seen.get(MANIFEST_PATH);
  if (!manifestState?.done) {
    if (seen.size === 0) throw new BackupError('not-a-backup', 'This file is not a Magpie backup (no zip entries).');
    throw new BackupError('incomplete', 'The archive is incomplete (it ends before its manifest): it was cut off while it was written or copied. Use another copy of the backup.');
  }
  // Entries can all be whole while the zip's central directory, written after them, was
  // cut off: other zip tools would refuse such a file, so it is refused here too.
  if (!isEndRecord(tail, seen.size)) throw new BackupError('incomplete', 'The archive is incomplete (its end is missing): it was cut off while it was written or copied. Use another copy of the backup.');
  const manifest = parseManifest(concatBytes(manifestBytes));
  manifestBytes = [];
  checkEntries(manifest, seen, options.newestSchemaVersion);
  return manifest;
}

/** A manifest this Magpie can read; a newer one is refused by name. */
export function parseManifest(bytes: Uint8Array): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new BackupError('not-a-backup', 'The manifest is not JSON; this is not a Magpie backup.');
  }
  const format = typeof raw === 'object' && raw !== null ? (raw as { format?: unknown }).format : undefined;
  if (format !== BACKUP_FORMAT) throw new BackupError('not-a-backup', 'This zip is not a Magpie backup (its manifest does not say magpie-backup).');
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw new BackupError('not-a-backup', `The manifest is not one Magpie wrote: ${parsed.error.issues[0]?.message ?? 'unreadable'}.`);
  return parsed.data;
}

function checkVersions(manifest: Manifest, newestSchemaVersion: number): void {
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION || manifest.schemaVersion > newestSchemaVersion) {
    throw new BackupError('newer', `This backup was made by a newer Magpie (${manifest.appVersion}); update Magpie to restore it. Nothing was changed.`);
  }
}

function checkEntries(manifest: Manifest, seen: ReadonlyMap<string, EntryState>, newestSchemaVersion = NEWEST_SCHEMA_VERSION): void {
  checkVersions(manifest, newestSchemaVersion);
  const listed = new Set(manifest.entries.map((entry) => entry.path));
  for (const path of seen.keys()) {
    if (path !== MANIFEST_PATH && !listed.has(path)) throw new BackupError('damaged', `The archive holds ${path}, which its manifest does not list; it was changed after Magpie wrote it.`);
  }
  for (const entry of manifest.entries) {
    const state = seen.get(entry.path);
    if (!state) throw new BackupError('incomplete', `${entry.path} is missing from the archive; it is incomplete. Use another copy of the backup.`);
    if (!state.done) throw new BackupError('incomplete', `${entry.path} is cut off; the archive is incomplete. Use another copy of the backup.`);
    if (state.bytes !== entry.bytes) throw new BackupError('damaged', `${entry.path} holds ${state.bytes} bytes where the manifest says ${entry.bytes}; the archive was changed or damaged.`);
    if (entry.records !== null && state.lines !== entry.records) throw new BackupError('damaged', `${entry.path} holds ${state.lines} records where the manifest says ${entry.records}; the archive was changed or damaged.`);
    const sha256 = state.digest.hex();
    if (sha256 !== entry.sha256) throw new BackupError('damaged', `${entry.path} does not match its SHA-256 in the manifest; the archive was changed or damaged. Use another copy of the backup.`);
  }
}

function collectLines(state: EntryState, data: Uint8Array, final: boolean, batchSize: number, ready: { path: string; records?: unknown[] }[]): void {
  const text = state.tail + (state.decoder?.decode(data, { stream: !final }) ?? '');
  const lines = text.split('\n');
  state.tail = lines.pop() ?? '';
  for (const line of lines) {
    if (line === '') continue;
    try {
      state.batch.push(JSON.parse(line));
    } catch {
      throw new BackupError('damaged', `${state.path} holds a line that is not JSON; the archive was changed or damaged.`);
    }
    if (state.batch.length >= batchSize) ready.push({ path: state.path, records: state.batch.splice(0) });
  }
  if (final) {
    if (state.tail.trim() !== '') throw new BackupError('damaged', `${state.path} ends in the middle of a record; the archive was changed or damaged.`);
    if (state.batch.length > 0) ready.push({ path: state.path, records: state.batch.splice(0) });
  }
}

function lastBytes(previous: Uint8Array, chunk: Uint8Array, count: number): Uint8Array {
  if (chunk.length >= count) return chunk.slice(chunk.length - count);
  const joined = concatBytes([previous, chunk]);
  return joined.slice(Math.max(0, joined.length - count));
}

function isEndRecord(bytes: Uint8Array, entries: number): boolean {
  if (bytes.length !== END_RECORD_BYTES) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(0, true) === 0x06054b50 && view.getUint16(10, true) === entries % 0x10000;
}

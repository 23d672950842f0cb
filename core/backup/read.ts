/**
 * Reads a backup archive and proves it against its manifest: every listed entry present
 * and complete, its SHA-256, byte count and line count equal, nothing unlisted, a format
 * and schema this Magpie knows. The same pass can hand each entry's records or bytes to a
 * consumer (a restore); the consumer's work only stands if the whole pass ends without an
 * error, so it must be undoable (a restore runs it inside one transaction that the error
 * aborts).
 *
 * The archive is walked by its central directory (read first, from the end of the file),
 * which gives every entry's compressed size: Magpie's writer streams, so its local headers
 * carry no sizes, and a reader that looked for the next header's signature instead (as
 * fflate's streaming Unzip does) stops early wherever a kept original file happens to hold
 * those four bytes. Each entry's deflate data then goes through fflate's streaming Inflate
 * in slices, so memory stays bounded by the slice, not the archive.
 */
import { Inflate } from 'fflate';
import { concatBytes, runningSha256, type RunningDigest } from './digest.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, MANIFEST_PATH, Manifest, NEWEST_SCHEMA_VERSION } from './format.ts';

/** Random access to the archive's bytes (a Blob in the app, a file handle in the CLI). */
export interface ArchiveSource {
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer only when the file ends sooner. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ArchiveConsumer {
  /** Parsed lines of a .jsonl entry, a batch at a time, before that entry is proven. */
  records?: (path: string, records: unknown[]) => Promise<void> | void;
  /** A whole non-JSON entry (an original file), once read. */
  file?: (path: string, bytes: Uint8Array) => Promise<void> | void;
}

export interface ReadOptions {
  newestSchemaVersion?: number;
  /** Called after each slice with the bytes read so far (the file's size at the end). */
  onProgress?: (bytesRead: number) => void;
  /** Records per `records` call. */
  batchSize?: number;
  /** Bytes per read of the source. */
  sliceBytes?: number;
}

/** The bytes of a whole archive held in memory. */
export function bytesSource(bytes: Uint8Array): ArchiveSource {
  return { size: bytes.length, read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)) };
}

/** A Blob or File; `wait` wraps each read (a restore keeps its transaction open across it). */
export function blobSource(blob: Blob, wait: <T>(promise: Promise<T>) => Promise<T> = (promise) => promise): ArchiveSource {
  return { size: blob.size, read: async (offset, length) => new Uint8Array(await wait(blob.slice(offset, offset + length).arrayBuffer())) };
}

/** One entry as the central directory lists it. */
interface DirectoryEntry {
  path: string;
  method: number;
  compressedSize: number;
  headerOffset: number;
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

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
const END_RECORD_BYTES = 22;
const LOCAL_HEADER_BYTES = 30;
const DIRECTORY_HEADER_BYTES = 46;
/** The most a zip comment can add after the end record (Magpie writes none). */
const MAX_COMMENT_BYTES = 0xffff;
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const MAX_DIRECTORY_BYTES = 256 * 1024 * 1024;
const STORED = 0;
const DEFLATED = 8;

const cutOff = (what: string) => new BackupError('incomplete', `The archive is incomplete (${what}): it was cut off while it was written or copied. Use another copy of the backup.`);

/** Reads the whole archive; resolves with its manifest once everything matched, else throws BackupError. */
export async function readBackup(source: ArchiveSource, consumer: ArchiveConsumer = {}, options: ReadOptions = {}): Promise<Manifest> {
  const batchSize = options.batchSize ?? 2000;
  const sliceBytes = options.sliceBytes ?? 4 * 1024 * 1024;
  const directory = await readDirectory(source);
  const manifestEntry = directory.find((entry) => entry.path === MANIFEST_PATH);
  if (!manifestEntry) throw new BackupError('not-a-backup', 'This zip has no manifest; it is not a Magpie backup.');
  if (manifestEntry.compressedSize > MAX_MANIFEST_BYTES) throw new BackupError('not-a-backup', 'The manifest is too large; this is not a Magpie backup.');

  // The manifest first: a backup from a newer Magpie is refused before anything is read.
  const manifestBytes: Uint8Array[] = [];
  let manifestLength = 0;
  await inflateEntry(source, manifestEntry, sliceBytes, (data) => {
    manifestLength += data.length;
    if (manifestLength > MAX_MANIFEST_BYTES) throw new BackupError('not-a-backup', 'The manifest is too large; this is not a Magpie backup.');
    manifestBytes.push(data);
  });
  const manifest = parseManifest(concatBytes(manifestBytes));
  checkVersions(manifest, options.newestSchemaVersion ?? NEWEST_SCHEMA_VERSION);
  checkListed(manifest, directory);

  const seen = new Map<string, EntryState>();
  const ready: { path: string; records?: unknown[]; file?: Uint8Array }[] = [];
  // Hands over what the last slice completed before the next is read (bounded memory).
  // The consumer's own errors (a full disk) pass through unchanged.
  const deliver = async (): Promise<void> => {
    for (const item of ready.splice(0)) {
      if (item.records) await consumer.records?.(item.path, item.records);
      if (item.file) await consumer.file?.(item.path, item.file);
    }
  };
  let read = manifestEntry.compressedSize;
  for (const entry of directory) {
    if (entry === manifestEntry) continue;
    const lines = entry.path.endsWith('.jsonl');
    const state: EntryState = {
      path: entry.path,
      digest: runningSha256(),
      bytes: 0,
      lines: 0,
      done: false,
      tail: '',
      decoder: lines && consumer.records ? new TextDecoder('utf-8', { fatal: true }) : null,
      batch: [],
      kept: !lines && consumer.file ? [] : null,
    };
    seen.set(entry.path, state);
    await inflateEntry(
      source,
      entry,
      sliceBytes,
      (data, final) => {
        state.bytes += data.length;
        state.digest.update(data);
        for (const byte of data) if (byte === 10) state.lines += 1;
        if (state.decoder) collectLines(state, data, final, batchSize, ready);
        if (state.kept) state.kept.push(data);
        if (final) {
          state.done = true;
          if (state.kept) ready.push({ path: state.path, file: concatBytes(state.kept) });
          state.kept = null;
        }
      },
      async (bytes) => {
        read += bytes;
        await deliver();
        options.onProgress?.(read);
      },
    );
  }
  await deliver();
  options.onProgress?.(source.size);
  checkEntries(manifest, seen);
  return manifest;
}

/** The central directory: every entry's name, compression and where its bytes are, in archive order. */
async function readDirectory(source: ArchiveSource): Promise<DirectoryEntry[]> {
  const startsAsZip = source.size >= 4 && u32(await source.read(0, 4), 0) === LOCAL_HEADER;
  const notZip = () => (startsAsZip ? cutOff('its end is missing') : new BackupError('not-a-backup', 'This file is not a Magpie backup (no zip entries).'));
  if (source.size < END_RECORD_BYTES) throw notZip();
  const tailLength = Math.min(source.size, END_RECORD_BYTES + MAX_COMMENT_BYTES);
  const tail = await source.read(source.size - tailLength, tailLength);
  let end = -1;
  for (let index = tail.length - END_RECORD_BYTES; index >= 0; index -= 1) {
    if (u32(tail, index) === END_RECORD && index + END_RECORD_BYTES + u16(tail, index + 20) === tail.length) {
      end = index;
      break;
    }
  }
  if (end < 0) throw notZip();
  const count = u16(tail, end + 10);
  const directoryBytes = u32(tail, end + 12);
  const directoryOffset = u32(tail, end + 16);
  const endOffset = source.size - tail.length + end;
  if (count === 0xffff || directoryBytes === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new BackupError('not-a-backup', 'This zip uses ZIP64, which Magpie does not write; it is not a Magpie backup.');
  }
  if (directoryOffset + directoryBytes !== endOffset || directoryBytes > MAX_DIRECTORY_BYTES) {
    throw new BackupError('damaged', "The archive's table of contents does not end where its end record says; the archive is damaged. Use another copy of the backup.");
  }
  const bytes = await source.read(directoryOffset, directoryBytes);
  if (bytes.length < directoryBytes) throw cutOff('its table of contents is cut short');
  const entries: DirectoryEntry[] = [];
  const paths = new Set<string>();
  const decoder = new TextDecoder();
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + DIRECTORY_HEADER_BYTES > bytes.length || u32(bytes, offset) !== DIRECTORY_HEADER) throw new BackupError('damaged', "The archive's table of contents is damaged. Use another copy of the backup.");
    const nameBytes = u16(bytes, offset + 28);
    const extraBytes = u16(bytes, offset + 30);
    const commentBytes = u16(bytes, offset + 32);
    const path = decoder.decode(bytes.subarray(offset + DIRECTORY_HEADER_BYTES, offset + DIRECTORY_HEADER_BYTES + nameBytes));
    const entry = { path, method: u16(bytes, offset + 10), compressedSize: u32(bytes, offset + 20), headerOffset: u32(bytes, offset + 42) };
    if (paths.has(path)) throw new BackupError('damaged', `The archive holds ${path} twice; it was not written by Magpie.`);
    if (entry.headerOffset + LOCAL_HEADER_BYTES + entry.compressedSize > directoryOffset) throw new BackupError('damaged', `${path} is listed past the end of the archive's data; the archive is damaged. Use another copy of the backup.`);
    if (entry.method !== STORED && entry.method !== DEFLATED) throw new BackupError('damaged', `${path} uses a compression Magpie does not write (method ${entry.method}); this is not a Magpie backup.`);
    paths.add(path);
    entries.push(entry);
    offset += DIRECTORY_HEADER_BYTES + nameBytes + extraBytes + commentBytes;
  }
  if (entries.length === 0) throw new BackupError('not-a-backup', 'This file is not a Magpie backup (no zip entries).');
  if (entries.length % 0x10000 !== count) throw new BackupError('damaged', "The archive's table of contents does not list as many entries as its end record says; the archive is damaged.");
  return entries.sort((a, b) => a.headerOffset - b.headerOffset);
}

/**
 * One entry's uncompressed bytes, a slice at a time, to `sink` (`final` on the last);
 * `afterSlice` runs once each slice was taken in, with the compressed bytes it held.
 */
async function inflateEntry(
  source: ArchiveSource,
  entry: DirectoryEntry,
  sliceBytes: number,
  sink: (data: Uint8Array, final: boolean) => void,
  afterSlice: (bytes: number) => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const header = await source.read(entry.headerOffset, LOCAL_HEADER_BYTES);
  if (header.length < LOCAL_HEADER_BYTES || u32(header, 0) !== LOCAL_HEADER) {
    throw new BackupError('damaged', `${entry.path} is not where the archive's table of contents says; the archive is damaged. Use another copy of the backup.`);
  }
  const start = entry.headerOffset + LOCAL_HEADER_BYTES + u16(header, 26) + u16(header, 28);
  // Set from fflate's callback; a holder, so the check below is not narrowed away.
  const ended = { final: false };
  const take = (data: Uint8Array, final: boolean): void => {
    sink(data, final);
    if (final) ended.final = true;
  };
  const inflater = entry.method === DEFLATED ? new Inflate(take) : null;
  if (entry.compressedSize === 0) {
    if (inflater) throw new BackupError('damaged', `${entry.path} cannot be decompressed (it holds no data); the archive is damaged.`);
    take(new Uint8Array(0), true);
  }
  for (let done = 0; done < entry.compressedSize; ) {
    const length = Math.min(sliceBytes, entry.compressedSize - done);
    const slice = await source.read(start + done, length);
    if (slice.length < length) throw cutOff(`${entry.path} is cut short`);
    done += length;
    const last = done === entry.compressedSize;
    if (!inflater) take(slice, last);
    else {
      try {
        inflater.push(slice, last);
      } catch (error) {
        if (error instanceof BackupError) throw error;
        throw new BackupError('damaged', `${entry.path} cannot be decompressed (${error instanceof Error ? error.message : String(error)}); the archive is damaged.`);
      }
    }
    await afterSlice(length);
  }
  if (!ended.final) throw new BackupError('damaged', `${entry.path} cannot be decompressed (its data ends early); the archive is damaged.`);
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
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

/** Every entry in the archive is one the manifest lists (checked before anything is read). */
function checkListed(manifest: Manifest, directory: readonly DirectoryEntry[]): void {
  const listed = new Set(manifest.entries.map((entry) => entry.path));
  for (const { path } of directory) {
    if (path !== MANIFEST_PATH && !listed.has(path)) throw new BackupError('damaged', `The archive holds ${path}, which its manifest does not list; it was changed after Magpie wrote it.`);
  }
}

function checkEntries(manifest: Manifest, seen: ReadonlyMap<string, EntryState>): void {
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

/** `magpie backup verify`: the app's own archive reader, proving a backup without the app. */
import { open } from 'node:fs/promises';
import { BackupError, type Manifest } from '../../core/backup/format.ts';
import { readBackup } from '../../core/backup/read.ts';
import type { CliIo } from './io.ts';

export async function runBackupVerify(path: string, io: CliIo): Promise<number> {
  try {
    const { manifest, size } = await readBackupFile(path);
    const tables = manifest.entries.filter((entry) => entry.records !== null);
    const files = manifest.entries.filter((entry) => entry.path.startsWith('files/'));
    const width = Math.max(...tables.map((entry) => entry.path.length));
    io.stdout(
      `${path}: OK: a Magpie backup made ${manifest.createdAt} by Magpie ${manifest.appVersion} (schema ${manifest.schemaVersion}), ${size} bytes\n` +
        tables.map((entry) => `  ${entry.path.padEnd(width)}  ${entry.records} records\n`).join('') +
        `  ${files.length} original file${files.length === 1 ? '' : 's'}, ${files.reduce((sum, entry) => sum + entry.bytes, 0)} bytes\n` +
        `  every entry matches its SHA-256 and count in the manifest\n`,
    );
    return 0;
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof BackupError ? error.message : code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    io.stderr(`magpie: ${path}: REFUSED: ${message}\n`);
    return 1;
  }
}

/** Proves the backup at `path` with the app's reader, reading the file where the reader asks. */
export async function readBackupFile(path: string): Promise<{ manifest: Manifest; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const read = async (offset: number, length: number): Promise<Uint8Array> => {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    };
    return { manifest: await readBackup({ size, read }), size };
  } finally {
    await handle.close();
  }
}

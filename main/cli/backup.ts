/** `magpie backup verify`: the app's own archive reader, proving a backup without the app. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { BackupError } from '../../core/backup/format.ts';
import { readBackup } from '../../core/backup/read.ts';
import type { CliIo } from './io.ts';

export async function runBackupVerify(path: string, io: CliIo): Promise<number> {
  try {
    const size = (await stat(path)).size;
    const manifest = await readBackup(createReadStream(path, { highWaterMark: 1024 * 1024 }));
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

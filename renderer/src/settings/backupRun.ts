/**
 * Runs a backup or a restore from the window: the KB worker builds (or reads) the archive;
 * for a backup this pulls its chunks and hands them to main, which writes the file. One
 * run at a time per window; progress is reported in objects (backup) or bytes (restore).
 */
import { invoke } from '../ipc/client.ts';
import type { RestoreMode, RestoreProgress, RestoreResult } from '../kb/backup/restore.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { reportStoreIdentity } from '../kb/reportStoreIdentity.ts';

/** Bytes per IPC call: 3 MiB become 4 MiB of base64, the channel's limit. */
const PIECE = 3 * 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

export interface BackupOutcome {
  path: string;
  bytes: number;
  at: string;
}

export function defaultBackupName(at = new Date()): string {
  return `magpie-backup-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}.zip`;
}

/** Null when the analyst cancelled the save dialog. */
export async function runBackup(options: { scheduled: boolean; suggestedName?: string; onProgress?: (done: number, total: number) => void; signal?: AbortSignal }): Promise<BackupOutcome | null> {
  const { writeId } = await invoke('backup:begin', { suggestedName: options.suggestedName ?? defaultBackupName(), scheduled: options.scheduled });
  if (writeId === null) return null;
  const kb = knowledgeBase();
  let session: string | null = null;
  try {
    const connectors = await invoke('backup:connectors');
    const { version } = await invoke('app:info');
    const opened = await kb.backupOpen({ appVersion: version, connectors });
    session = opened.session;
    for (;;) {
      options.signal?.throwIfAborted();
      const { chunk, objects, objectsTotal } = await kb.backupRead({ session });
      options.onProgress?.(objects, objectsTotal);
      if (!chunk) break;
      for (let offset = 0; offset < chunk.length; offset += PIECE) await invoke('backup:write', { writeId, data: toBase64(chunk.subarray(offset, offset + PIECE)) });
    }
    session = null;
    // Cancel during the last write still means no file.
    options.signal?.throwIfAborted();
    return await invoke('backup:commit', { writeId });
  } catch (error) {
    // Nothing half-written stays: main deletes the partial file, the worker lets go of the store.
    await invoke('backup:abort', { writeId }).catch(() => undefined);
    if (session !== null) await kb.backupClose({ session }).catch(() => undefined);
    throw error;
  }
}

export interface RestoreOutcome extends RestoreResult {
  connectorsRestored: string[];
}

export async function runRestore(file: File, mode: RestoreMode, onProgress?: (progress: RestoreProgress) => void): Promise<RestoreOutcome> {
  const result = await knowledgeBase().restoreBackup({ file, name: file.name, mode }, onProgress ? { onProgress } : {});
  let connectorsRestored: string[] = [];
  if (mode === 'replace') {
    // The store is another one now: connector settings follow it, their cursors start over.
    connectorsRestored = (await invoke('backup:restore-connectors', { connectors: result.connectors })).restored;
    await reportStoreIdentity();
  }
  notifyKnowledgeChanged();
  return { ...result, connectorsRestored };
}

export function cancelRestore(): Promise<unknown> {
  return knowledgeBase().cancelRestore({});
}

/**
 * Writes backup archives that the KB worker streams through the window: each backup goes
 * to `<name>.partial`, is flushed to disk and only then renamed to its name, so a backup
 * that fails (a full disk, any write error) or is cancelled leaves no file that looks like
 * a backup; its partial file is deleted.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { HandlerError } from '../ipc/dispatcher.ts';

interface OpenWrite {
  path: string;
  partial: string;
  handle: FileHandle;
  bytes: number;
  scheduled: boolean;
}

export interface WrittenBackup {
  path: string;
  bytes: number;
  scheduled: boolean;
}

export function writeFailure(path: string, error: unknown): HandlerError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  if (code === 'ENOSPC' || code === 'EDQUOT') return new HandlerError(`The disk is full, so the backup could not be written to ${path}. Nothing was left behind; free some space or choose another folder, then back up again.`);
  return new HandlerError(`The backup could not be written to ${path} (${code}). Nothing was left behind; choose another folder or check its permissions, then back up again.`);
}

export function createArchiveWriter() {
  const writes = new Map<string, OpenWrite>();

  async function discard(id: string): Promise<boolean> {
    const write = writes.get(id);
    if (!write) return false;
    writes.delete(id);
    await write.handle.close().catch(() => undefined);
    await rm(write.partial, { force: true });
    return true;
  }

  function get(id: string): OpenWrite {
    const write = writes.get(id);
    if (!write) throw new HandlerError('This backup was already finished or cancelled. Start the backup again.');
    return write;
  }

  return {
    begin: async (path: string, scheduled: boolean): Promise<string> => {
      const partial = `${path}.partial`;
      let handle: FileHandle;
      try {
        handle = await open(partial, 'w', 0o600);
      } catch (error) {
        throw writeFailure(path, error);
      }
      const id = randomBytes(16).toString('hex');
      writes.set(id, { path, partial, handle, bytes: 0, scheduled });
      return id;
    },
    write: async (id: string, data: Uint8Array): Promise<number> => {
      const write = get(id);
      try {
        // A filling disk first takes part of a write (a short write, no error); only the
        // next call fails with ENOSPC. Without this loop the rest was dropped silently and
        // a truncated archive was committed as a backup (e2e: a backup onto a full disk).
        for (let offset = 0; offset < data.length; ) {
          const { bytesWritten } = await write.handle.write(data, offset, data.length - offset);
          if (bytesWritten === 0) throw Object.assign(new Error('No bytes were written'), { code: 'ENOSPC' });
          offset += bytesWritten;
        }
      } catch (error) {
        await discard(id);
        throw writeFailure(write.path, error);
      }
      write.bytes += data.length;
      return write.bytes;
    },
    commit: async (id: string): Promise<WrittenBackup> => {
      const write = get(id);
      try {
        await write.handle.sync();
        await write.handle.close();
        writes.delete(id);
        await rename(write.partial, write.path);
      } catch (error) {
        writes.set(id, write);
        await discard(id);
        throw writeFailure(write.path, error);
      }
      return { path: write.path, bytes: write.bytes, scheduled: write.scheduled };
    },
    abort: discard,
    /** Magpie is closing: nothing half-written stays. */
    close: async (): Promise<void> => {
      await Promise.all([...writes.keys()].map((id) => discard(id)));
    },
  };
}

export type ArchiveWriter = ReturnType<typeof createArchiveWriter>;

/**
 * Backup sessions: the UI pulls the archive from the worker a chunk at a time and hands
 * each to main, which writes it to disk; nothing is read from the store faster than the
 * disk takes it. A session holds the KB's writer lock (no import or edit runs meanwhile,
 * so the archive is one consistent store) and gives it back when it is closed, finished,
 * or left without a pull for a minute (the window went away).
 */
import { writeBackup } from '../../../../core/backup/write.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { KbError } from '../errors.ts';
import { backupParts, type BackupProgress } from './backupParts.ts';

const IDLE_MS = 60_000;

export interface BackupChunk {
  /** Zip bytes to append; null once the archive is complete. */
  chunk: Uint8Array | null;
  objects: number;
  objectsTotal: number;
}

interface Session {
  archive: AsyncGenerator<Uint8Array, unknown>;
  progress: BackupProgress;
  release: () => void;
  idle: ReturnType<typeof setTimeout>;
}

export function createBackupSessions(db: KbDatabase, schemaVersion: number, holdWriter: (work: () => Promise<void>) => Promise<unknown>) {
  const sessions = new Map<string, Session>();

  function close(id: string): void {
    const session = sessions.get(id);
    if (!session) return;
    sessions.delete(id);
    clearTimeout(session.idle);
    session.release();
    void session.archive.return(undefined);
  }

  return {
    open: async (request: { appVersion: string; connectors: unknown }): Promise<{ session: string; objectsTotal: number }> => {
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      // Resolves once earlier writes finished and the lock is this session's.
      await new Promise<void>((acquired) => {
        void holdWriter(() => {
          acquired();
          return held;
        });
      });
      const id = crypto.randomUUID();
      const progress: BackupProgress = { objects: 0, objectsTotal: await db.objects.count() };
      const archive = writeBackup(backupParts(db, request.connectors, progress), { appVersion: request.appVersion, schemaVersion, createdAt: new Date().toISOString() });
      sessions.set(id, { archive, progress, release, idle: setTimeout(() => close(id), IDLE_MS) });
      return { session: id, objectsTotal: progress.objectsTotal };
    },
    read: async (request: { session: string }): Promise<BackupChunk> => {
      const session = sessions.get(request.session);
      if (!session) throw new KbError('not-found', 'This backup was stopped (the window waited too long or it was cancelled). Start the backup again.');
      clearTimeout(session.idle);
      try {
        const next = await session.archive.next();
        if (next.done === true) {
          close(request.session);
          return { chunk: null, ...session.progress };
        }
        session.idle = setTimeout(() => close(request.session), IDLE_MS);
        return { chunk: next.value, ...session.progress };
      } catch (error) {
        close(request.session);
        throw error;
      }
    },
    close: (request: { session: string }): Promise<{ closed: boolean }> => {
      const open = sessions.has(request.session);
      close(request.session);
      return Promise.resolve({ closed: open });
    },
  };
}

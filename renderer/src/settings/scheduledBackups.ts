/**
 * Runs the scheduled backups main asks for (main keeps the schedule; the archive can only
 * be built by this window's KB worker). A backup already running makes the request wait
 * for main's next reminder rather than start a second one.
 */
import { subscribe } from '../ipc/client.ts';
import { runBackup } from './backupRun.ts';

export function startScheduledBackups(onError: (message: string) => void): () => void {
  let running = false;
  return subscribe('backup:due', ({ suggestedName }) => {
    if (running) return;
    running = true;
    runBackup({ scheduled: true, suggestedName })
      .catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)))
      .finally(() => (running = false));
  });
}

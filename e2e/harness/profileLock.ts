/**
 * One harness per profile folder, as the Electron app's single-instance lock gives one app
 * per user profile: two processes writing the same connector state, inbox and Chromium
 * profile would corrupt each other. The lock is a file naming the holder's pid; a lock
 * whose process is gone (a crash, a kill -9) is taken over.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export class ProfileLockedError extends Error {
  constructor(profileDir: string, pid: number) {
    super(
      `Another Magpie harness (process ${pid}) is using the profile ${profileDir}. Close that one first (Ctrl+C in its terminal, or close its window), or start this one with --profile on another folder.`,
    );
    this.name = 'ProfileLockedError';
  }
}

export interface ProfileLock {
  release: () => Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holder(path: string): Promise<number | null> {
  try {
    const pid = Number((JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown }).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export async function acquireProfileLock(profileDir: string): Promise<ProfileLock> {
  const path = join(profileDir, 'harness.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      // `wx`: created only if absent, atomically, so two starts at the same moment cannot both win.
      const file = await open(path, 'wx');
      await file.writeFile(JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      await file.close();
      const releaseNow = (): void => {
        try {
          if (readFileSync(path, 'utf8').includes(`"pid":${process.pid},`)) unlinkSync(path);
        } catch {
          // Already gone.
        }
      };
      process.once('exit', releaseNow);
      return {
        release: async () => {
          process.off('exit', releaseNow);
          if ((await holder(path)) === process.pid) await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = await holder(path);
      if (pid !== null && isRunning(pid)) throw new ProfileLockedError(profileDir, pid);
      // Left by a process that no longer runs: take it over.
      await unlink(path).catch(() => undefined);
    }
  }
  throw new Error(`The profile lock ${path} could not be taken; remove it if no harness is running.`);
}

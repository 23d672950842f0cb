/**
 * Scheduled backups: main keeps the schedule and the record of the last backup in
 * `<profile>/backups.json`, and when one is due asks the window to run it (the archive is
 * built by the window's KB worker). Scheduled backups go to the folder the analyst picked
 * (the profile's `backups` folder by default) and only the newest `keep` are kept.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BackupSchedule, LastBackup, type BackupStatus } from '../../core/ipc/backupChannels.ts';
import { readJsonFile, writeJsonAtomic } from '../services/atomicFile.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Timers are re-armed at most this far ahead (setTimeout's limit is ~24.8 days). */
const RECHECK_MS = 60 * 60 * 1000;
const SCHEDULED_NAME = /^magpie-backup-\d{8}T\d{6}Z\.zip$/;

const Stored = z.object({ schedule: BackupSchedule, last: LastBackup.nullable(), lastScheduledAt: z.string().nullable() });
type Stored = z.infer<typeof Stored>;

const initial: Stored = { schedule: { frequency: 'off', keep: 7, folder: null }, last: null, lastScheduledAt: null };

export function scheduledName(at: Date): string {
  return `magpie-backup-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}.zip`;
}

export interface BackupScheduler {
  status(): Promise<BackupStatus>;
  setSchedule(schedule: BackupSchedule): Promise<BackupStatus>;
  folder(): Promise<string>;
  /** Records a finished backup; a scheduled one prunes the folder to the newest `keep`. */
  recorded(backup: z.infer<typeof LastBackup>): Promise<BackupStatus>;
  stop(): void;
}

export function createBackupScheduler(options: { userData: string; onDue: (suggestedName: string) => void; onChange: (status: BackupStatus) => void; now?: () => Date; log: { warn: (message: string) => void } }): BackupScheduler {
  const file = join(options.userData, 'backups.json');
  const now = options.now ?? (() => new Date());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function read(): Promise<Stored> {
    const parsed = Stored.safeParse(await readJsonFile(file).catch(() => undefined));
    return parsed.success ? parsed.data : initial;
  }

  const folderOf = (stored: Stored): string => stored.schedule.folder ?? join(options.userData, 'backups');

  function nextAt(stored: Stored): Date | null {
    if (stored.schedule.frequency === 'off') return null;
    const period = stored.schedule.frequency === 'daily' ? DAY_MS : 7 * DAY_MS;
    const from = stored.lastScheduledAt ? Date.parse(stored.lastScheduledAt) : now().getTime();
    return new Date(Math.max(from + period, now().getTime() + (stored.lastScheduledAt ? 0 : period)));
  }

  async function status(): Promise<BackupStatus> {
    const stored = await read();
    return { schedule: stored.schedule, folder: folderOf(stored), last: stored.last, nextAt: nextAt(stored)?.toISOString() ?? null };
  }

  async function arm(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    const stored = await read();
    const at = nextAt(stored);
    if (!at) return;
    const wait = at.getTime() - now().getTime();
    timer = setTimeout(
      () => {
        if (wait <= RECHECK_MS) options.onDue(scheduledName(now()));
        // Re-armed after an hour either way: a due backup the window did not run is asked for again.
        timer = setTimeout(() => void arm(), RECHECK_MS);
      },
      Math.max(0, Math.min(wait, RECHECK_MS)),
    );
  }

  async function prune(folder: string, keep: number): Promise<void> {
    const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => SCHEDULED_NAME.test(name)).sort();
    for (const name of names.slice(0, Math.max(0, names.length - keep))) {
      await rm(join(folder, name), { force: true }).catch(() => options.log.warn(`The old backup ${name} could not be deleted.`));
    }
  }

  void arm();
  return {
    status,
    folder: async () => {
      const folder = folderOf(await read());
      await mkdir(folder, { recursive: true });
      return folder;
    },
    setSchedule: async (schedule) => {
      const stored = await read();
      await writeJsonAtomic(file, { ...stored, schedule });
      await arm();
      const next = await status();
      options.onChange(next);
      return next;
    },
    recorded: async (backup) => {
      const stored = await read();
      await writeJsonAtomic(file, { ...stored, last: backup, lastScheduledAt: backup.scheduled ? backup.at : stored.lastScheduledAt });
      if (backup.scheduled) await prune(folderOf(stored), stored.schedule.keep);
      await arm();
      const next = await status();
      options.onChange(next);
      return next;
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

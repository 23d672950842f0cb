/**
 * The backup part of the IPC contract (issue 14), spread into channels.ts's maps. The KB
 * worker builds the archive; main only writes the bytes it is handed (to `<name>.partial`,
 * renamed when complete), keeps the schedule, and exports and restores connector settings.
 * Restoring reads the archive in the renderer's worker: no backup bytes travel to main.
 */
import { z } from 'zod';

const WriteId = z.string().regex(/^[0-9a-f]{32}$/, 'A backup write id.');
/** One chunk of archive bytes, base64 (the channel carries strings); 4 MiB of bytes at most. */
export const MAX_BACKUP_CHUNK_CHARS = Math.ceil((4 * 1024 * 1024) / 3) * 4 + 4;

export const BackupSchedule = z
  .object({
    frequency: z.enum(['off', 'daily', 'weekly']),
    /** Scheduled backups kept in the folder; older ones are deleted. */
    keep: z.number().int().min(1).max(100),
    /** Where scheduled backups go; null: the profile's backups folder. */
    folder: z.string().min(1).max(4096).nullable(),
  })
  .strict();
export type BackupSchedule = z.infer<typeof BackupSchedule>;

export const LastBackup = z.object({ at: z.string(), bytes: z.number().int().nonnegative(), path: z.string(), scheduled: z.boolean() }).strict();

export const BackupStatus = z
  .object({
    schedule: BackupSchedule,
    /** The folder scheduled backups go to, resolved. */
    folder: z.string(),
    last: LastBackup.nullable(),
    nextAt: z.string().nullable(),
  })
  .strict();
export type BackupStatus = z.infer<typeof BackupStatus>;

/** A connector's settings as a backup keeps them: never a secret, never a cursor. */
export const ConnectorBackupEntry = z
  .object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/), enabled: z.boolean(), schedule: z.string().min(1).max(40), config: z.record(z.string(), z.unknown()) })
  .strict();
export const ConnectorsBackup = z.object({ connectors: z.array(ConnectorBackupEntry).max(1000) }).strict();
export type ConnectorsBackup = z.infer<typeof ConnectorsBackup>;

export const backupRequestChannels = {
  /** Opens `<name>.partial` where the analyst chooses (or, scheduled, in the backup folder); null when cancelled. */
  'backup:begin': {
    request: z.object({ suggestedName: z.string().regex(/^[\w.-]{1,120}\.zip$/), scheduled: z.boolean() }).strict(),
    response: z.object({ writeId: WriteId.nullable(), path: z.string().nullable() }).strict(),
  },
  'backup:write': {
    request: z.object({ writeId: WriteId, data: z.string().max(MAX_BACKUP_CHUNK_CHARS) }).strict(),
    response: z.object({ bytes: z.number().int().nonnegative() }).strict(),
  },
  /** Flushes to disk and renames the partial file to its name; a scheduled backup prunes old ones. */
  'backup:commit': { request: z.object({ writeId: WriteId }).strict(), response: LastBackup },
  /** Deletes the partial file (cancelled or failed): no file named like a backup is left. */
  'backup:abort': { request: z.object({ writeId: WriteId }).strict(), response: z.object({ aborted: z.boolean() }).strict() },
  'backup:connectors': { request: z.undefined(), response: ConnectorsBackup },
  /** After a restore that replaced the store: the archive's connector settings, applied without cursors. */
  'backup:restore-connectors': {
    request: z.object({ connectors: z.unknown() }).strict(),
    response: z.object({ restored: z.array(z.string()), skipped: z.array(z.object({ id: z.string(), reason: z.string() }).strict()) }).strict(),
  },
  'backup:status': { request: z.undefined(), response: BackupStatus },
  'backup:set-schedule': { request: BackupSchedule, response: BackupStatus },
} as const;

export const backupEventChannels = {
  /** A scheduled backup is due: the window runs it (the archive is built in its KB worker). */
  'backup:due': z.object({ suggestedName: z.string() }).strict(),
  'backup:changed': BackupStatus,
} as const;

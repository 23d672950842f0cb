/** The backup channels (issue 14) over main/backup: archive files, schedule, connector settings. */
import { join } from 'node:path';
import type { ArchiveWriter } from '../backup/archiveWriter.ts';
import { exportConnectorSettings, restoreConnectorSettings } from '../backup/connectorSettings.ts';
import type { BackupScheduler } from '../backup/schedule.ts';
import type { ConnectorRuntime } from '../connectors/runtime/runtime.ts';
import type { Handlers } from './dispatcher.ts';

type BackupChannel = Extract<keyof Handlers, `backup:${string}`>;

export interface BackupServices {
  writer: ArchiveWriter;
  scheduler: BackupScheduler;
  connectors: ConnectorRuntime;
  /** The save dialog in the app, the profile's exports folder in the harness; null if cancelled. */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
}

export function createBackupHandlers({ writer, scheduler, connectors, chooseSavePath }: BackupServices): Pick<Handlers, BackupChannel> {
  return {
    'backup:begin': async ({ suggestedName, scheduled }) => {
      // A scheduled backup has nobody to ask: it goes to the schedule's folder.
      const path = scheduled ? join(await scheduler.folder(), suggestedName) : await chooseSavePath(suggestedName);
      if (path === null) return { writeId: null, path: null };
      return { writeId: await writer.begin(path, scheduled), path };
    },
    'backup:write': async ({ writeId, data }) => ({ bytes: await writer.write(writeId, Buffer.from(data, 'base64')) }),
    'backup:commit': async ({ writeId }) => {
      const written = await writer.commit(writeId);
      const last = { ...written, at: new Date().toISOString() };
      await scheduler.recorded(last);
      return last;
    },
    'backup:abort': async ({ writeId }) => ({ aborted: await writer.abort(writeId) }),
    'backup:connectors': () => exportConnectorSettings(connectors),
    'backup:restore-connectors': ({ connectors: value }) => restoreConnectorSettings(connectors, value),
    'backup:status': () => scheduler.status(),
    'backup:set-schedule': (schedule) => scheduler.setSchedule(schedule),
  };
}

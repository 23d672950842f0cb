/** The request handlers, built from injected services so they run unchanged under Node. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo } from '../../core/ipc/channels.ts';
import type { ConnectorRuntime } from '../connectors/runtime/runtime.ts';
import type { EnrichmentService } from '../enrichment/service.ts';
import type { SettingsStore } from '../services/settingsStore.ts';
import type { StreamService } from '../streams/service.ts';
import { folderBytes } from '../services/folderBytes.ts';
import { HandlerError, type Handlers } from './dispatcher.ts';
import { createBackupHandlers, type BackupServices } from './backupHandlers.ts';
import { createEnrichmentHandlers } from './enrichmentHandlers.ts';
import type { Emit } from './events.ts';
import { refusalsShown } from './refusals.ts';
import { createStreamHandlers } from './streamHandlers.ts';
import { createTaxiiPublishHandlers } from './taxiiPublishHandlers.ts';
import type { TaxiiPublishService } from '../taxiiPublish/service.ts';
import type { KbBroker } from '../localApi/kbBroker.ts';
import type { TaxiiServeService } from '../taxiiServer/service.ts';
import { createTaxiiServeHandlers } from './taxiiServeHandlers.ts';

export interface HandlerServices {
  appInfo: AppInfo;
  /** The profile folder (Electron's userData, the harness's --profile). */
  dataFolder: string;
  settings: SettingsStore;
  /** Opens a web link in the OS browser (Electron's `shell.openExternal`). */
  openExternal: (url: string) => Promise<void>;
  /** Where to save a file: the save dialog in the app, a fixed folder in the harness; null if cancelled. */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
  emit: Emit;
  connectors: ConnectorRuntime;
  enrichment: EnrichmentService;
  streams: StreamService;
  taxiiPublish: TaxiiPublishService;
  backup: Omit<BackupServices, 'connectors' | 'chooseSavePath'>;
  /** Requests to the window's knowledge base (the local API's). */
  kb: Pick<KbBroker, 'answer'>;
  taxiiServe: TaxiiServeService;
}

type ConnectorChannel = 'connector:list' | 'connector:configure' | 'connector:set-enabled' | 'connector:run-now' | 'connector:log' | 'connector:reset-state' | 'inbox:next' | 'inbox:ack' | 'kb:identity';


export function createConnectorHandlers(connectors: ConnectorRuntime): Pick<Handlers, ConnectorChannel> {
  return {
    'connector:list': () => connectors.list(),
    'connector:configure': ({ id, config, schedule }) => refusalsShown(() => connectors.configure(id, config, schedule)),
    'connector:set-enabled': ({ id, enabled }) => refusalsShown(() => connectors.setEnabled(id, enabled)),
    'connector:run-now': ({ id }) => refusalsShown(() => connectors.runNow(id)),
    'connector:log': ({ id, runId }) => refusalsShown(() => connectors.logs(id, runId)),
    'inbox:next': () => connectors.inboxNext(),
    'inbox:ack': ({ runId, seq, counts }) => connectors.inboxAck(runId, seq, counts),
    'connector:reset-state': ({ id, reason }) => refusalsShown(() => connectors.resetState(id, reason)),
    'kb:identity': ({ identity, holding }) => connectors.followStore(identity, holding),
  };
}

export function createHandlers({ appInfo, dataFolder, settings, openExternal, chooseSavePath, emit, connectors, enrichment, streams, taxiiPublish, backup, kb, taxiiServe }: HandlerServices): Handlers {
  return {
    ...createTaxiiServeHandlers(taxiiServe),
    'kb:answer': (answer) => ({ accepted: kb.answer(answer) }),
    ...createBackupHandlers({ ...backup, connectors, chooseSavePath }),
    ...createConnectorHandlers(connectors),
    ...createEnrichmentHandlers(enrichment),
    ...createStreamHandlers(streams),
    ...createTaxiiPublishHandlers(taxiiPublish, emit),
    'app:info': () => appInfo,
    'app:storage': async () => ({ folder: dataFolder, bytes: await folderBytes(dataFolder) }),
    'settings:get': () => settings.get(),
    'settings:update': async (patch) => {
      const next = await settings.update(patch);
      emit('settings:changed', next);
      return next;
    },
    'file:save': async ({ suggestedName, content, encoding }) => {
      const path = await chooseSavePath(suggestedName);
      if (path === null) return { saved: false, path: null };
      try {
        await writeFile(path, encoding === 'base64' ? Buffer.from(content, 'base64') : content, encoding === 'base64' ? undefined : 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
        throw new HandlerError(`The file could not be written to ${path} (${code}). Choose another folder or free some disk space.`);
      }
      return { saved: true, path };
    },
    'file:save-folder': async ({ suggestedName, files }) => {
      const path = await chooseSavePath(suggestedName);
      if (path === null) return { saved: false, path: null };
      try {
        await mkdir(path, { recursive: true });
        // The names are plain file names (FolderFileName), so every file lands inside the folder.
        for (const file of files) await writeFile(join(path, file.name), file.content, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
        throw new HandlerError(`The folder could not be written at ${path} (${code}). Choose another place or free some disk space.`);
      }
      return { saved: true, path };
    },
    'shell:open-external': async ({ url }) => {
      await openExternal(url);
      return { opened: true };
    },
  };
}

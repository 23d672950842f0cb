/**
 * Builds main's services and the IPC dispatcher over them. The Electron app and the
 * Chromium test harness both call this, so the harness exercises exactly what main runs.
 */
import { join } from 'node:path';
import type { AppInfo, EventChannel } from '../../core/ipc/channels.ts';
import { connectors as registeredConnectors, enrichmentConnectors } from '../connectors/registry.ts';
import { createConnectorRuntime, type ConnectorRuntime } from '../connectors/runtime/runtime.ts';
import { createMemorySecretStore, type SecretStore } from '../services/secretStore.ts';
import { isEnrichmentConnector, type ConnectorDefinition } from '../connectors/types.ts';
import { createEnrichmentService, type EnrichmentService } from '../enrichment/service.ts';
import { createDispatcher, trustedOrigin, type Dispatch, type Logger } from '../ipc/dispatcher.ts';
import { createEmitter, type Emit } from '../ipc/events.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { createArchiveWriter } from '../backup/archiveWriter.ts';
import { createBackupScheduler } from '../backup/schedule.ts';
import { createSettingsStore, type SettingsStore } from '../services/settingsStore.ts';
import { createStreamService, type StreamService } from '../streams/service.ts';
import { createTargetFactory } from '../streams/targetFactory.ts';
import { createTaxiiPublishService } from '../taxiiPublish/service.ts';
import { createKbBroker, type KbBroker } from '../localApi/kbBroker.ts';
import { kbCollectionSource } from '../taxiiServer/kbSource.ts';
import { createTaxiiServeService, type TaxiiServeService } from '../taxiiServer/service.ts';

export interface MainServicesOptions {
  appInfo: AppInfo;
  /** The profile folder: settings, and later the inbox and connector state. */
  userData: string;
  /** The origin the renderer is served from; requests from anywhere else are refused. */
  appOrigin: string;
  openExternal: (url: string) => Promise<void>;
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
  /** Delivers an already validated event to every window. */
  send: (event: EventChannel, payload: unknown) => void;
  /** How many windows receive what `send` sends (a request to the knowledge base needs one); 1 when absent. */
  windowCount?: () => number;
  log: Logger;
  /** Connector secrets: the OS keychain in the app; in memory (forgotten on exit) when absent. */
  secrets?: SecretStore;
  /** The connectors to host; the registry's by default. */
  connectors?: readonly ConnectorDefinition[];
}

export interface MainServices {
  dispatch: Dispatch;
  emit: Emit;
  settings: SettingsStore;
  connectors: ConnectorRuntime;
  enrichment: EnrichmentService;
  streams: StreamService;
  /** Asks the window's knowledge base (the local API's requests). */
  kb: KbBroker;
  /** The TAXII 2.1 server for the team (off by default). */
  taxiiServe: TaxiiServeService;
  /** Stops schedules, lookups and stream deliveries (Magpie is closing). */
  stop: () => Promise<void>;
}

export function createMainServices(options: MainServicesOptions): MainServices {
  const emit = createEmitter(options.send);
  const settings = createSettingsStore(join(options.userData, 'settings.json'), options.log);
  if (!options.secrets) options.log.warn('No OS keychain here: connector secrets are kept in memory only and forgotten on exit.');
  const secrets = options.secrets ?? createMemorySecretStore();
  const connectors = createConnectorRuntime({
    userData: options.userData,
    connectors: options.connectors ?? registeredConnectors,
    secrets,
    onChange: (summary) => emit('connector:changed', summary),
    onInboxReady: (pending) => emit('inbox:ready', { pending }),
    log: options.log,
  });
  // Scheduled runs and the inbox left by the last session do not wait for the renderer.
  connectors.start().catch((error: unknown) => options.log.error('The connector runtime could not start', error));
  const enrichment = createEnrichmentService({
    userData: options.userData,
    connectors: options.connectors ? options.connectors.filter(isEnrichmentConnector) : enrichmentConnectors,
    secrets,
    log: options.log,
  });
  const streams = createStreamService({
    userData: options.userData,
    secrets,
    targets: createTargetFactory(options.appInfo.version),
    onWake: () => emit('stream:wake', {}),
    onChange: (summary) => emit('stream:changed', summary),
  });
  const backup = {
    writer: createArchiveWriter(),
    scheduler: createBackupScheduler({
      userData: options.userData,
      onDue: (suggestedName) => emit('backup:due', { suggestedName }),
      onChange: (status) => emit('backup:changed', status),
      log: options.log,
    }),
  };
  // main's log keeps warnings and errors only; a publish's detail is in its outcome.
  const publishLog = { debug: () => undefined, info: () => undefined, warn: (message: string) => options.log.warn(`TAXII publish: ${message}`), error: (message: string) => options.log.error(`TAXII publish: ${message}`) };
  const taxiiPublish = createTaxiiPublishService({ userData: options.userData, secrets, log: publishLog });
  const windowCount = options.windowCount ?? (() => 1);
  const kb = createKbBroker({
    send: (event) => {
      if (windowCount() === 0) return false;
      emit('kb:request', event);
      return true;
    },
  });
  const taxiiServe = createTaxiiServeService({ userData: options.userData, source: kbCollectionSource(kb), warn: (message) => options.log.warn(message) });
  // Off unless the analyst turned it on; its collections answer once a window holds the knowledge base.
  taxiiServe.start().catch((error: unknown) => options.log.error('The TAXII server could not start', error));
  const handlers = createHandlers({ appInfo: options.appInfo, dataFolder: options.userData, settings, openExternal: options.openExternal, chooseSavePath: options.chooseSavePath, emit, connectors, enrichment, streams, taxiiPublish, backup, kb, taxiiServe });
  const dispatch = createDispatcher({ handlers, isTrustedSender: trustedOrigin(options.appOrigin), log: options.log });
  const stop = async () => {
    enrichment.stop();
    backup.scheduler.stop();
    kb.close();
    await Promise.all([connectors.stop(), streams.close(), backup.writer.close(), taxiiServe.stop()]);
  };
  return { dispatch, emit, settings, connectors, enrichment, streams, kb, taxiiServe, stop };
}

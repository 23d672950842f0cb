/**
 * Builds main's services and the IPC dispatcher over them. The Electron app and the
 * Chromium test harness both call this, so the harness exercises exactly what main runs.
 */
import { join } from 'node:path';
import type { AppInfo, EventChannel } from '../../core/ipc/channels.ts';
import { createDispatcher, trustedOrigin, type Dispatch, type Logger } from '../ipc/dispatcher.ts';
import { createEmitter, type Emit } from '../ipc/events.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { createSettingsStore, type SettingsStore } from '../services/settingsStore.ts';

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
  log: Logger;
}

export interface MainServices {
  dispatch: Dispatch;
  emit: Emit;
  settings: SettingsStore;
}

export function createMainServices(options: MainServicesOptions): MainServices {
  const emit = createEmitter(options.send);
  const settings = createSettingsStore(join(options.userData, 'settings.json'), options.log);
  const handlers = createHandlers({ appInfo: options.appInfo, settings, openExternal: options.openExternal, chooseSavePath: options.chooseSavePath, emit });
  const dispatch = createDispatcher({ handlers, isTrustedSender: trustedOrigin(options.appOrigin), log: options.log });
  return { dispatch, emit, settings };
}

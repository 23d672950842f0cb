/** The request handlers, built from injected services so they run unchanged under Node. */
import type { AppInfo } from '../../core/ipc/channels.ts';
import type { SettingsStore } from '../services/settingsStore.ts';
import type { Handlers } from './dispatcher.ts';
import type { Emit } from './events.ts';

export interface HandlerServices {
  appInfo: AppInfo;
  settings: SettingsStore;
  /** Opens a web link in the OS browser (Electron's `shell.openExternal`). */
  openExternal: (url: string) => Promise<void>;
  emit: Emit;
}

export function createHandlers({ appInfo, settings, openExternal, emit }: HandlerServices): Handlers {
  return {
    'app:info': () => appInfo,
    'settings:get': () => settings.get(),
    'settings:update': async (patch) => {
      const next = await settings.update(patch);
      emit('settings:changed', next);
      return next;
    },
    'shell:open-external': async ({ url }) => {
      await openExternal(url);
      return { opened: true };
    },
  };
}

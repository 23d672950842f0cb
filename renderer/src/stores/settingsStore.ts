/** The analyst's settings as main keeps them; every change goes through main and comes back. */
import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../../core/ipc/channels.ts';
import { invoke, subscribe } from '../ipc/client.ts';

interface SettingsState {
  settings: Settings;
  saving: boolean;
  load: () => Promise<Settings>;
  update: (patch: SettingsPatch) => Promise<Settings>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: { language: 'system', theme: 'system' },
  saving: false,
  async load() {
    const settings = await invoke('settings:get');
    set({ settings });
    return settings;
  },
  async update(patch) {
    set({ saving: true });
    try {
      const settings = await invoke('settings:update', patch);
      set({ settings });
      return settings;
    } finally {
      set({ saving: false });
    }
  },
}));

/** Keeps this window in step with changes made in another window. */
export function followSettingsChanges(): () => void {
  return subscribe('settings:changed', (settings) => useSettingsStore.setState({ settings }));
}

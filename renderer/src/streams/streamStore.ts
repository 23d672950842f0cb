/** The stream consumers as main reports them, kept current by `stream:changed` events. */
import { create } from 'zustand';
import type { ConsumerSummaryView } from '../../../core/ipc/streamChannels.ts';
import { invoke, subscribe } from '../ipc/client.ts';

interface StreamState {
  consumers: ConsumerSummaryView[] | null;
  error: string | null;
  pumpError: string | null;
  load: () => Promise<void>;
  replace: (summary: ConsumerSummaryView) => void;
  remove: (id: string) => void;
}

export const useStreamStore = create<StreamState>()((set, get) => ({
  consumers: null,
  error: null,
  pumpError: null,
  async load() {
    try {
      set({ consumers: await invoke('stream:list'), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  replace(summary) {
    const current = get().consumers ?? [];
    const known = current.some((consumer) => consumer.id === summary.id);
    set({ consumers: known ? current.map((consumer) => (consumer.id === summary.id ? summary : consumer)) : [...current, summary] });
  },
  remove(id) {
    set({ consumers: (get().consumers ?? []).filter((consumer) => consumer.id !== id) });
  },
}));

export function followStreamChanges(): () => void {
  return subscribe('stream:changed', (summary) => {
    // Changes before the page first loaded are read with the list itself.
    if (useStreamStore.getState().consumers !== null) useStreamStore.getState().replace(summary);
  });
}

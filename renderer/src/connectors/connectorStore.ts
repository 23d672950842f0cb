/** The connectors as main reports them, kept current by `connector:changed` events. */
import { create } from 'zustand';
import type { ConnectorSummary } from '../../../core/ipc/channels.ts';
import { invoke, subscribe } from '../ipc/client.ts';

interface ConnectorState {
  connectors: ConnectorSummary[] | null;
  error: string | null;
  drainError: string | null;
  /** Automatic enrichment's last trouble: lookups that failed and were passed over (count), or an error (0). */
  autoEnrichProblem: { count: number; message: string } | null;
  load: () => Promise<void>;
  replace: (summary: ConnectorSummary) => void;
}

export const useConnectorStore = create<ConnectorState>()((set, get) => ({
  connectors: null,
  error: null,
  drainError: null,
  autoEnrichProblem: null,
  async load() {
    try {
      set({ connectors: await invoke('connector:list'), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  replace(summary) {
    const current = get().connectors;
    if (!current) return;
    set({ connectors: current.map((connector) => (connector.id === summary.id ? summary : connector)) });
  },
}));

export function followConnectorChanges(): () => void {
  return subscribe('connector:changed', (summary) => useConnectorStore.getState().replace(summary));
}

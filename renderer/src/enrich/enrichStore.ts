/**
 * The Enrich action's state, shared by every place that offers it (detail view, table
 * selection, graph node): one enrichment at a time, shown in one panel.
 */
import { create } from 'zustand';
import { invoke } from '../ipc/client.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { enrichObservable, type EnrichDeps, type ObservableEnrichment } from './runEnrichment.ts';

/** More than this at once would spend a day's VirusTotal quota on one click. */
export const MAX_ENRICH_AT_ONCE = 25;

interface EnrichState {
  open: boolean;
  running: boolean;
  items: ObservableEnrichment[];
  total: number;
  /** Observables left out because of MAX_ENRICH_AT_ONCE. */
  leftOut: number;
  error: string | null;
  start: (ids: readonly string[], onFinished?: (items: ObservableEnrichment[]) => void) => Promise<void>;
  close: () => void;
}

function appDeps(): EnrichDeps {
  const kb = knowledgeBase();
  return {
    getObject: (id) => kb.getObject({ id }),
    occurrences: (id) => kb.occurrences({ id }),
    ingest: (objects, source) => kb.ingestStix({ objects, source }),
    connectors: () => invoke('enrichment:list'),
    run: (connectorId, observable, markingDefinitions) => invoke('enrichment:run', { connectorId, observable, markingDefinitions }),
  };
}

export const useEnrichStore = create<EnrichState>()((set, get) => ({
  open: false,
  running: false,
  items: [],
  total: 0,
  leftOut: 0,
  error: null,
  async start(ids, onFinished) {
    if (get().running) return;
    const chosen = ids.slice(0, MAX_ENRICH_AT_ONCE);
    set({ open: true, running: true, items: [], total: chosen.length, leftOut: ids.length - chosen.length, error: null });
    const deps = appDeps();
    const done: ObservableEnrichment[] = [];
    try {
      for (const id of chosen) {
        const index = done.length;
        const result = await enrichObservable(id, deps, (state) => {
          const items = [...get().items];
          items[index] = state;
          set({ items });
        });
        done.push(result);
        notifyKnowledgeChanged();
      }
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      set({ running: false });
    }
    onFinished?.(done);
  },
  close() {
    if (!get().running) set({ open: false, items: [], total: 0, leftOut: 0, error: null });
  },
}));

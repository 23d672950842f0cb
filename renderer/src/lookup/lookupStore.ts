/**
 * The Look up screen's state (issue 21, point 1): the pasted text, the values found in it
 * with what the knowledge base knows of each, the filter and the selection. Kept outside
 * the page so a lookup goes on, and its answer stays, while the analyst looks elsewhere.
 */
import { create } from 'zustand';
import { lookupRow, type LookupGroup, type LookupRow } from '../../../core/lookup/pastedValues.ts';
import { findPastedValues } from '../documents/client.ts';
import { lookUpValues } from './lookUpValues.ts';

export type LookupStatus = 'idle' | 'finding' | 'asking' | 'done' | 'failed';
export type LookupFilter = LookupGroup | 'all';

export const rowKey = (row: Pick<LookupRow, 'type' | 'value'>): string => `${row.type}|${row.value}`;

interface LookupState {
  text: string;
  /** The dropped file's name, when the text came from one. */
  fileName: string | null;
  status: LookupStatus;
  done: number;
  total: number;
  rows: LookupRow[];
  error: string | null;
  filter: LookupFilter;
  selected: ReadonlySet<string>;
  setText: (text: string, fileName?: string | null) => void;
  lookUp: () => Promise<void>;
  setFilter: (filter: LookupFilter) => void;
  toggle: (key: string) => void;
  setMany: (keys: readonly string[], selected: boolean) => void;
  clear: () => void;
}

let run = 0;

export const useLookupStore = create<LookupState>()((set, get) => ({
  text: '',
  fileName: null,
  status: 'idle',
  done: 0,
  total: 0,
  rows: [],
  error: null,
  filter: 'all',
  selected: new Set(),
  setText: (text, fileName = null) => set({ text, fileName }),
  async lookUp() {
    const current = ++run;
    set({ status: 'finding', done: 0, total: 0, rows: [], error: null, filter: 'all', selected: new Set() });
    try {
      // Found in the document worker, so a list of 10,000 values does not freeze the window.
      // No lists go with it: each value's warninglist hits come with the knowledge base's
      // answer, from the lists in force there (lookUpValues), and win over the worker's.
      const values = await findPastedValues({ text: get().text, warninglists: [] });
      if (current !== run) return;
      set({ status: 'asking', total: values.length });
      const answers = await lookUpValues(values, (done) => current === run && set({ done }));
      if (current !== run) return;
      const rows = values.flatMap((value, index): LookupRow[] => {
        const answer = answers[index];
        return answer ? [lookupRow(value, answer)] : [];
      });
      set({ status: 'done', rows, done: rows.length, selected: new Set(rows.map(rowKey)) });
    } catch (error) {
      if (current === run) set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  },
  setFilter: (filter) => set({ filter }),
  toggle: (key) =>
    set((state) => {
      const selected = new Set(state.selected);
      if (selected.has(key)) selected.delete(key);
      else selected.add(key);
      return { selected };
    }),
  setMany: (keys, selected) =>
    set((state) => {
      const next = new Set(state.selected);
      for (const key of keys) {
        if (selected) next.add(key);
        else next.delete(key);
      }
      return { selected: next };
    }),
  clear: () => {
    run += 1;
    set({ text: '', fileName: null, status: 'idle', done: 0, total: 0, rows: [], error: null, filter: 'all', selected: new Set() });
  },
}));

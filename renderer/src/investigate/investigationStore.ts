/**
 * The open investigation: its graph (with undo/redo), filters, layout choice, selection
 * and the one long task that may be running (opening, expanding, laying out, saving).
 * The Cytoscape view renders what is here and reports the analyst's gestures back.
 */
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { createHistory, record, redo, undo, type History } from '../../../core/investigation/history.ts';
import { newInvestigation } from '../../../core/investigation/schema.ts';
import { noFilters, type GraphFilters, type Investigation, type LayoutName } from '../../../core/investigation/types.ts';
import type { Point } from '../../../core/investigation/placement.ts';
import { followKnowledge, knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import type { GraphSlice, NeighbourRequest } from '../kb/queries/graph.ts';
import { containerTypes } from '../knowledge/stixTypes.ts';
import { FULL_FORCE_MAX_NODES } from './graph/layouts.ts';
import { runLayout } from './graph/runLayout.ts';
import { addSlice, emptyModel, freshen, fromSaved, movePositions, toInvestigationNodes, withoutAbsent, type GraphModel } from './graphModel.ts';

/** Expansions adding more nodes than this ask first. */
export const EXPANSION_CONFIRM_THRESHOLD = 500;
/** The most one expansion adds, asked or not: past it the graph stops being readable. */
export const EXPANSION_HARD_LIMIT = 20_000;

export type TaskKind = 'open' | 'expand' | 'layout' | 'save' | 'add';

export interface InvestigationMeta {
  id: string;
  name: string;
  description: string;
  created: string;
}

interface InvestigationState {
  meta: InvestigationMeta | null;
  /** Whether the knowledge base holds it (it was saved or opened). */
  stored: boolean;
  dirty: boolean;
  history: History<GraphModel>;
  filters: GraphFilters;
  layout: LayoutName;
  selected: readonly string[];
  task: { kind: TaskKind; count?: number; cancel?: () => void } | null;
  error: string | null;
  /** Bumped when the view should fit the whole graph (after opening or a layout). */
  fitRequest: number;
  /**
   * Nodes and relationship edges on the graph that the knowledge base no longer holds
   * (deleted or in the trash since they were drawn). They are not drawn, but they stay in
   * the model: a restore from the trash brings them back where they were.
   */
  absent: ReadonlySet<string>;

  start: (slice: GraphSlice, name: string) => Promise<void>;
  open: (id: string) => Promise<void>;
  close: () => void;
  edit: (change: (model: GraphModel) => GraphModel) => void;
  undo: () => void;
  redo: () => void;
  expand: (ids: readonly string[], filter: Pick<NeighbourRequest, 'types' | 'relationshipTypes' | 'followReferences'>) => Promise<{ added: number; truncated: boolean }>;
  addObjects: (ids: readonly string[]) => Promise<number>;
  /** Reads the drawn objects again: fresher names, and what was deleted or restored meanwhile. */
  refresh: () => Promise<void>;
  /**
   * `keep`: nodes that stay where they are (what was on the graph before an expansion);
   * `merge`: the positions belong to the last edit, so one undo takes back both.
   */
  runLayout: (layout?: LayoutName, options?: { keep?: ReadonlySet<string>; merge?: boolean }) => Promise<void>;
  save: () => Promise<void>;
  rename: (name: string) => void;
  setFilters: (filters: GraphFilters) => void;
  setSelected: (ids: readonly string[]) => void;
  clearError: () => void;
}

function model(state: InvestigationState): GraphModel {
  return state.history.present;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const initial = {
  meta: null,
  stored: false,
  dirty: false,
  history: createHistory(emptyModel),
  filters: noFilters,
  layout: 'force' as LayoutName,
  selected: [] as readonly string[],
  task: null,
  error: null,
  absent: new Set<string>() as ReadonlySet<string>,
};

export const useInvestigationStore = create<InvestigationState>()((set, get) => {
  /** Runs one task at a time, with its kind shown and errors kept for the analyst. */
  async function task<T>(kind: TaskKind, work: () => Promise<T>, count?: number): Promise<T | undefined> {
    if (get().task) return undefined;
    set({ task: { kind, ...(count === undefined ? {} : { count }) }, error: null });
    try {
      return await work();
    } catch (error) {
      set({ error: message(error) });
      return undefined;
    } finally {
      set({ task: null });
    }
  }

  function commit(next: GraphModel): void {
    const state = get();
    if (next === model(state)) return;
    set({ history: record(state.history, next), dirty: true });
  }

  async function layoutPositions(graph: GraphModel, layout: LayoutName, keep: ReadonlySet<string>): Promise<Map<string, Point> | null> {
    const nodes = [...graph.nodes.values()].filter((node) => !node.hidden);
    const running = runLayout({
      layout,
      nodes: nodes.map((node) => ({ id: node.summary.id, x: node.x, y: node.y, pinned: node.pinned || keep.has(node.summary.id) })),
      edges: [...graph.edges.values()].map((edge) => ({ source: edge.source, target: edge.target })),
      roots: nodes.filter((node) => containerTypes.includes(node.summary.type)).map((node) => node.summary.id),
    });
    set((state) => (state.task ? { task: { ...state.task, cancel: running.cancel } } : {}));
    return running.done;
  }

  return {
    ...initial,
    fitRequest: 0,

    async start(slice, name) {
      const now = new Date().toISOString();
      const created = newInvestigation(name, [], now, crypto.randomUUID());
      set({ ...initial, meta: { id: created.id, name: created.name, description: '', created: now }, history: createHistory(addSlice(emptyModel, slice)), dirty: true });
      await get().runLayout('force');
    },

    async open(id) {
      set({ ...initial });
      await task('open', async () => {
        const saved: Investigation = await knowledgeBase().getInvestigation({ id });
        const slice = await knowledgeBase().subgraph({ ids: saved.nodes.map((node) => node.id) });
        set((state) => ({
          meta: { id: saved.id, name: saved.name, description: saved.description, created: saved.created },
          stored: true,
          dirty: false,
          history: createHistory(fromSaved(saved.nodes, slice)),
          filters: saved.filters,
          layout: saved.layout,
          fitRequest: state.fitRequest + 1,
        }));
      });
    },

    close() {
      get().task?.cancel?.();
      set({ ...initial });
    },

    edit(change) {
      commit(change(model(get())));
    },

    undo() {
      set((state) => ({ history: undo(state.history), dirty: true }));
    },

    redo() {
      set((state) => ({ history: redo(state.history), dirty: true }));
    },

    async expand(ids, filter) {
      const before = new Set(model(get()).nodes.keys());
      const result = await task('expand', async () => {
        const slice = await knowledgeBase().neighbours({ ids: [...ids], depth: 1, ...filter, limit: model(get()).nodes.size + EXPANSION_HARD_LIMIT });
        const grown = addSlice(model(get()), slice, ids);
        // The new nodes' relationships with everything already drawn, not only with what was expanded: the graph reopens that way too.
        const among = await knowledgeBase().subgraph({ ids: [...grown.nodes.keys()] });
        const next = addSlice(grown, { nodes: [], edges: among.edges, truncated: false });
        commit(next);
        return { added: next.nodes.size - before.size, truncated: slice.truncated };
      });
      // A small graph gets the new nodes laid out around what was already placed, which stays put.
      const graph = model(get());
      if (result && result.added > 0 && graph.nodes.size <= FULL_FORCE_MAX_NODES) {
        const placed = new Set([...graph.nodes.keys()].filter((id) => before.has(id)));
        await get().runLayout('force', { keep: placed, merge: true });
      }
      return result ?? { added: 0, truncated: false };
    },

    async addObjects(ids) {
      const added = await task('add', async () => {
        const current = model(get());
        const fresh = ids.filter((id) => !current.nodes.has(id));
        const slice = await knowledgeBase().subgraph({ ids: [...current.nodes.keys(), ...fresh] });
        const next = addSlice(current, slice);
        commit(next);
        return next.nodes.size - current.nodes.size;
      });
      return added ?? 0;
    },

    async refresh() {
      const before = model(get());
      if (before.nodes.size === 0) return;
      let slice: GraphSlice;
      try {
        slice = await knowledgeBase().subgraph({ ids: [...before.nodes.keys()] });
      } catch (error) {
        set({ error: message(error) });
        return;
      }
      // An edit made while the read ran wins; the next change reads again.
      if (model(get()) !== before) return;
      const held = new Set([...slice.nodes.map((node) => node.id), ...slice.edges.map((edge) => edge.id)]);
      const absent = new Set([...before.nodes.keys()].filter((id) => !held.has(id)));
      for (const edge of before.edges.values()) if (edge.kind === 'relationship' && !held.has(edge.id)) absent.add(edge.id);
      // Fresher names and relationships made elsewhere; not an edit of the analyst's, so not in the history.
      const next = freshen(before, slice);
      set((state) => ({ absent, history: next === before ? state.history : { ...state.history, present: next } }));
    },

    async runLayout(layout, { keep = new Set<string>(), merge = false } = {}) {
      const chosen = layout ?? get().layout;
      set({ layout: chosen });
      const graph = model(get());
      if (graph.nodes.size === 0) return;
      await task(
        'layout',
        async () => {
          const positions = await layoutPositions(graph, chosen, keep);
          if (!positions) return;
          const moved = movePositions(model(get()), positions);
          if (merge) set((state) => ({ history: { ...state.history, present: moved }, dirty: true }));
          else commit(moved);
          set((state) => ({ fitRequest: state.fitRequest + 1 }));
        },
        graph.nodes.size,
      );
    },

    async save() {
      const { meta } = get();
      if (!meta) return;
      await task('save', async () => {
        const state = get();
        const investigation: Investigation = {
          ...meta,
          modified: new Date().toISOString(),
          nodes: toInvestigationNodes(model(state)),
          filters: state.filters,
          layout: state.layout,
        };
        await knowledgeBase().saveInvestigation({ investigation });
        set({ stored: true, dirty: false });
        notifyKnowledgeChanged();
      });
    },

    rename(name) {
      const { meta } = get();
      if (!meta || name === meta.name) return;
      set({ meta: { ...meta, name }, dirty: true });
    },

    setFilters(filters) {
      set({ filters, dirty: true });
    },

    setSelected(ids) {
      set({ selected: ids });
    },

    clearError() {
      set({ error: null });
    },
  };
});

/**
 * Keeps the open investigation in step with the knowledge base while it is on screen: read
 * again when the Workbench shows it and after every change (one read at a time; changes
 * during a read ask for one more).
 */
export function useFollowKnowledge(): void {
  const id = useInvestigationStore((state) => state.meta?.id);
  const refresh = useInvestigationStore((state) => state.refresh);
  useEffect(() => (id ? followKnowledge(refresh) : undefined), [id, refresh]);
}

/** The graph as it is drawn now (without what the knowledge base no longer holds), for components that only read it. */
export function useGraphModel(): GraphModel {
  const present = useInvestigationStore((state) => state.history.present);
  const absent = useInvestigationStore((state) => state.absent);
  return useMemo(() => withoutAbsent(present, absent), [present, absent]);
}

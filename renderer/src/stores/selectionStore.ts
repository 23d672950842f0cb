/**
 * What the analyst has picked: the object whose detail is open, and the rows ticked in a
 * table (for export now, for the graph later). Shared by every list.
 */
import { create } from 'zustand';

interface SelectionState {
  detailId: string | null;
  openDetail: (id: string) => void;
  closeDetail: () => void;
  selected: readonly string[];
  toggleSelected: (id: string) => void;
  clearSelected: () => void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  detailId: null,
  openDetail: (id) => set({ detailId: id }),
  closeDetail: () => set({ detailId: null }),
  selected: [],
  toggleSelected: (id) => set((state) => ({ selected: state.selected.includes(id) ? state.selected.filter((entry) => entry !== id) : [...state.selected, id] })),
  clearSelected: () => set({ selected: [] }),
}));

/** Which object's detail is open, shared by every list and (later) the graph. */
import { create } from 'zustand';

interface SelectionState {
  detailId: string | null;
  openDetail: (id: string) => void;
  closeDetail: () => void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  detailId: null,
  openDetail: (id) => set({ detailId: id }),
  closeDetail: () => set({ detailId: null }),
}));

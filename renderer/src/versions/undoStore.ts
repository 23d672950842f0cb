/**
 * The last hand change that can be undone, for a view that outlives the dialog that made
 * it (a delete closes the detail view; the Knowledge page and the graph offer its undo).
 */
import { create } from 'zustand';

export interface UndoOffer {
  message: string;
  undoId: string;
}

export const useUndoStore = create<{ offer: UndoOffer | null; offerUndo: (offer: UndoOffer) => void; clear: () => void }>((set) => ({
  offer: null,
  offerUndo: (offer) => set({ offer }),
  clear: () => set({ offer: null }),
}));

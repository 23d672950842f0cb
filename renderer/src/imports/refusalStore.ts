/** Files the last drop could not take, with why; the Import page shows them until dismissed. */
import { create } from 'zustand';
import type { Refusal } from './takeFiles.ts';

interface RefusalState {
  refused: readonly Refusal[];
  show: (refused: readonly Refusal[]) => void;
  dismiss: () => void;
}

export const useRefusalStore = create<RefusalState>()((set) => ({
  refused: [],
  show: (refused) => set({ refused }),
  dismiss: () => set({ refused: [] }),
}));

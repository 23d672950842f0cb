/** What the Export page exports when opened from elsewhere (a report's "Export", a selection). */
import { create } from 'zustand';

export interface ExportScope {
  ids: string[];
  /** Shown to the analyst: a report's name, "3 selected objects"… */
  label: string;
  /** A container brings what it refers to. */
  includeContents: boolean;
  /** An investigation: exported as a STIX grouping of what its graph holds. */
  investigationId?: string;
}

interface ExportState {
  scope: ExportScope | null;
  setScope: (scope: ExportScope | null) => void;
}

export const useExportStore = create<ExportState>()((set) => ({
  scope: null,
  setScope: (scope) => set({ scope }),
}));

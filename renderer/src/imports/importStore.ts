/**
 * The import in progress: the chosen file, its preview, progress and result. It lives
 * outside the page so an import keeps going (and reporting) when the analyst looks elsewhere.
 */
import { create } from 'zustand';
import type { IngestProgress } from '../kb/ingest.ts';
import type { ImportFileResult } from '../kb/importFile.ts';
import type { BundlePreview } from '../kb/preview.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';

type Phase = 'idle' | 'previewing' | 'preview' | 'importing' | 'done' | 'failed';

interface ImportState {
  phase: Phase;
  file: File | null;
  preview: BundlePreview | null;
  progress: IngestProgress | null;
  result: ImportFileResult | null;
  error: string | null;
  choose: (file: File) => void;
  start: () => void;
  reset: () => void;
}

const initial = { phase: 'idle' as Phase, file: null, preview: null, progress: null, result: null, error: null };

export const useImportStore = create<ImportState>()((set, get) => ({
  ...initial,
  choose(file) {
    set({ ...initial, phase: 'previewing', file });
    knowledgeBase()
      .previewBundleFile({ file, name: file.name })
      .then(
        (preview) => get().file === file && set({ phase: 'preview', preview }),
        (error: unknown) => get().file === file && set({ phase: 'failed', error: error instanceof Error ? error.message : String(error) }),
      );
  },
  start() {
    const { file } = get();
    if (!file) return;
    set({ phase: 'importing', progress: { processed: 0, committed: 0, rejected: 0 } });
    knowledgeBase()
      .importBundleFile({ file, name: file.name }, { onProgress: (progress) => set({ progress }) })
      .then(
        (result) => {
          set({ phase: 'done', result });
          notifyKnowledgeChanged();
        },
        (error: unknown) => {
          set({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
          notifyKnowledgeChanged();
        },
      );
  },
  reset() {
    set(initial);
  },
}));

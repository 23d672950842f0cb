/**
 * Runs one bulk action: busy flag, error, and progress shown only once it has taken more
 * than a second (STYLE: progress for anything over a second, no flash for quick ones).
 * A finished action offers its undo where the analyst is (undoStore.ts).
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyKnowledgeChanged } from '../kb/client.ts';
import type { BulkProgress, BulkResult } from '../kb/versions/bulk.ts';
import { useUndoStore } from './undoStore.ts';

const PROGRESS_AFTER_MS = 1000;

export function useBulkRun() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const latest = useRef<BulkProgress | null>(null);
  const run = async (work: (onProgress: (report: BulkProgress) => void) => Promise<BulkResult>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    latest.current = { done: 0, total: 0 };
    let shown = false;
    const timer = setTimeout(() => {
      shown = true;
      setProgress(latest.current);
    }, PROGRESS_AFTER_MS);
    try {
      const result = await work((report) => {
        latest.current = report;
        if (shown) setProgress(report);
      });
      useUndoStore.getState().offerUndo({ message: t('versions.bulk.result', { changed: result.changed, skipped: result.skipped }), undoId: result.undoId });
      notifyKnowledgeChanged();
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    } finally {
      clearTimeout(timer);
      setBusy(false);
      setProgress(null);
    }
  };
  return { run, busy, error, progress };
}

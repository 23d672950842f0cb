/** One knowledge-base write from a dialog: its busy flag and the error to show, whatever the write. */
import { useState } from 'react';

export function useAction(): { run: (work: () => Promise<void>) => Promise<void>; busy: boolean; error: string | null } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error };
}

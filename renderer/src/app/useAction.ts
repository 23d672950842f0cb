/** One action from a dialog or a card (a write, a switch): its busy flag and the error to show, whatever it was. */
import { useState } from 'react';

export function useAction(): { run: (work: () => Promise<unknown>) => Promise<void>; busy: boolean; error: string | null } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
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

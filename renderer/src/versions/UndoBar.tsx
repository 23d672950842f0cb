/** Shows the undo offered by the last hand change (undoStore.ts), where the analyst is. */
import { UndoNotice } from './UndoNotice.tsx';
import { useUndoStore } from './undoStore.ts';

export function UndoBar() {
  const offer = useUndoStore((state) => state.offer);
  const clear = useUndoStore((state) => state.clear);
  if (!offer) return null;
  return <UndoNotice key={offer.undoId} message={offer.message} undoId={offer.undoId} onClose={clear} />;
}

import { invoke } from '../ipc/client.ts';

/** Web links go to the OS browser via main; anything else is refused there. */
export function openExternal(url: string): void {
  void invoke('shell:open-external', { url }).catch(() => undefined);
}

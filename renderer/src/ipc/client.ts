/**
 * The renderer's typed way to call main: `await invoke('settings:get')`. Errors come back
 * as IpcError with a code the UI can branch on.
 */
import type { MagpieBridge } from '../../../core/ipc/bridge.ts';
import type {
  EventChannel,
  EventOf,
  RequestArgs,
  RequestChannel,
  ResponseOf,
} from '../../../core/ipc/channels.ts';
import { IpcError } from '../../../core/ipc/result.ts';

declare global {
  interface Window {
    /** Installed by preload (Electron) or by the test harness; absent in a plain browser. */
    readonly magpie?: MagpieBridge;
  }
}

function bridge(): MagpieBridge {
  const api = window.magpie;
  if (!api) {
    throw new IpcError({ code: 'internal', message: 'The Magpie bridge is not available in this window.' });
  }
  return api;
}

export function hasBridge(): boolean {
  return window.magpie !== undefined;
}

export async function invoke<K extends RequestChannel>(channel: K, ...args: RequestArgs<K>): Promise<ResponseOf<K>> {
  const result = await bridge().invoke(channel, ...args);
  if (!result.ok) throw new IpcError(result.error);
  return result.value;
}

export function subscribe<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
  return bridge().on(event, listener);
}

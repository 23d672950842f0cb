/**
 * The object the renderer sees as `window.magpie`. preload builds it over Electron's IPC;
 * the test harness builds the same object over a Playwright binding, so both transports
 * share one allow-list and one shape.
 */
import {
  isEventChannel,
  isRequestChannel,
  type EventChannel,
  type EventOf,
  type RequestArgs,
  type RequestChannel,
  type ResponseOf,
} from './channels.ts';
import { fail, type IpcResult } from './result.ts';

export interface BridgeTransport {
  invoke: (channel: RequestChannel, payload: unknown) => Promise<unknown>;
  subscribe: (event: EventChannel, listener: (payload: unknown) => void) => () => void;
}

export interface MagpieBridge {
  invoke: <K extends RequestChannel>(channel: K, ...args: RequestArgs<K>) => Promise<IpcResult<ResponseOf<K>>>;
  on: <E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void) => () => void;
}

export function createBridge(transport: BridgeTransport): MagpieBridge {
  const bridge = {
    invoke<K extends RequestChannel>(channel: K, ...args: RequestArgs<K>): Promise<IpcResult<ResponseOf<K>>> {
      // Checked here too, so a compromised page cannot reach channels main never meant to expose.
      if (!isRequestChannel(channel)) {
        return Promise.resolve(fail('unknown-channel', `Unknown request channel: ${String(channel)}`));
      }
      // main checks the shape against the contract; the bridge only forwards.
      return transport.invoke(channel, args[0]) as Promise<IpcResult<ResponseOf<K>>>;
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      if (!isEventChannel(event) || typeof listener !== 'function') {
        throw new TypeError(`Unknown event channel: ${JSON.stringify(event)}`);
      }
      return transport.subscribe(event, (payload) => listener(payload as EventOf<E>));
    },
  } satisfies MagpieBridge;
  return Object.freeze(bridge);
}

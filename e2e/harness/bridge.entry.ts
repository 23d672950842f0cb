/**
 * Runs in the page before the app (Playwright init script) and installs `window.magpie`,
 * forwarding every call to the Node-side dispatcher through the `__magpieTransport`
 * binding. Events from main arrive through `__magpieDeliver`.
 */
import { createBridge } from '../../core/ipc/bridge.ts';
import type { EventChannel } from '../../core/ipc/channels.ts';

declare global {
  interface Window {
    __magpieTransport(channel: string, payload: unknown): Promise<unknown>;
    __magpieDeliver(event: EventChannel, payload: unknown): void;
  }
}

const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

window.__magpieDeliver = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

Object.defineProperty(window, 'magpie', {
  value: createBridge({
    invoke: (channel, payload) => window.__magpieTransport(channel, payload),
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  }),
  writable: false,
  configurable: false,
});

/** main → renderer events, validated against the contract before they are sent. */
import { eventChannels, type EventChannel, type EventOf } from '../../core/ipc/channels.ts';

export type Emit = <E extends EventChannel>(event: E, payload: EventOf<E>) => void;

/** Wraps a raw sender (webContents.send, the harness) so only contract-shaped events leave main. */
export function createEmitter(send: (event: EventChannel, payload: unknown) => void): Emit {
  return (event, payload) => {
    send(event, eventChannels[event].parse(payload));
  };
}

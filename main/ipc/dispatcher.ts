/**
 * Turns the channel map into one function `dispatch(channel, payload, sender)` that
 * Electron's `ipcMain` and the test harness both call. It checks the channel, the sender
 * and the payload before any handler runs, and never lets an exception or a stack trace
 * cross the bridge.
 */
import type { z } from 'zod';
import {
  isRequestChannel,
  requestChannels,
  type RequestChannel,
  type ResponseOf,
} from '../../core/ipc/channels.ts';
import { fail, ok, type IpcIssue, type IpcResult } from '../../core/ipc/result.ts';

export interface SenderInfo {
  /** URL of the frame that sent the request. */
  url: string;
  /** Requests from sub-frames are refused: the app never embeds frames of its own. */
  isMainFrame: boolean;
}

/** Handlers receive the request already parsed by the channel's schema. */
export type Handlers = {
  [K in RequestChannel]: (
    request: z.output<(typeof requestChannels)[K]['request']>,
  ) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/** A refusal the user can act on; its message is shown as it is. */
export class HandlerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandlerError';
  }
}

export interface Logger {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
}

export interface DispatcherOptions {
  handlers: Handlers;
  isTrustedSender: (sender: SenderInfo) => boolean;
  log: Logger;
}

export type Dispatch = (channel: unknown, payload: unknown, sender: SenderInfo) => Promise<IpcResult<unknown>>;

export function toIssues(error: z.ZodError): IpcIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '' : `/${issue.path.map(String).join('/')}`,
    message: issue.message,
  }));
}

export function createDispatcher({ handlers, isTrustedSender, log }: DispatcherOptions): Dispatch {
  async function run(channel: RequestChannel, payload: unknown): Promise<IpcResult<unknown>> {
    const spec = requestChannels[channel];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      return fail('invalid-request', `The request for ${channel} is not valid.`, toIssues(parsed.error));
    }
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    try {
      const value = await handler(parsed.data);
      // A handler that answers outside its contract is a bug in main, not the caller's fault.
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        log.error(`Handler for ${channel} returned a response outside the contract`, checked.error.issues);
        return fail('internal', 'Magpie hit an internal error. Details are in the application log.');
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof HandlerError) return fail('failed', error.message);
      log.error(`Handler for ${channel} failed`, error);
      return fail('internal', 'Magpie hit an internal error. Details are in the application log.');
    }
  }

  return async (channel, payload, sender) => {
    if (!isTrustedSender(sender)) {
      log.warn('Refused an IPC request from an untrusted frame', { channel: String(channel), url: sender.url });
      return fail('forbidden-sender', 'Requests are only accepted from the Magpie window.');
    }
    if (!isRequestChannel(channel)) {
      return fail('unknown-channel', `Unknown request channel: ${String(channel).slice(0, 80)}`);
    }
    return run(channel, payload);
  };
}

/**
 * Trusts the main frame of pages served from `appOrigin` (e.g. `app://magpie`). Compares
 * scheme and host rather than `URL.origin`, which is `"null"` for custom schemes.
 */
export function trustedOrigin(appOrigin: string): (sender: SenderInfo) => boolean {
  const expected = new URL(appOrigin);
  return (sender) => {
    if (!sender.isMainFrame) return false;
    try {
      const url = new URL(sender.url);
      return url.protocol === expected.protocol && url.host === expected.host;
    } catch {
      return false;
    }
  };
}

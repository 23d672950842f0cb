/**
 * Main's way to ask the knowledge base something (issue 18, point 3). The knowledge base
 * lives in the window's worker, so main sends a `kb:request` event and waits for the
 * matching `kb:answer`. The answer is checked against the method's result schema here:
 * what leaves main for a script is what the table in core/localApi/protocol.ts says.
 */
import { randomUUID } from 'node:crypto';
import { localApiMethods, type KbAnswer, type KbRequestEvent, type LocalApiMethod, type LocalApiParams, type LocalApiResult } from '../../core/localApi/protocol.ts';

/** The window did not answer, or answered with a refusal; `message` is meant for the script's user. */
export class KbRequestError extends Error {
  override name = 'KbRequestError';
  readonly reason: 'no-window' | 'timeout' | 'refused' | 'invalid-answer';
  constructor(message: string, reason: KbRequestError['reason']) {
    super(message);
    this.reason = reason;
  }
}

export interface KbBroker {
  request<M extends LocalApiMethod>(method: M, params: LocalApiParams<M>): Promise<LocalApiResult<M>>;
  /** The window's answer (the `kb:answer` channel); false when no request waits for it. */
  answer(answer: KbAnswer): boolean;
  /** Fails every waiting request (Magpie is closing). */
  close(): void;
}

export interface KbBrokerOptions {
  /** Sends the event to the window(s); false when no window is open to receive it. */
  send: (event: KbRequestEvent) => boolean;
  /** How long a request may wait; an import of a big bundle takes minutes. */
  timeoutMs?: (method: LocalApiMethod) => number;
}

// A lookup of 10,000 values in a 1M-object store takes seconds; a cold disk can make it more.
const defaultTimeout = (method: LocalApiMethod): number => (method === 'import' || method === 'export' ? 30 * 60_000 : method === 'lookup' ? 5 * 60_000 : 60_000);

interface Waiting {
  method: LocalApiMethod;
  resolve: (value: unknown) => void;
  reject: (error: KbRequestError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export function createKbBroker(options: KbBrokerOptions): KbBroker {
  const waiting = new Map<string, Waiting>();
  const timeoutOf = options.timeoutMs ?? defaultTimeout;
  return {
    request(method, params) {
      const parsed = localApiMethods[method].params.parse(params) as Record<string, unknown>;
      const requestId = randomUUID();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(requestId);
          reject(new KbRequestError(`Magpie's window did not answer within ${Math.round(timeoutOf(method) / 1000)} s. Is the knowledge base still open?`, 'timeout'));
        }, timeoutOf(method));
        waiting.set(requestId, { method, resolve: resolve as (value: unknown) => void, reject, timer });
        if (!options.send({ requestId, method, params: parsed })) {
          clearTimeout(timer);
          waiting.delete(requestId);
          reject(new KbRequestError('No Magpie window is open to answer: the knowledge base is in the window. Start Magpie (or `magpie serve`) again.', 'no-window'));
        }
      });
    },
    answer(answer) {
      const entry = waiting.get(answer.requestId);
      if (!entry) return false;
      waiting.delete(answer.requestId);
      clearTimeout(entry.timer);
      if (!answer.ok) {
        entry.reject(new KbRequestError(answer.error, 'refused'));
        return true;
      }
      const result = localApiMethods[entry.method].result.safeParse(answer.result);
      if (result.success) entry.resolve(result.data);
      else entry.reject(new KbRequestError(`The knowledge base answered ${entry.method} with something unexpected (${result.error.issues[0]?.message ?? 'invalid'}).`, 'invalid-answer'));
      return true;
    },
    close() {
      for (const [id, entry] of waiting) {
        clearTimeout(entry.timer);
        entry.reject(new KbRequestError('Magpie is closing.', 'no-window'));
        waiting.delete(id);
      }
    },
  };
}

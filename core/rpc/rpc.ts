/**
 * Typed request/response calls over a MessagePort (or a Worker, which speaks the same
 * protocol). The knowledge base worker serves its API with it; the UI thread, and later
 * main-process connectors through a port that main hands over, call it.
 *
 * A method may report progress while it runs: the server passes it a `progress`
 * function and the client's call receives each report through `onProgress`.
 */

/** The part of MessagePort / Worker / DedicatedWorkerGlobalScope this needs. */
export interface RpcEndpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** An API is a record of async methods taking one argument. */
export type RpcApi = Record<string, (argument: never, progress: never) => Promise<unknown>>;

type ArgumentOf<F> = F extends (argument: infer A, ...rest: never[]) => Promise<unknown> ? A : never;
type ResultOf<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;
type ProgressOf<F> = F extends (argument: never, progress: (report: infer P) => void) => Promise<unknown> ? P : never;

export interface CallOptions<P> {
  onProgress?: (report: P) => void;
}

export type RpcClient<Api extends RpcApi> = {
  [K in keyof Api]: (argument: ArgumentOf<Api[K]>, options?: CallOptions<ProgressOf<Api[K]>>) => Promise<ResultOf<Api[K]>>;
};

/** An error thrown by a method, carried across with its name and code. */
export class RpcError extends Error {
  readonly code: string;
  constructor(name: string, message: string, code: string) {
    super(message);
    this.name = name;
    this.code = code;
  }
}

type Request = { rpc: 'call'; id: number; method: string; argument: unknown };
type Reply =
  | { rpc: 'result'; id: number; value: unknown }
  | { rpc: 'error'; id: number; name: string; message: string; code: string }
  | { rpc: 'progress'; id: number; report: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function serveRpc(endpoint: RpcEndpoint, api: RpcApi): () => void {
  const listener = (event: { data: unknown }): void => {
    const message = event.data;
    if (!isRecord(message) || message['rpc'] !== 'call' || typeof message['id'] !== 'number' || typeof message['method'] !== 'string') return;
    const { id, method, argument } = message as Request;
    const handler = Object.hasOwn(api, method) ? api[method] : undefined;
    if (!handler) {
      endpoint.postMessage({ rpc: 'error', id, name: 'RpcError', message: `Unknown method ${method}`, code: 'unknown-method' } satisfies Reply);
      return;
    }
    const progress = (report: unknown): void => endpoint.postMessage({ rpc: 'progress', id, report } satisfies Reply);
    (handler as unknown as (argument: unknown, progress: (report: unknown) => void) => Promise<unknown>)(argument, progress).then(
      (value) => endpoint.postMessage({ rpc: 'result', id, value } satisfies Reply),
      (error: unknown) => {
        const name = error instanceof Error ? error.name : 'Error';
        const text = error instanceof Error ? error.message : String(error);
        const code = isRecord(error) && typeof error['code'] === 'string' ? error['code'] : 'failed';
        endpoint.postMessage({ rpc: 'error', id, name, message: text, code } satisfies Reply);
      },
    );
  };
  endpoint.addEventListener('message', listener);
  return () => endpoint.removeEventListener('message', listener);
}

export interface RpcConnection<Api extends RpcApi> {
  api: RpcClient<Api>;
  /** Rejects every call still waiting, e.g. when the worker behind the endpoint died. */
  failPending: (error: Error) => void;
}

export function createRpcClient<Api extends RpcApi>(endpoint: RpcEndpoint, methods: readonly (keyof Api & string)[]): RpcConnection<Api> {
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; onProgress?: (report: never) => void }>();
  endpoint.addEventListener('message', (event) => {
    const message = event.data;
    if (!isRecord(message) || typeof message['id'] !== 'number') return;
    const reply = message as Reply;
    const call = pending.get(reply.id);
    if (!call) return;
    if (reply.rpc === 'progress') {
      call.onProgress?.(reply.report as never);
      return;
    }
    pending.delete(reply.id);
    if (reply.rpc === 'result') call.resolve(reply.value);
    else call.reject(new RpcError(reply.name, reply.message, reply.code));
  });
  const client: Record<string, unknown> = {};
  for (const method of methods) {
    client[method] = (argument: unknown, options?: CallOptions<never>) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, ...(options?.onProgress ? { onProgress: options.onProgress } : {}) });
        endpoint.postMessage({ rpc: 'call', id, method, argument } satisfies Request);
      });
  }
  const failPending = (error: Error): void => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  return { api: client as RpcClient<Api>, failPending };
}

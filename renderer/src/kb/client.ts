/**
 * The UI's handle on the knowledge base: starts the worker on first use, talks to it over
 * a MessagePort, and restarts it if it dies (calls in flight fail with a clear error).
 */
import { createRpcClient, type RpcClient, type RpcConnection } from '../../../core/rpc/rpc.ts';
import type { KbApi } from './api.ts';
import { kbMethods } from './methods.ts';

let connection: (RpcConnection<KbApi> & { worker: Worker }) | null = null;
const listeners = new Set<() => void>();

/** The database name; tests and benchmarks use their own so runs never mix. */
function databaseName(): string | null {
  return new URLSearchParams(window.location.search).get('kb');
}

function connect(): RpcConnection<KbApi> & { worker: Worker } {
  // Written inline so Vite bundles the worker as its own file (same origin, allowed by the CSP).
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'knowledge-base' });
  const channel = new MessageChannel();
  worker.postMessage({ kb: 'connect', database: databaseName() }, [channel.port2]);
  channel.port1.start();
  const rpc = createRpcClient<KbApi>(channel.port1, kbMethods);
  const opened = { ...rpc, worker };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    rpc.failPending(new Error('The knowledge-base worker stopped unexpectedly. What committed before is kept; try the action again.'));
    if (connection === opened) connection = null;
  });
  return opened;
}

export function knowledgeBase(): RpcClient<KbApi> {
  connection ??= connect();
  return connection.api;
}

/** Whether the worker is running; background followers wait for it rather than start it. */
export function knowledgeBaseStarted(): boolean {
  return connection !== null;
}

/** Stops the worker (tests use it to simulate a crash mid-import). */
export function terminateKnowledgeBase(): void {
  if (!connection) return;
  connection.worker.terminate();
  connection.failPending(new Error('The knowledge-base worker was stopped. What committed before is kept; try the action again.'));
  connection = null;
}

/** Views re-read when the knowledge base changes (after an import, a delete, an undo). */
export function onKnowledgeChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `work` now and after every knowledge change, one run at a time: changes during a
 * run ask for one more run after it, however many there were. Returns the unsubscribe.
 * `work` shows its own errors; one that escapes it does not stop the following.
 */
export function followKnowledge(work: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void work()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  run();
  return onKnowledgeChanged(run);
}

export function notifyKnowledgeChanged(): void {
  for (const listener of listeners) listener();
}

/**
 * Moves connector output from main's durable inbox into the knowledge base: take the
 * oldest batch, ingest it in the KB worker (which validates it), then acknowledge it so
 * main deletes the file and, once a run's batches are all in, advances its cursor. A batch
 * is acknowledged only after the KB committed it, so a window closed mid-way loses
 * nothing: main serves the batch again and the KB's merge makes the repeat a no-op.
 */
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { invoke, subscribe } from '../ipc/client.ts';

export interface DrainerOptions {
  /** Reported after each batch, for the Connectors page. */
  onError?: (message: string) => void;
  /** Wait before retrying after a failure (the KB worker restarting, a full disk). */
  retryMs?: number;
}

export function startInboxDrainer(options: DrainerOptions = {}): () => void {
  let stopped = false;
  const names = new Map<string, string>();
  /** The connector's display name for the import history, looked up once. */
  async function nameOf(id: string): Promise<string> {
    if (!names.has(id)) for (const connector of await invoke('connector:list')) names.set(connector.id, connector.name);
    return names.get(id) ?? id;
  }
  let draining = false;
  let again = false;

  async function drain(): Promise<void> {
    if (draining) {
      again = true;
      return;
    }
    draining = true;
    try {
      for (;;) {
        if (stopped) return;
        const batch = await invoke('inbox:next');
        if (!batch) break;
        const result = await knowledgeBase().ingestStix({ objects: batch.objects, source: { id: `connector:${batch.connectorId}`, kind: 'connector', name: await nameOf(batch.connectorId) } });
        await invoke('inbox:ack', { runId: batch.runId, seq: batch.seq, counts: { created: result.counts.created, updated: result.counts.updated, rejected: result.counts.rejected } });
        notifyKnowledgeChanged();
      }
    } catch (error) {
      options.onError?.(error instanceof Error ? error.message : String(error));
      if (!stopped) setTimeout(() => void drain(), options.retryMs ?? 5_000);
    } finally {
      draining = false;
      if (again && !stopped) {
        again = false;
        void drain();
      }
    }
  }

  const unsubscribe = subscribe('inbox:ready', () => void drain());
  // Batches left from before (a crash, a quit mid-run) are taken at start.
  void drain();
  return () => {
    stopped = true;
    unsubscribe();
  };
}

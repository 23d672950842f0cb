/** Starts automatic enrichment in the window, over the KB worker and main's enrichment service. */
import { invoke } from '../ipc/client.ts';
import { knowledgeBase, notifyKnowledgeChanged, onKnowledgeChanged } from '../kb/client.ts';
import { CURSOR_KEY, followNewObservables } from './autoEnricher.ts';
import { markingsOf } from './runEnrichment.ts';

export function startAutoEnricher(onError: (message: string) => void, onFailures: (count: number, last: string) => void): () => void {
  // knowledgeBase() on each use: the KB worker starts when there is work, not at start-up.
  const kb = knowledgeBase;
  const follower = followNewObservables(
    {
      connectors: () => invoke('enrichment:list'),
      head: async () => (await kb().changeHead({})).head,
      page: (after, limit) => kb().changesAfter({ after, limit }),
      cursor: async () => {
        const { value } = await kb().getState({ key: CURSOR_KEY });
        return typeof value === 'number' ? value : null;
      },
      saveCursor: async (cursor) => {
        await kb().putState({ key: CURSOR_KEY, value: cursor });
      },
      markings: (observable) => markingsOf(observable, { getObject: (id) => kb().getObject({ id }) }),
      run: (connectorId, observable, markingDefinitions) => invoke('enrichment:run', { connectorId, observable, markingDefinitions, trigger: 'auto' }),
      ingest: (objects, source) => kb().ingestStix({ objects, source }),
    },
    {
      onDone: (report) => {
        if (report.enriched > 0) notifyKnowledgeChanged();
        if (report.failed > 0) onFailures(report.failed, report.lastFailure ?? '');
      },
      onError,
    },
  );
  const stop = onKnowledgeChanged(() => follower.kick());
  // At start, only when a connector is automatic: observables may have come in meanwhile.
  invoke('enrichment:list').then((connectors) => connectors.some((connector) => connector.enabled && connector.enrichment?.autoEnrich === true) && follower.kick(), () => undefined);
  return () => {
    stop();
    follower.stop();
  };
}

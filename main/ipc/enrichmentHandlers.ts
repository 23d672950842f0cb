/** The enrichment channels (issue 8), over the service in main/enrichment. */
import { ConnectorError } from '../connectors/runtime/errors.ts';
import type { EnrichmentService } from '../enrichment/service.ts';
import { HandlerError, type Handlers } from './dispatcher.ts';

type EnrichmentChannel = Extract<keyof Handlers, `enrichment:${string}`>;

async function refusalsShown<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof ConnectorError) throw new HandlerError(error.message);
    throw error;
  }
}

export function createEnrichmentHandlers(enrichment: EnrichmentService): Pick<Handlers, EnrichmentChannel> {
  return {
    'enrichment:list': () => enrichment.list(),
    'enrichment:configure': ({ id, settings }) => refusalsShown(() => enrichment.configure(id, settings)),
    'enrichment:run': ({ connectorId, observable, markingDefinitions, trigger }) => refusalsShown(() => enrichment.enrich(connectorId, observable, markingDefinitions, { trigger: trigger ?? 'manual' })),
  };
}

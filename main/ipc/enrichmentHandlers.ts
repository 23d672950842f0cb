/** The enrichment channels (issue 8), over the service in main/enrichment. */
import type { EnrichmentService } from '../enrichment/service.ts';
import type { Handlers } from './dispatcher.ts';
import { refusalsShown } from './refusals.ts';

type EnrichmentChannel = Extract<keyof Handlers, `enrichment:${string}`>;


export function createEnrichmentHandlers(enrichment: EnrichmentService): Pick<Handlers, EnrichmentChannel> {
  return {
    'enrichment:list': () => enrichment.list(),
    'enrichment:configure': ({ id, settings }) => refusalsShown(() => enrichment.configure(id, settings)),
    'enrichment:run': ({ connectorId, observable, markingDefinitions, trigger }) => refusalsShown(() => enrichment.enrich(connectorId, observable, markingDefinitions, { trigger: trigger ?? 'manual' })),
  };
}

/**
 * Enriches one observable (issue 8): asks main to look it up with every enrichment
 * connector whose scope takes its type, ingests what comes back under that connector's
 * name, and reads where else the value appears in the knowledge base. main decides what
 * may leave (TLP, quota, key); this only reports its answer, step by step.
 */
import type { ConnectorSummary, EnrichmentOutcome } from '../../../core/ipc/channels.ts';
import { unofficialMarkingRefs } from '../../../core/stix/markings.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import type { IngestResult, IngestSource } from '../kb/ingest.ts';
import type { ObjectDetail } from '../kb/queries/detail.ts';
import type { Occurrences } from '../kb/queries/occurrences.ts';

export interface EnrichDeps {
  getObject: (id: string) => Promise<ObjectDetail | null>;
  occurrences: (id: string) => Promise<Occurrences | null>;
  ingest: (objects: JsonObject[], source: IngestSource) => Promise<Pick<IngestResult, 'counts'>>;
  connectors: () => Promise<ConnectorSummary[]>;
  run: (connectorId: string, observable: JsonObject, markingDefinitions: JsonObject[]) => Promise<EnrichmentOutcome>;
}

export type StepState = 'waiting' | 'running' | 'done' | 'refused' | 'failed';

export interface ConnectorStep {
  connectorId: string;
  name: string;
  network: boolean;
  state: StepState;
  /** The connector's summary, or main's reason for sending nothing, as worded. */
  message: string;
  refusal: Extract<EnrichmentOutcome, { status: 'refused' }>['reason'] | null;
  created: number;
  updated: number;
  warnings: string[];
  cached: boolean;
}

export interface ObservableEnrichment {
  id: string;
  name: string;
  type: string;
  steps: ConnectorStep[];
  occurrences: Occurrences | null;
  /** Why nothing could be done at all (the object is gone, no connector takes its type). */
  problem: 'missing' | 'no-connector' | null;
}

export async function enrichObservable(id: string, deps: EnrichDeps, onUpdate: (state: ObservableEnrichment) => void = () => undefined): Promise<ObservableEnrichment> {
  const detail = await deps.getObject(id);
  if (!detail) {
    const missing: ObservableEnrichment = { id, name: id, type: '', steps: [], occurrences: null, problem: 'missing' };
    onUpdate(missing);
    return missing;
  }
  const observable = detail.stix;
  const type = detail.summary.type;
  // Offline first: instant, and its answer is there while a network lookup waits on its quota.
  const connectors = (await deps.connectors()).filter((connector) => connector.enrichment?.scope.includes(type)).sort((a, b) => Number(a.enrichment?.network) - Number(b.enrichment?.network));
  let state: ObservableEnrichment = {
    id,
    name: detail.summary.name,
    type,
    occurrences: null,
    problem: connectors.length === 0 ? 'no-connector' : null,
    steps: connectors.map((connector) => ({ connectorId: connector.id, name: connector.name, network: connector.enrichment?.network ?? true, state: 'waiting', message: '', refusal: null, created: 0, updated: 0, warnings: [], cached: false })),
  };
  const update = (index: number, step: Partial<ConnectorStep>) => {
    state = { ...state, steps: state.steps.map((current, at) => (at === index ? { ...current, ...step } : current)) };
    onUpdate(state);
  };
  onUpdate(state);

  const markingDefinitions = await markingsOf(observable, deps);
  for (const [index, connector] of connectors.entries()) {
    update(index, { state: 'running' });
    let outcome: EnrichmentOutcome;
    try {
      outcome = await deps.run(connector.id, observable, markingDefinitions);
    } catch (error) {
      update(index, { state: 'failed', message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (outcome.status !== 'done') {
      update(index, { state: outcome.status, message: outcome.message, refusal: outcome.status === 'refused' ? outcome.reason : null });
      continue;
    }
    try {
      const { counts } = outcome.objects.length === 0 ? { counts: { created: 0, updated: 0 } } : await deps.ingest(outcome.objects, { id: `connector:${connector.id}`, kind: 'connector', name: connector.name });
      update(index, { state: 'done', message: outcome.summary, created: counts.created, updated: counts.updated, warnings: outcome.warnings, cached: outcome.cached });
    } catch (error) {
      update(index, { state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }
  state = { ...state, occurrences: await deps.occurrences(id) };
  onUpdate(state);
  return state;
}

/**
 * The definitions of the observable's markings that are not official TLP ids (object and
 * granular), as stored, so main can read TLP markings under other ids.
 */
export async function markingsOf(observable: JsonObject, deps: Pick<EnrichDeps, 'getObject'>): Promise<JsonObject[]> {
  const found = await Promise.all(unofficialMarkingRefs(observable).map((ref) => deps.getObject(ref)));
  return found.flatMap((detail) => (detail ? [detail.stix] : []));
}

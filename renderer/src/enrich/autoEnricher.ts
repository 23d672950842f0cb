/**
 * Automatic enrichment of new observables (issue 8): off by default, switched on per
 * connector. It follows the knowledge base's change feed from its own place (kept in the
 * KB), and sends each newly created observable in a connector's scope to it with the
 * `auto` trigger, so main counts it against that connector's daily allowance and refuses
 * the rest. What enrichment itself brings is never enriched again: no cascade from one
 * IP to its resolved domains to their IPs.
 */
import type { ConnectorSummary, EnrichmentOutcome } from '../../../core/ipc/channels.ts';
import { isScoType } from '../../../core/stix/model/categories.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import type { FeedPage } from '../../../core/streams/pump.ts';
import type { ChangeEvent } from '../../../core/streams/types.ts';
import type { IngestSource } from '../kb/ingest.ts';

export const CURSOR_KEY = 'enrich:auto-cursor';
const PAGE = 200;

export interface AutoEnrichDeps {
  connectors: () => Promise<ConnectorSummary[]>;
  head: () => Promise<number>;
  page: (after: number, limit: number) => Promise<FeedPage>;
  cursor: () => Promise<number | null>;
  saveCursor: (cursor: number) => Promise<void>;
  /** The observable's marking definitions, so main can read a TLP under a custom id. */
  markings: (observable: JsonObject) => Promise<JsonObject[]>;
  run: (connectorId: string, observable: JsonObject, markingDefinitions: JsonObject[]) => Promise<EnrichmentOutcome>;
  ingest: (objects: JsonObject[], source: IngestSource) => Promise<unknown>;
}

export interface AutoEnrichReport {
  looked: number;
  enriched: number;
  /** Lookups that failed (network, deadline): passed over, and said. */
  failed: number;
  lastFailure: string | null;
  /** Connectors that said their daily allowance is spent; asked again on the next run. */
  exhausted: string[];
}

/** The connectors each new observable goes to, by type. */
function routes(connectors: readonly ConnectorSummary[]): Map<string, ConnectorSummary[]> {
  const byType = new Map<string, ConnectorSummary[]>();
  for (const connector of connectors) {
    if (!connector.enabled || connector.enrichment?.autoEnrich !== true) continue;
    for (const type of connector.enrichment.scope) byType.set(type, [...(byType.get(type) ?? []), connector]);
  }
  return byType;
}

function isNewObservable(event: ChangeEvent, enrichmentSources: ReadonlySet<string>): boolean {
  return event.op === 'create' && isScoType(event.type) && !(event.source !== undefined && enrichmentSources.has(event.source));
}

/** Reads the feed from the saved place to its end, enriching what is new. */
export async function autoEnrichOnce(deps: AutoEnrichDeps): Promise<AutoEnrichReport> {
  const report: AutoEnrichReport = { looked: 0, enriched: 0, failed: 0, lastFailure: null, exhausted: [] };
  const connectors = await deps.connectors();
  const byType = routes(connectors);
  const saved = await deps.cursor();
  // Switched on for the first time, or none on: start from now, never from the whole store.
  if (saved === null || byType.size === 0) {
    const head = await deps.head();
    if (saved !== head) await deps.saveCursor(head);
    return report;
  }
  const enrichmentSources = new Set(connectors.filter((connector) => connector.enrichment !== undefined).map((connector) => `connector:${connector.id}`));
  const exhausted = new Set<string>();
  let cursor = saved;
  for (;;) {
    const page = await deps.page(cursor, PAGE);
    if (page.through <= cursor) break;
    for (const event of page.events) {
      if (!isNewObservable(event, enrichmentSources)) continue;
      for (const connector of byType.get(event.type) ?? []) {
        if (exhausted.has(connector.id)) continue;
        report.looked += 1;
        const outcome = await deps.run(connector.id, event.object, await deps.markings(event.object));
        if (outcome.status === 'refused' && outcome.reason === 'quota') exhausted.add(connector.id);
        if (outcome.status === 'failed') {
          report.failed += 1;
          report.lastFailure = `${connector.name}: ${outcome.message}`;
        }
        if (outcome.status === 'done' && outcome.objects.length > 0) {
          await deps.ingest(outcome.objects, { id: `connector:${connector.id}`, kind: 'connector', name: connector.name });
          report.enriched += 1;
        }
      }
    }
    cursor = page.through;
    await deps.saveCursor(cursor);
  }
  report.exhausted = [...exhausted];
  return report;
}

/**
 * Runs `autoEnrichOnce` after knowledge-base changes, one run at a time, a moment after
 * the last change so an import's batches are taken together.
 */
export function followNewObservables(deps: AutoEnrichDeps, options: { delayMs?: number; onDone?: (report: AutoEnrichReport) => void; onError?: (message: string) => void } = {}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  const pending = { again: false };
  const runAgain = () => pending.again;

  async function run(): Promise<void> {
    do {
      pending.again = false;
      try {
        const report = await autoEnrichOnce(deps);
        if (report.enriched > 0 || report.looked > 0) options.onDone?.(report);
      } catch (error) {
        options.onError?.(error instanceof Error ? error.message : String(error));
      }
    } while (runAgain());
    running = undefined;
  }

  return {
    kick(): void {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (running) pending.again = true;
        else running = run();
      }, options.delayMs ?? 2000);
    },
    stop(): void {
      if (timer) clearTimeout(timer);
    },
  };
}

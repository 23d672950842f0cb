import { describe, expect, it } from 'vitest';
import type { ConnectorSummary, EnrichmentOutcome } from '../../../core/ipc/channels.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import type { ChangeEvent } from '../../../core/streams/types.ts';
import { autoEnrichOnce, type AutoEnrichDeps } from './autoEnricher.ts';

function connector(id: string, autoEnrich: boolean, scope = ['ipv4-addr']): ConnectorSummary {
  return {
    id, kind: 'internal-enrichment', name: id, description: '', configSchema: {}, config: {}, enabled: true, schedule: '', defaultSchedule: '', status: 'idle',
    nextRunAt: null, lastRun: null, lastSuccess: null, pendingBatches: 0, secretsPersistent: false,
    enrichment: { scope, network: true, maxTlp: 'amber', quota: null, autoEnrich, autoDailyQuota: 2, usage: { day: '2026-01-01', requests: 0, autoEnrichments: 0 } },
  };
}

function created(seq: number, type: string, value: string, source: string): ChangeEvent {
  const object = { type, id: `${type}--${String(seq)}`, value };
  return { seq, op: 'create', at: '2026-01-01T00:00:00.000Z', id: object.id, type, source, object };
}

/** A feed and a connector the test controls; the connector allows `allowance` lookups. */
function world(events: ChangeEvent[], connectors: ConnectorSummary[], allowance = Infinity, saved: number | null = 0) {
  const sent: string[] = [];
  const ingested: JsonObject[][] = [];
  const state = { cursor: saved };
  const deps: AutoEnrichDeps = {
    connectors: () => Promise.resolve(connectors),
    head: () => Promise.resolve(events.at(-1)?.seq ?? 0),
    page: (after, limit) => {
      const page = events.filter((event) => event.seq > after).slice(0, limit);
      return Promise.resolve({ events: page, through: page.at(-1)?.seq ?? after, head: events.at(-1)?.seq ?? 0 });
    },
    cursor: () => Promise.resolve(state.cursor),
    saveCursor: (cursor) => {
      state.cursor = cursor;
      return Promise.resolve();
    },
    markings: () => Promise.resolve([]),
    run: (connectorId, observable): Promise<EnrichmentOutcome> => {
      if (sent.length >= allowance) return Promise.resolve({ status: 'refused', reason: 'quota', message: 'Spent for today.' });
      sent.push(`${connectorId} ${String(observable['value'])}`);
      return Promise.resolve({ status: 'done', objects: [{ type: 'autonomous-system', id: 'autonomous-system--1', number: 1 }], warnings: [], summary: '', cached: false });
    },
    ingest: (objects) => {
      ingested.push(objects);
      return Promise.resolve();
    },
  };
  return { deps, sent, ingested, state };
}

describe('automatic enrichment', () => {
  it('sends each new observable in scope to the connectors switched to automatic, and ingests what they give', async () => {
    const events = [created(1, 'ipv4-addr', '198.51.100.1', 'file:a.json'), created(2, 'domain-name', 'example.com', 'file:a.json'), created(3, 'ipv4-addr', '198.51.100.2', 'connector:misp-feed')];
    const { deps, sent, ingested, state } = world(events, [connector('virustotal', true), connector('offline-enrichment', false)]);
    const report = await autoEnrichOnce(deps);
    expect(sent).toEqual(['virustotal 198.51.100.1', 'virustotal 198.51.100.2']);
    expect(ingested).toHaveLength(2);
    expect(report).toMatchObject({ looked: 2, enriched: 2, failed: 0 });
    expect(state.cursor).toBe(3);
    // Nothing new: nothing sent again.
    await autoEnrichOnce(deps);
    expect(sent).toHaveLength(2);
  });

  it('never enriches what enrichment brought, so one address does not cascade through its resolutions', async () => {
    const events = [created(1, 'ipv4-addr', '198.51.100.1', 'connector:virustotal'), created(2, 'ipv4-addr', '198.51.100.2', 'connector:offline-enrichment')];
    const { deps, sent } = world(events, [connector('virustotal', true), connector('offline-enrichment', false)]);
    await autoEnrichOnce(deps);
    expect(sent).toEqual([]);
  });

  it('starts from now when first switched on, not from the whole knowledge base', async () => {
    const events = [created(1, 'ipv4-addr', '198.51.100.1', 'file:a.json')];
    const { deps, sent, state } = world(events, [connector('virustotal', true)], Infinity, null);
    await autoEnrichOnce(deps);
    expect(sent).toEqual([]);
    expect(state.cursor).toBe(1);
  });

  it('stops asking a connector whose daily allowance is spent, and moves on', async () => {
    const events = Array.from({ length: 10 }, (_, index) => created(index + 1, 'ipv4-addr', `198.51.100.${String(index + 1)}`, 'file:a.json'));
    const { deps, sent, state } = world(events, [connector('virustotal', true)], 2);
    const report = await autoEnrichOnce(deps);
    expect(sent).toHaveLength(2);
    expect(report).toMatchObject({ looked: 3, enriched: 2, exhausted: ['virustotal'] });
    expect(state.cursor).toBe(10);
  });

  it('keeps its place but sends nothing while no connector is automatic', async () => {
    const events = [created(1, 'ipv4-addr', '198.51.100.1', 'file:a.json')];
    const { deps, sent, state } = world(events, [connector('virustotal', false)]);
    await autoEnrichOnce(deps);
    expect(sent).toEqual([]);
    expect(state.cursor).toBe(1);
  });
});

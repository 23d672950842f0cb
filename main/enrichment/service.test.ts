/**
 * The enrichment service's own rules with a minimal network connector against a server on
 * 127.0.0.1: the TLP gate sends nothing, quotas hold across a restart, the cache answers
 * repeats, 429 is retried after Retry-After, and refusals say what to do.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateScoId, identityId, TLP_1, TLP_2, type JsonObject } from '../../core/stix/index.ts';
import { createMemorySecretStore, type SecretStore } from '../services/secretStore.ts';
import { startLocalServer, type LocalServer } from '../connectors/testing/localServer.ts';
import type { EnrichmentConnector } from '../connectors/types.ts';
import { createEnrichmentService, type EnrichmentService } from './service.ts';

const config = z.object({ apiKey: z.string().min(1).meta({ title: 'API key', secret: true }), baseUrl: z.string() });
const identity: JsonObject = { type: 'identity', spec_version: '2.1', id: identityId('Probe', 'organization'), created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'Probe', identity_class: 'organization' };

const probe: EnrichmentConnector<typeof config> = {
  id: 'probe', kind: 'internal-enrichment', name: 'Probe', description: 'Test', config, scope: ['ipv4-addr'], network: true, identity,
  defaults: { maxTlp: 'amber', quota: { perMinute: 2, perDay: 3 } },
  enrich: async ({ observable, config: settings, http }) => {
    const answer = await http.get(`${settings.baseUrl}/ip/${String(observable['value'])}`, { auth: { type: 'header', name: 'x-apikey', value: settings.apiKey } });
    return { objects: [], warnings: [], summary: answer.text() };
  },
};

function ip(value: string, markings: string[] = []): JsonObject {
  return { type: 'ipv4-addr', spec_version: '2.1', id: generateScoId('ipv4-addr', { value }), value, ...(markings.length === 0 ? {} : { object_marking_refs: markings }) };
}

describe('the enrichment service', () => {
  let server: LocalServer;
  let userData: string;
  let secrets: SecretStore;
  let clock: Date;
  let answers: ((response: ServerResponse) => void)[];

  const make = (): EnrichmentService =>
    createEnrichmentService({ userData, connectors: [probe], secrets, now: () => clock, http: { baseDelayMs: 10, maxDelayMs: 50 } });

  async function ready(): Promise<EnrichmentService> {
    const service = make();
    await service.configure('probe', { enabled: true, config: { apiKey: 'k-secret', baseUrl: server.origin } });
    return service;
  }

  beforeEach(async () => {
    answers = [];
    server = await startLocalServer((_request, response) => {
      const answer = answers.shift();
      if (answer) answer(response);
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('looked up');
    });
    userData = await mkdtemp(join(tmpdir(), 'magpie-enrich-'));
    secrets = createMemorySecretStore();
    clock = new Date('2026-03-01T10:00:00.000Z');
  });

  afterEach(async () => {
    await server.close();
    await rm(userData, { recursive: true, force: true });
  });

  it('is off until switched on, and asks for the key', async () => {
    const service = make();
    expect(await service.enrich('probe', ip('8.8.8.8'))).toMatchObject({ status: 'refused', reason: 'disabled' });
    await service.configure('probe', { enabled: true, config: { baseUrl: server.origin } });
    const outcome = await service.enrich('probe', ip('8.8.8.8'));
    expect(outcome).toMatchObject({ status: 'refused', reason: 'no-key' });
    expect(outcome.status === 'refused' && outcome.message).toContain('API key');
    expect(server.requests).toHaveLength(0);
  });

  it('sends nothing above the TLP limit, whichever way the TLP is written', async () => {
    const service = await ready();
    const openCtiRed: JsonObject = { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--826578e1-40ad-459f-bc73-ede076f81f37', created: '2020-01-01T00:00:00.000Z', definition_type: 'TLP', definition: { tlp: 'red' }, name: 'TLP:RED' };
    for (const [observable, markings] of [
      [ip('8.8.8.8', [TLP_2.red.id]), []],
      [ip('8.8.8.8', [TLP_1.red.id]), []],
      [ip('8.8.8.8', [TLP_2['amber+strict'].id]), []],
      [ip('8.8.8.8', [String(openCtiRed['id'])]), [openCtiRed]],
    ] as const) {
      const outcome = await service.enrich('probe', observable, markings);
      expect(outcome).toMatchObject({ status: 'refused', reason: 'tlp' });
    }
    expect(server.requests).toHaveLength(0);
    // Unknown, non-TLP markings do not block; unmarked is TLP:CLEAR; amber is the limit.
    expect(await service.enrich('probe', ip('8.8.4.4', ['marking-definition--3b0c5a3e-6c9a-4a1f-9d8e-6f1f0b9c2d11']))).toMatchObject({ status: 'done', summary: 'looked up' });
    expect(await service.enrich('probe', ip('9.9.9.9', [TLP_1.amber.id]))).toMatchObject({ status: 'done' });
    expect(server.requests[0]?.headers['x-apikey']).toBe('k-secret');
  });

  it('refuses observables out of scope', async () => {
    const service = await ready();
    const domain = { type: 'domain-name', spec_version: '2.1', id: generateScoId('domain-name', { value: 'example.com' }), value: 'example.com' };
    expect(await service.enrich('probe', domain)).toMatchObject({ status: 'refused', reason: 'scope' });
  });

  it('answers a repeat from the cache for 24 hours, across a restart', async () => {
    const service = await ready();
    expect(await service.enrich('probe', ip('8.8.8.8'))).toMatchObject({ status: 'done', cached: false });
    expect(await make().enrich('probe', ip('8.8.8.8'))).toMatchObject({ status: 'done', cached: true, summary: 'looked up' });
    expect(server.requests).toHaveLength(1);
    clock = new Date(clock.getTime() + 24 * 60 * 60 * 1000 + 1);
    expect(await make().enrich('probe', ip('8.8.8.8'))).toMatchObject({ status: 'done', cached: false });
    expect(server.requests).toHaveLength(2);
  });

  it('keeps to the per-minute and per-day quota, counted on disk', async () => {
    const service = await ready();
    expect(await service.enrich('probe', ip('1.0.0.1'))).toMatchObject({ status: 'done' });
    expect(await service.enrich('probe', ip('1.0.0.2'))).toMatchObject({ status: 'done' });
    const minute = await service.enrich('probe', ip('1.0.0.3'));
    expect(minute).toMatchObject({ status: 'refused', reason: 'quota' });
    expect(minute.status === 'refused' && minute.message).toMatch(/per-minute quota; it resets in 60 s/);
    clock = new Date(clock.getTime() + 61_000);
    expect(await make().enrich('probe', ip('1.0.0.3'))).toMatchObject({ status: 'done' });
    clock = new Date(clock.getTime() + 61_000);
    const day = await make().enrich('probe', ip('1.0.0.4'));
    expect(day.status === 'refused' && day.message).toMatch(/daily quota .* resets at 2026-03-02 00:00 UTC/);
    expect(server.requests).toHaveLength(3);
    expect((await make().summary('probe')).enrichment?.usage).toEqual({ day: '2026-03-01', requests: 3, autoEnrichments: 0 });
    clock = new Date('2026-03-02T00:00:01.000Z');
    expect(await make().enrich('probe', ip('1.0.0.4'))).toMatchObject({ status: 'done' });
  });

  it('lets only as many lookups through as the quota has room for when they come at once', async () => {
    const service = await ready();
    const outcomes = await Promise.all(['2.0.0.1', '2.0.0.2', '2.0.0.3', '2.0.0.4'].map((value) => service.enrich('probe', ip(value))));
    expect(outcomes.filter((outcome) => outcome.status === 'done')).toHaveLength(2);
    expect(outcomes.filter((outcome) => outcome.status === 'refused' && outcome.reason === 'quota')).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('waits out a 429 as Retry-After asks, then gives up with a quota refusal', async () => {
    const service = await ready();
    answers.push((response) => response.writeHead(429, { 'retry-after': '1' }).end());
    const started = Date.now();
    expect(await service.enrich('probe', ip('8.8.8.8'))).toMatchObject({ status: 'done', summary: 'looked up' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests).toHaveLength(2);
    // The provider counts the refused attempt too, and so does the quota.
    expect((await service.summary('probe')).enrichment?.usage.requests).toBe(2);
    for (let index = 0; index < 3; index += 1) answers.push((response) => response.writeHead(429, { 'retry-after': '0' }).end());
    const outcome = await service.enrich('probe', ip('8.8.4.4'));
    expect(outcome).toMatchObject({ status: 'refused', reason: 'quota' });
  });

  it('stops at the deadline and when cancelled', async () => {
    const service = createEnrichmentService({ userData, connectors: [probe], secrets, now: () => clock, deadlineMs: 300 });
    await service.configure('probe', { enabled: true, quota: null, config: { apiKey: 'k-secret', baseUrl: server.origin } });
    answers.push(() => undefined);
    const outcome = await service.enrich('probe', ip('8.8.8.8'));
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.status === 'failed' && outcome.message).toContain('did not finish within');
    answers.push(() => undefined);
    const controller = new AbortController();
    const pending = service.enrich('probe', ip('8.8.4.4'), [], { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({ status: 'failed', message: 'The enrichment was cancelled.' });
  });

  it('auto-enriches only when switched on, in scope, under the TLP and within the daily allowance', async () => {
    const service = await ready();
    expect(await service.shouldAutoEnrich('probe', ip('8.8.8.8'))).toBe(false);
    await service.configure('probe', { autoEnrich: true, autoDailyQuota: 1 });
    expect(await service.shouldAutoEnrich('probe', ip('8.8.8.8', [TLP_2.red.id]))).toBe(false);
    expect(await service.shouldAutoEnrich('probe', ip('8.8.8.8'))).toBe(true);
    expect(await service.enrich('probe', ip('8.8.8.8'), [], { trigger: 'auto' })).toMatchObject({ status: 'done' });
    expect(await service.shouldAutoEnrich('probe', ip('8.8.4.4'))).toBe(false);
    expect(await service.enrich('probe', ip('8.8.4.4'), [], { trigger: 'auto' })).toMatchObject({ status: 'refused', reason: 'quota' });
  });

  it('lists its connectors with their settings, secrets shown only as set', async () => {
    const service = await ready();
    const [summary] = await service.list();
    expect(summary).toMatchObject({ id: 'probe', kind: 'internal-enrichment', enabled: true, config: { apiKey: { set: true }, baseUrl: server.origin } });
    expect(summary?.enrichment).toMatchObject({ scope: ['ipv4-addr'], network: true, maxTlp: 'amber', quota: { perMinute: 2, perDay: 3 }, autoEnrich: false, autoDailyQuota: 50 });
    expect(JSON.stringify(summary)).not.toContain('k-secret');
  });
});

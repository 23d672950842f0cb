/**
 * The offline connector through the enrichment service: AS and country from the bundled
 * ip-location-db data for public addresses, range classification only for private ones.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedId, generateScoId, hasErrors, TLP_2, validateObject, type JsonObject } from '../../../core/stix/index.ts';
import { createEnrichmentService, type EnrichmentOutcome, type EnrichmentService } from '../../enrichment/service.ts';
import { createMemorySecretStore } from '../../services/secretStore.ts';
import { connector, offlineIdentity } from './index.ts';

function address(value: string): JsonObject {
  const type = value.includes(':') ? 'ipv6-addr' : 'ipv4-addr';
  // TLP:RED: offline enrichment sends nothing, so no TLP keeps it away.
  return { type, spec_version: '2.1', id: generateScoId(type, { value }), value, object_marking_refs: [TLP_2.red.id] };
}

function objectsOf(outcome: EnrichmentOutcome): JsonObject[] {
  if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
  for (const object of outcome.objects) expect(hasErrors(validateObject(object)), String(object['id'])).toBe(false);
  expect(outcome.objects[0]).toEqual(offlineIdentity);
  return outcome.objects;
}

function routing(objects: readonly JsonObject[], observable: JsonObject): { as?: JsonObject; country?: string } {
  const system = objects.find((object) => object['type'] === 'autonomous-system');
  const location = objects.find((object) => object['type'] === 'location');
  const link = (type: string, target: unknown): boolean =>
    objects.some((object) => object['relationship_type'] === type && object['source_ref'] === observable['id'] && object['target_ref'] === target);
  if (system) expect(link('belongs-to', system['id'])).toBe(true);
  if (location) expect(link('located-at', location['id'])).toBe(true);
  return { ...(system ? { as: system } : {}), ...(typeof location?.['country'] === 'string' ? { country: location['country'] } : {}) };
}

describe('offline enrichment', () => {
  let userData: string;
  let service: EnrichmentService;

  beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'magpie-offline-'));
    service = createEnrichmentService({ userData, connectors: [connector], secrets: createMemorySecretStore() });
  });
  afterAll(() => rm(userData, { recursive: true, force: true }));

  it('is on by default and gives 8.8.8.8 Google’s AS and the US', async () => {
    const observable = address('8.8.8.8');
    const outcome = await service.enrich('offline-enrichment', observable);
    const found = routing(objectsOf(outcome), observable);
    expect(found.as).toMatchObject({ number: 15169, name: 'Google LLC', id: generateScoId('autonomous-system', { number: 15169 }) });
    expect(found.country).toBe('US');
    expect(outcome.status === 'done' && outcome.summary).toContain('Routed from AS15169 Google LLC, country US');
    // The same location id as the VirusTotal connector's, so both merge into one country.
    expect(objectsOf(outcome).find((object) => object['type'] === 'location')?.['id']).toBe(derivedId('location', { country: 'US' }));
  }, 20_000);

  it('gives 1.1.1.1 Cloudflare’s AS', async () => {
    const observable = address('1.1.1.1');
    const found = routing(objectsOf(await service.enrich('offline-enrichment', observable)), observable);
    expect(found.as).toMatchObject({ number: 13335, name: 'Cloudflare, Inc.' });
    expect(found.country).toMatch(/^[A-Z]{2}$/);
  });

  it('classifies a private address and looks nothing up', async () => {
    const observable = address('192.168.1.10');
    const outcome = await service.enrich('offline-enrichment', observable);
    const objects = objectsOf(outcome);
    expect(routing(objects, observable)).toEqual({});
    expect(objects.map((object) => object['type'])).toEqual(['identity', 'note']);
    expect(outcome.status === 'done' && outcome.summary).toContain('Private network address');
  });

  it('looks up an IPv6 address', async () => {
    const observable = address('2001:4860:4860::8888');
    const found = routing(objectsOf(await service.enrich('offline-enrichment', observable)), observable);
    expect(found.as).toMatchObject({ number: 15169 });
    expect(found.country).toBe('US');
  });
});

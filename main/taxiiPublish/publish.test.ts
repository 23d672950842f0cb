/**
 * Publishing to a TAXII 2.1 collection (issue 18, point 1) through the service main's IPC
 * uses, against the test TAXII server made writable (testkit/taxiiWrites.ts).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTaxiiServer, type TaxiiTestServer } from '../../testkit/taxiiServer.ts';
import { createMemorySecretStore, type SecretStore } from '../services/secretStore.ts';
import { connector } from '../connectors/taxii/index.ts';
import { runImportOnce } from '../connectors/testing/runOnce.ts';
import { silentLogger } from '../services/logger.ts';
import type { PublishProgress } from './publisher.ts';
import { createTaxiiPublishService, type TaxiiPublishService } from './service.ts';

const httpOptions = { retries: 0, baseDelayMs: 1 };

function indicator(index: number, description = ''): Record<string, unknown> {
  const id = `indicator--5c1e0f3a-7b2d-4e8f-9a6c-${String(index).padStart(12, '0')}`;
  return {
    type: 'indicator',
    spec_version: '2.1',
    id,
    created: '2025-04-01T00:00:00.000Z',
    modified: '2025-04-02T00:00:00.000Z',
    name: `Indicator ${String(index)}`,
    ...(description === '' ? {} : { description }),
    pattern: `[ipv4-addr:value = '203.0.113.${String(index % 250)}']`,
    pattern_type: 'stix',
    valid_from: '2025-04-01T00:00:00Z',
  };
}

describe('publishing to a TAXII 2.1 collection', () => {
  let server: TaxiiTestServer | undefined;
  let folder = '';
  let secrets: SecretStore;
  let service: TaxiiPublishService;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'magpie-taxii-publish-'));
    secrets = createMemorySecretStore();
    service = createTaxiiPublishService({ userData: folder, secrets, log: silentLogger, httpOptions, pollIntervalMs: 1 });
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(folder, { recursive: true, force: true });
  });

  it('splits the objects into envelopes under max_content_length, polls each status to complete, and the collection then holds them', async () => {
    server = await startTaxiiServer({ objects: [], writable: { maxContentLength: 2_000, pendingPolls: 2 } });
    const saved = await service.saveServer({ title: 'Team TAXII', url: server.discoveryUrl, auth: 'none' });
    const [collection] = await service.collections(saved.id);
    expect(collection).toMatchObject({ canWrite: true, maxContentLength: 2_000, title: 'Test collection' });
    const objects = Array.from({ length: 40 }, (_, index) => indicator(index));
    const progress: PublishProgress[] = [];
    const outcome = await service.publish({ serverId: saved.id, apiRoot: collection?.apiRoot ?? '', collectionId: collection?.id ?? '', objects }, (step) => progress.push(step));

    expect(outcome).toMatchObject({ total: 40, succeeded: 40, failures: [], pending: [] });
    const sizes = server.writes?.bodySizes ?? [];
    expect(sizes.length).toBe(outcome.envelopes);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2_000);
    // Each envelope's status was asked for until complete: two pending answers each.
    const polls = server.requests.filter((request) => request.path.includes('/status/'));
    expect(polls.length).toBe(sizes.length * 2);
    expect(progress.at(-1)).toEqual({ phase: 'waiting', done: 40, total: 40 });
    expect(progress.some((step) => step.phase === 'waiting' && step.done < 40)).toBe(true);

    const pulled = await runImportOnce(connector, { config: { discoveryUrl: server.discoveryUrl, pageSize: 7 }, httpOptions });
    expect(pulled.objects.map((object) => object['id'])).toEqual(objects.map((object) => object['id']));
  });

  it('names each object the server refused with its reason, and sends those again once the server takes them', async () => {
    let refusing = true;
    server = await startTaxiiServer({ objects: [], writable: { refuse: (object) => (refusing && String(object['name']).endsWith('7') ? 'Duplicate of a curated object' : undefined) } });
    const saved = await service.saveServer({ title: 'Team TAXII', url: server.discoveryUrl, auth: 'none' });
    const [collection] = await service.collections(saved.id);
    const target = { serverId: saved.id, apiRoot: collection?.apiRoot ?? '', collectionId: collection?.id ?? '' };
    const objects = Array.from({ length: 20 }, (_, index) => indicator(index));
    const first = await service.publish({ ...target, objects });
    expect(first.succeeded).toBe(18);
    expect(first.failures).toEqual([
      { id: objects[7]?.['id'], version: '2025-04-02T00:00:00.000Z', message: 'Duplicate of a curated object' },
      { id: objects[17]?.['id'], version: '2025-04-02T00:00:00.000Z', message: 'Duplicate of a curated object' },
    ]);

    refusing = false;
    const failed = new Set(first.failures.map((failure) => failure.id));
    const retry = await service.publish({ ...target, objects: objects.filter((object) => failed.has(String(object['id']))) });
    expect(retry).toMatchObject({ total: 2, succeeded: 2, failures: [] });
  });

  it('reports an object larger than the server accepts instead of sending it, and sends the rest', async () => {
    server = await startTaxiiServer({ objects: [], writable: { maxContentLength: 2_000 } });
    const saved = await service.saveServer({ title: 'Small server', url: server.discoveryUrl, auth: 'none' });
    const [collection] = await service.collections(saved.id);
    const huge = indicator(99, 'x'.repeat(3_000));
    const outcome = await service.publish({ serverId: saved.id, apiRoot: collection?.apiRoot ?? '', collectionId: collection?.id ?? '', objects: [indicator(1), huge, indicator(2)] });
    expect(outcome.succeeded).toBe(2);
    expect(outcome.failures).toEqual([{ id: huge['id'], version: '2025-04-02T00:00:00.000Z', message: expect.stringMatching(/^Too large for this server: 3\d{3} bytes, over its limit of 2000 bytes/) as unknown }]);
    expect(Math.max(...(server.writes?.bodySizes ?? []))).toBeLessThanOrEqual(2_000);
  });

  it('signs in with Basic or Bearer auth from the secret store, never writing the secret to the profile, and says what to fix when it is missing or wrong', async () => {
    server = await startTaxiiServer({ objects: [], writable: {}, auth: { username: 'analyst', password: 'correct horse' } });
    const basic = await service.saveServer({ title: 'Basic', url: server.discoveryUrl, auth: 'basic', username: 'analyst', secret: 'wrong' });
    await expect(service.collections(basic.id)).rejects.toThrow(/refused the credentials \(HTTP 401\)/);
    await service.saveServer({ id: basic.id, title: 'Basic', url: server.discoveryUrl, auth: 'basic', username: 'analyst', secret: 'correct horse' });
    expect((await service.servers())[0]).toMatchObject({ title: 'Basic', secretSet: true });
    expect(await readFile(join(folder, 'taxii-servers.json'), 'utf8')).not.toContain('correct horse');
    const [collection] = await service.collections(basic.id);
    const outcome = await service.publish({ serverId: basic.id, apiRoot: collection?.apiRoot ?? '', collectionId: collection?.id ?? '', objects: [indicator(1)] });
    expect(outcome.succeeded).toBe(1);
    await server.close();

    server = await startTaxiiServer({ objects: [], writable: {}, auth: { token: 'team-token' } });
    const bearer = await service.saveServer({ title: 'Bearer', url: server.discoveryUrl, auth: 'bearer' });
    await expect(service.collections(bearer.id)).rejects.toThrow(/No token is stored for "Bearer".*Enter it in the server's settings/);
    await service.saveServer({ id: bearer.id, title: 'Bearer', url: server.discoveryUrl, auth: 'bearer', secret: 'team-token' });
    expect(await service.collections(bearer.id)).toHaveLength(1);
    expect(server.requests.at(-1)?.authorization).toBe('Bearer team-token');
  });

  it('refuses a collection the account may not write to before sending anything', async () => {
    server = await startTaxiiServer({ objects: [] });
    const saved = await service.saveServer({ title: 'Read-only', url: server.discoveryUrl, auth: 'none' });
    const [collection] = await service.collections(saved.id);
    expect(collection?.canWrite).toBe(false);
    await expect(service.publish({ serverId: saved.id, apiRoot: collection?.apiRoot ?? '', collectionId: collection?.id ?? '', objects: [indicator(1)] })).rejects.toThrow(/does not accept objects from this account \(can_write is false\)/);
    expect(server.requests.some((request) => request.method === 'POST')).toBe(false);
  });
});

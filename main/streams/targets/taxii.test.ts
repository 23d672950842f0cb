/**
 * The "TAXII 2.1 collection" stream target (issue 18) against the writable test TAXII
 * server: batches land in the collection, deletes are passed over, a refused object stops
 * the batch just before it (so the runtime dead-letters exactly that one), and credentials
 * or a missing server map onto the runtime's auth / unavailable handling.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../core/streams/types.ts';
import { startTaxiiServer, type TaxiiTestServer } from '../../../testkit/taxiiServer.ts';
import { connector } from '../../connectors/taxii/index.ts';
import { runImportOnce } from '../../connectors/testing/runOnce.ts';
import { createTarget, type StreamTarget } from './index.ts';
import { StreamTargetError } from './types.ts';

function events(count: number, deleteEvery = 0): ChangeEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const id = `indicator--6a1b2c3d-4e5f-4a6b-8c7d-${String(index).padStart(12, '0')}`;
    return {
      seq: index + 1,
      op: deleteEvery > 0 && index % deleteEvery === deleteEvery - 1 ? ('delete' as const) : ('create' as const),
      at: '2026-02-03T04:05:06.000Z',
      id,
      type: 'indicator',
      object: { type: 'indicator', spec_version: '2.1', id, created: '2026-02-03T04:05:06.000Z', modified: '2026-02-03T04:05:06.000Z', pattern: "[url:value = 'http://c2.example/']", pattern_type: 'stix', valid_from: '2026-02-03T04:05:06Z' },
    };
  });
}

async function failure(promise: Promise<unknown>): Promise<StreamTargetError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof StreamTargetError)) throw new Error(`expected a StreamTargetError, got ${String(error)}`);
  return error;
}

describe('the TAXII 2.1 collection stream target', () => {
  let server: TaxiiTestServer | undefined;
  let target: StreamTarget | undefined;
  afterEach(async () => {
    await target?.close();
    await server?.close();
    server = undefined;
    target = undefined;
  });

  it('publishes each batch to the collection named by title, passing deletes over', async () => {
    server = await startTaxiiServer({ objects: [], writable: { maxContentLength: 1_000, pendingPolls: 1 }, auth: { token: 'stream-token' } });
    target = createTarget({ kind: 'taxii', url: server.discoveryUrl, collection: 'test collection', bearerToken: 'stream-token' });
    const batch = events(12, 4);
    await expect(target.deliver(batch, new AbortController().signal)).resolves.toBe(12);
    const posted = server.writes?.bodySizes.length ?? 0;
    expect(posted).toBeGreaterThan(1);
    // Nine creates, three deletes: the collection holds the nine.
    const pulled = await runImportOnce(connector, { config: { discoveryUrl: server.discoveryUrl, token: 'stream-token' }, httpOptions: { retries: 0 } });
    expect(pulled.objects.map((object) => object['id'])).toEqual(batch.filter((event) => event.op === 'create').map((event) => event.id));
    await expect(target.deliver(events(3, 1), new AbortController().signal)).resolves.toBe(3);
    expect(server.requests.filter((request) => request.method === 'POST').length).toBe(posted);
  });

  it('stops a batch before the object the server refused, then refuses that one for the dead letters', async () => {
    const batch = events(6);
    const refusedId = batch[3]?.id;
    server = await startTaxiiServer({ objects: [], writable: { refuse: (object) => (object['id'] === refusedId ? 'pattern not accepted here' : undefined) } });
    target = createTarget({ kind: 'taxii', url: server.discoveryUrl, collection: server.collectionIds[0] });
    await expect(target.deliver(batch, new AbortController().signal)).resolves.toBe(3);
    const error = await failure(target.deliver(batch.slice(3), new AbortController().signal));
    expect(error.code).toBe('rejected');
    expect(error.message).toMatch(new RegExp(`did not take ${refusedId ?? ''}: pattern not accepted here`));
  });

  it('says auth for wrong credentials, invalid-config for an unknown collection, unavailable when the server is away', async () => {
    server = await startTaxiiServer({ objects: [], writable: {}, auth: { username: 'analyst', password: 'right' } });
    const signal = new AbortController().signal;
    target = createTarget({ kind: 'taxii', url: server.discoveryUrl, collection: 'Test collection', username: 'analyst', password: 'wrong' });
    expect((await failure(target.deliver(events(1), signal))).code).toBe('auth');
    await target.close();
    target = createTarget({ kind: 'taxii', url: server.discoveryUrl, collection: 'Elsewhere', username: 'analyst', password: 'right' });
    const missing = await failure(target.deliver(events(1), signal));
    expect(missing.code).toBe('invalid-config');
    expect(missing.message).toMatch(/has no collection "Elsewhere"/);
    await target.close();
    const url = server.discoveryUrl;
    await server.close();
    server = undefined;
    target = createTarget({ kind: 'taxii', url, collection: 'Test collection' });
    expect((await failure(target.deliver(events(1), signal))).code).toBe('unavailable');
  });
});

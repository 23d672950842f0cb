/**
 * Connector state follows the knowledge base (issue 14): the runtime rules that decide when
 * a connector's cursor and validators no longer describe the store and are reset.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxBatch } from '../../../core/ipc/channels.ts';
import { startLocalServer, type LocalServer } from '../testing/localServer.ts';
import { createTestConnector } from '../testing/testConnector.ts';
import type { ConnectorDefinition } from '../types.ts';
import { writeJsonAtomic } from '../../services/atomicFile.ts';
import { createConnectorRuntime, type ConnectorRuntime } from './runtime.ts';
import { createMemorySecretStore } from '../../services/secretStore.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const KEY = 'k3y-for-tests';
const STORE_A = '11111111-1111-4111-8111-111111111111';
const STORE_B = '22222222-2222-4222-8222-222222222222';

function runtimeOver(userData: string, connectors: ConnectorDefinition[] = [createTestConnector()]): ConnectorRuntime {
  const runtime = createConnectorRuntime({ userData, connectors, secrets: createMemorySecretStore(), http: { proxyEnv: {}, retries: 0 } });
  cleanups.push(() => runtime.stop());
  return runtime;
}

async function drain(runtime: ConnectorRuntime): Promise<InboxBatch[]> {
  const delivered: InboxBatch[] = [];
  for (let batch = await runtime.inboxNext(); batch !== null; batch = await runtime.inboxNext()) {
    delivered.push(batch);
    await runtime.inboxAck(batch.runId, batch.seq, { created: batch.objects.length, updated: 0, rejected: 0 });
  }
  return delivered;
}

const firstValue = (batches: InboxBatch[]): unknown => batches[0]?.objects[0]?.['value'];

async function stateFile(userData: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(userData, 'connectors', 'test-feed', 'state.json'), 'utf8')) as Record<string, unknown>;
}

/** A feed that answers 304 to the ETag it gave, as CISA's server does. */
async function etagServer(): Promise<LocalServer> {
  const server = await startLocalServer((request, response) => {
    response.writeHead(request.headers['if-none-match'] === '"v1"' ? 304 : 200, { etag: '"v1"' }).end('ok');
  });
  cleanups.push(server.close);
  return server;
}

async function runAndDrain(runtime: ConnectorRuntime): Promise<InboxBatch[]> {
  await runtime.runNow('test-feed');
  await runtime.idle();
  return drain(runtime);
}

describe('connector state follows the knowledge base', () => {
  it('records the store a run was delivered to, and starts over when the store changes', async () => {
    const server = await etagServer();
    const userData = await profile();
    const runtime = runtimeOver(userData);
    await runtime.configure('test-feed', { apiKey: KEY, feedUrl: server.url('/feed') }, 'PT6H');
    expect(await runtime.followStore(STORE_A, [])).toEqual({ reset: [] });
    await runAndDrain(runtime);
    expect(await stateFile(userData)).toMatchObject({ storeIdentity: STORE_A, cursor: { next: 6 }, validators: { [server.url('/feed')]: { etag: '"v1"' } } });

    // The same store told again (the window reloaded): nothing changes.
    expect(await runtime.followStore(STORE_A, ['test-feed'])).toEqual({ reset: [] });
    expect((await stateFile(userData)).cursor).toEqual({ next: 6 });

    // The store was emptied: the next run asks without validators and starts from the beginning.
    expect(await runtime.followStore(STORE_B, [])).toEqual({ reset: ['test-feed'] });
    const summary = await runtime.summary('test-feed');
    expect(summary.stateReset).toMatchObject({ reason: 'store-changed' });
    const refill = await runAndDrain(runtime);
    expect(server.requests.map((request) => request.headers['if-none-match'])).toEqual([undefined, undefined]);
    expect(firstValue(refill)).toBe('10.0.0.0');
    expect(await stateFile(userData)).toMatchObject({ storeIdentity: STORE_B, cursor: { next: 6 }, reset: null });
    expect((await runtime.summary('test-feed')).stateReset).toBeNull();
  });

  it('never commits the cursor of a run that was in flight when the store changed', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const userData = await profile();
    const runtime = runtimeOver(userData, [createTestConnector({ stall: gate })]);
    await runtime.configure('test-feed', { apiKey: KEY }, 'PT6H');
    await runtime.followStore(STORE_A, []);
    await runtime.runNow('test-feed');
    for (let tries = 0; (await runtime.summary('test-feed')).pendingBatches === 0; tries += 1) {
      if (tries > 200) throw new Error('the run never emitted');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Half of the run went into store A, which is emptied now; the rest arrives in store B.
    await drain(runtime);
    // Nothing was committed yet, so there is nothing to announce; the run's cursor must still not stick.
    expect(await runtime.followStore(STORE_B, [])).toEqual({ reset: [] });
    expect((await runtime.summary('test-feed')).stateReset).toBeNull();
    release();
    await runtime.idle();
    await drain(runtime);
    expect(await stateFile(userData)).toMatchObject({ cursor: {}, validators: {}, storeIdentity: STORE_B });
    expect((await runtime.summary('test-feed')).lastRun?.status).toBe('succeeded');

    const next = await runAndDrain(runtime);
    expect(firstValue(next)).toBe('10.0.0.0');
  });

  it('adopts state from before store identities only when the store holds that connector\'s objects', async () => {
    const seeded = async (): Promise<string> => {
      const userData = await profile();
      // What an older Magpie left: a cursor and validators, no store identity.
      await writeJsonAtomic(join(userData, 'connectors', 'test-feed', 'state.json'), {
        enabled: false, config: { apiKey: KEY }, schedule: 'PT6H', lastRun: null, lastSuccess: null,
        cursor: { next: 6 }, validators: { 'https://feed.example/': { etag: '"v1"' } }, nextRunAt: null,
      });
      return userData;
    };
    const kept = await seeded();
    expect(await runtimeOver(kept).followStore(STORE_A, ['test-feed'])).toEqual({ reset: [] });
    expect(await stateFile(kept)).toMatchObject({ storeIdentity: STORE_A, cursor: { next: 6 } });

    // The knowledge base was lost while the connector state survived: start over.
    const lost = await seeded();
    expect(await runtimeOver(lost).followStore(STORE_A, [])).toEqual({ reset: ['test-feed'] });
    expect(await stateFile(lost)).toMatchObject({ storeIdentity: STORE_A, cursor: {}, validators: {} });
  });

  it('resets on request (the analyst, or an undone import) and says so until the next delivered run', async () => {
    const userData = await profile();
    const runtime = runtimeOver(userData);
    await runtime.configure('test-feed', { apiKey: KEY }, 'PT6H');
    await runtime.followStore(STORE_A, []);
    await runAndDrain(runtime);
    const reset = await runtime.resetState('test-feed', 'analyst');
    expect(reset.stateReset).toMatchObject({ reason: 'analyst' });
    expect(await stateFile(userData)).toMatchObject({ cursor: {}, validators: {}, storeIdentity: STORE_A });
    expect(firstValue(await runAndDrain(runtime))).toBe('10.0.0.0');
    expect((await runtime.summary('test-feed')).stateReset).toBeNull();

    expect((await runtime.resetState('test-feed', 'import-undone')).stateReset).toMatchObject({ reason: 'import-undone' });
    await expect(runtime.resetState('nope', 'analyst')).rejects.toThrow(/no connector "nope"/);
  });
});

async function profile(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'magpie-store-binding-'));
}

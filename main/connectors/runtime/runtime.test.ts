import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxBatch } from '../../../core/ipc/channels.ts';
import { startLocalServer, type LocalServer } from '../testing/localServer.ts';
import { createTestConnector, ipv4 } from '../testing/testConnector.ts';
import type { ConnectorDefinition } from '../types.ts';
import { createConnectorRuntime, type ConnectorRuntime } from './runtime.ts';
import { createMemorySecretStore, type SecretStore } from '../../services/secretStore.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const KEY = 'k3y-for-tests';
const counts = { created: 1, updated: 0, rejected: 0 };

function runtimeOver(userData: string, connectors: ConnectorDefinition[], secrets: SecretStore = createMemorySecretStore(), extra: { maxConcurrent?: number } = {}): ConnectorRuntime {
  const runtime = createConnectorRuntime({ userData, connectors, secrets, http: { proxyEnv: {}, retries: 0 }, ...extra });
  cleanups.push(() => runtime.stop());
  return runtime;
}

async function profile(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'magpie-connectors-'));
}

/** Pulls and acknowledges every waiting batch, as the renderer's drainer does. */
async function drain(runtime: ConnectorRuntime): Promise<InboxBatch[]> {
  const delivered: InboxBatch[] = [];
  for (let batch = await runtime.inboxNext(); batch !== null; batch = await runtime.inboxNext()) {
    delivered.push(batch);
    await runtime.inboxAck(batch.runId, batch.seq, { ...counts, created: batch.objects.length });
  }
  return delivered;
}

const values = (batches: InboxBatch[]): string[] => batches.flatMap((batch) => batch.objects.map((object) => String(object.value)));

async function stateFile(userData: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(userData, 'connectors', 'test-feed', 'state.json'), 'utf8')) as Record<string, unknown>;
}

describe('the connector runtime', () => {
  it('delivers a run through the inbox and commits its cursor and validators only once every batch is acknowledged', async () => {
    const server: LocalServer = await startLocalServer((request, response) => {
      response.writeHead(request.headers['if-none-match'] === '"v1"' ? 304 : 200, { etag: '"v1"' }).end('ok');
    });
    cleanups.push(server.close);
    const userData = await profile();
    const runtime = runtimeOver(userData, [createTestConnector()]);
    await runtime.configure('test-feed', { apiKey: KEY, feedUrl: server.url('/feed') }, 'PT6H');
    expect(await runtime.runNow('test-feed')).toEqual({ queued: true });
    await runtime.idle();

    const afterRun = await runtime.summary('test-feed');
    expect(afterRun.lastRun).toMatchObject({ status: 'succeeded', objects: 6, summary: '6 addresses' });
    expect(afterRun.pendingBatches).toBe(2);
    expect(afterRun.lastSuccess).toBeNull();
    expect(await stateFile(userData)).toMatchObject({ cursor: {}, validators: {} });

    // The first batch is offered again until it is acknowledged.
    const first = await runtime.inboxNext();
    expect(await runtime.inboxNext()).toEqual(first);
    const delivered = await drain(runtime);
    expect(values(delivered)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5']);
    expect(await runtime.inboxNext()).toBeNull();

    const state = await stateFile(userData);
    expect(state.cursor).toEqual({ next: 6 });
    expect(state.validators).toEqual({ [server.url('/feed')]: { etag: '"v1"' } });
    expect(JSON.stringify(state)).not.toContain(KEY);
    const summary = await runtime.summary('test-feed');
    expect(summary.lastSuccess).toMatchObject({ summary: '6 addresses', counts: { created: 6, updated: 0, rejected: 0 } });
    expect(summary.config.apiKey).toEqual({ set: true });

    const [log] = await runtime.logs('test-feed');
    expect(log).toMatchObject({ status: 'succeeded', batches: 2, delivered: { created: 6 } });
    expect(JSON.stringify(log)).not.toContain(KEY);
    expect(JSON.stringify(log)).toContain('with key ***');

    // The next run asks conditionally with the committed ETag and continues from the cursor.
    await runtime.runNow('test-feed');
    await runtime.idle();
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(values(await drain(runtime))[0]).toBe('10.0.0.6');
    expect(await readdir(join(userData, 'inbox', 'test-feed'))).toEqual([]);
  });

  it('delivers what a run emitted before failing, but keeps the old cursor so the next run fetches it again', async () => {
    const userData = await profile();
    const runtime = runtimeOver(userData, [createTestConnector()]);
    await runtime.configure('test-feed', { apiKey: KEY, batches: 3, failAfter: 1 }, 'PT6H');
    await runtime.runNow('test-feed');
    await runtime.idle();
    const failed = await runtime.summary('test-feed');
    expect(failed.status).toBe('failed');
    expect(failed.lastRun).toMatchObject({ status: 'failed', error: 'Feed broke after 1 batches', objects: 3 });

    const fromFailedRun = await drain(runtime);
    expect(values(fromFailedRun)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2']);
    expect((await stateFile(userData)).cursor).toEqual({});

    await runtime.configure('test-feed', { batches: 3, failAfter: -1 }, 'PT6H');
    await runtime.runNow('test-feed');
    await runtime.idle();
    const rerun = await drain(runtime);
    // The same observables again, with the same deterministic ids: the KB updates, never duplicates.
    expect(rerun[0]?.objects).toEqual(fromFailedRun[0]?.objects);
    expect(values(rerun)).toHaveLength(9);
    expect((await stateFile(userData)).cursor).toEqual({ next: 9 });
  });

  it('after a quit in the middle of a run, serves its batch again, marks it failed and keeps the cursor; the next run completes', async () => {
    const userData = await profile();
    const secrets = createMemorySecretStore();
    const stalled = createTestConnector({ stall: new Promise<void>(() => undefined) });
    const before = createConnectorRuntime({ userData, connectors: [stalled], secrets, http: { proxyEnv: {} } });
    await before.configure('test-feed', { apiKey: KEY, batches: 2 }, 'PT6H');
    await before.runNow('test-feed');
    for (let tries = 0; (await before.summary('test-feed')).pendingBatches === 0; tries += 1) {
      if (tries > 200) throw new Error('the run never emitted');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // The first runtime is dropped here as if the app had been killed: nothing is stopped or flushed.

    const after = runtimeOver(userData, [createTestConnector()], secrets);
    const summary = await after.summary('test-feed');
    expect(summary.lastRun).toMatchObject({ status: 'failed', error: 'Magpie was closed before the run finished.' });
    expect(summary.pendingBatches).toBe(1);
    const [interruptedLog] = await after.logs('test-feed');
    expect(interruptedLog).toMatchObject({ status: 'failed' });

    const served = await drain(after);
    expect(values(served)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2']);
    expect(await after.inboxNext()).toBeNull();
    expect((await stateFile(userData)).cursor).toEqual({});

    await after.runNow('test-feed');
    await after.idle();
    const rerun = await drain(after);
    expect(values(rerun)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5']);
    expect((await stateFile(userData)).cursor).toEqual({ next: 6 });
    expect((await after.summary('test-feed')).lastSuccess?.runId).toBe(rerun[0]?.runId);
  });

  it('serves again after a restart the batches of a finished run that were never acknowledged, then commits', async () => {
    const userData = await profile();
    const secrets = createMemorySecretStore();
    const first = runtimeOver(userData, [createTestConnector()], secrets);
    await first.configure('test-feed', { apiKey: KEY }, 'PT6H');
    await first.runNow('test-feed');
    await first.idle();
    const batch = await first.inboxNext();
    if (!batch) throw new Error('expected a batch');
    await first.inboxAck(batch.runId, batch.seq, counts);

    const second = runtimeOver(userData, [createTestConnector()], secrets);
    expect((await second.summary('test-feed')).lastRun?.status).toBe('succeeded');
    expect((await stateFile(userData)).cursor).toEqual({});
    const rest = await drain(second);
    expect(rest.map((entry) => entry.seq)).toEqual([1]);
    expect((await stateFile(userData)).cursor).toEqual({ next: 6 });
  });

  it('stops a run with an invalid object before anything of that batch reaches the inbox', async () => {
    const broken: ConnectorDefinition = {
      ...createTestConnector(),
      run: async ({ emit }) => {
        await emit([ipv4('10.0.0.1'), { type: 'ipv4-addr', id: 'ipv4-addr--not-a-uuid', value: '10.0.0.2' }]);
        return { cursor: { next: 1 }, summary: 'never' };
      },
    };
    const runtime = runtimeOver(await profile(), [broken]);
    await runtime.configure('test-feed', { apiKey: KEY }, 'PT6H');
    await runtime.runNow('test-feed');
    await runtime.idle();
    const summary = await runtime.summary('test-feed');
    expect(summary.lastRun?.error).toMatch(/invalid STIX object \(ipv4-addr--not-a-uuid\)/);
    expect(summary.pendingBatches).toBe(0);
  });

  it('keeps secrets out of state files, validates settings and schedules', async () => {
    const userData = await profile();
    const secrets = createMemorySecretStore();
    const runtime = runtimeOver(userData, [createTestConnector()], secrets);
    await expect(runtime.configure('test-feed', { apiKey: 'x' }, 'PT6H')).rejects.toThrow(/API key/);
    await expect(runtime.configure('test-feed', { apiKey: KEY }, 'every day')).rejects.toThrow(/ISO 8601/);
    await expect(runtime.runNow('test-feed')).rejects.toThrow(/settings of Test feed are not valid/);
    await expect(runtime.summary('nope')).rejects.toThrow(/no connector "nope"/);

    const saved = await runtime.configure('test-feed', { apiKey: KEY, perBatch: 5 }, 'P1D');
    expect(saved).toMatchObject({ schedule: 'P1D', config: { apiKey: { set: true }, perBatch: 5, batches: 2 }, secretsPersistent: false });
    expect(saved.configSchema).toMatchObject({ properties: { apiKey: { title: 'API key', secret: true }, feedUrl: { widget: 'url' } } });
    expect(await secrets.get('connector:test-feed:apiKey')).toBe(KEY);
    expect(JSON.stringify(await stateFile(userData))).not.toContain(KEY);

    // Leaving the secret out keeps it; an empty string removes it.
    await runtime.configure('test-feed', { perBatch: 4 }, 'P1D');
    expect(await secrets.get('connector:test-feed:apiKey')).toBe(KEY);
    await expect(runtime.configure('test-feed', { apiKey: '' }, 'P1D')).rejects.toThrow(/API key/);
  });

  it('runs enabled connectors on their schedule, and a run-once connector switches itself off', async () => {
    const timers: { callback: () => void; ms: number }[] = [];
    const clock = { now: new Date('2026-03-01T00:00:00Z') };
    const userData = await profile();
    const runtime = createConnectorRuntime({
      userData,
      connectors: [createTestConnector()],
      secrets: createMemorySecretStore(),
      now: () => clock.now,
      timers: { set: (callback, ms) => timers.push({ callback, ms }), clear: () => undefined },
    });
    cleanups.push(() => runtime.stop());
    await runtime.configure('test-feed', { apiKey: KEY }, 'PT6H');
    expect((await runtime.summary('test-feed')).status).toBe('idle');
    const enabled = await runtime.setEnabled('test-feed', true);
    expect(enabled).toMatchObject({ status: 'scheduled', nextRunAt: '2026-03-01T00:00:00.000Z' });
    timers.at(-1)?.callback();
    await runtime.idle();
    const afterRun = await runtime.summary('test-feed');
    expect(afterRun).toMatchObject({ status: 'scheduled', nextRunAt: '2026-03-01T06:00:00.000Z', lastRun: { trigger: 'schedule', status: 'succeeded' } });
    expect(timers.at(-1)?.ms).toBe(6 * 3600 * 1000);

    const paused = await runtime.setEnabled('test-feed', false);
    expect(paused).toMatchObject({ status: 'idle', nextRunAt: null });

    await runtime.configure('test-feed', {}, 'once');
    await runtime.setEnabled('test-feed', true);
    timers.at(-1)?.callback();
    await runtime.idle();
    expect(await runtime.summary('test-feed')).toMatchObject({ enabled: false, nextRunAt: null, lastRun: { status: 'succeeded' } });
  });

  it('runs at most the configured number of connectors at once', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = createTestConnector({ stall: gate });
    const stalledToo: ConnectorDefinition = createTestConnector({ stall: gate });
    const other: ConnectorDefinition = { ...stalledToo, id: 'other-feed' };
    const runtime = runtimeOver(await profile(), [slow, other], createMemorySecretStore(), { maxConcurrent: 1 });
    await runtime.configure('test-feed', { apiKey: KEY }, 'PT6H');
    await runtime.configure('other-feed', { apiKey: KEY }, 'PT6H');
    await runtime.runNow('test-feed');
    await runtime.runNow('other-feed');
    expect(await runtime.runNow('test-feed')).toEqual({ queued: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await runtime.summary('other-feed')).lastRun).toBeNull();
    release();
    await runtime.idle();
    expect((await runtime.summary('other-feed')).lastRun?.status).toBe('succeeded');
  });
});

/**
 * The Malpedia connector hosted by the connector runtime, as the app runs it: the key kept
 * in the secret store, the version remembered in the state store once every batch is
 * delivered, the next run at the same version emitting nothing, a new version importing.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConnectorRuntime, type ConnectorRuntime } from '../runtime/runtime.ts';
import { createMemorySecretStore } from '../../services/secretStore.ts';
import { connector } from './index.ts';
import { serveMalpedia, type MalpediaServer } from './testing/malpediaServer.ts';

const KEY = 'malpedia-runtime-token-0123456789';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Acknowledges every waiting batch, as the renderer's drainer does; the number of objects. */
async function drain(runtime: ConnectorRuntime): Promise<number> {
  let objects = 0;
  for (let batch = await runtime.inboxNext(); batch !== null; batch = await runtime.inboxNext()) {
    objects += batch.objects.length;
    await runtime.inboxAck(batch.runId, batch.seq, { created: batch.objects.length, updated: 0, rejected: 0 });
  }
  return objects;
}

async function runOnce(runtime: ConnectorRuntime): Promise<number> {
  await runtime.runNow('malpedia');
  await runtime.idle();
  const summary = await runtime.summary('malpedia');
  if (summary.lastRun?.status !== 'succeeded') throw new Error(`the run did not succeed: ${summary.lastRun?.error ?? 'no run'}`);
  return drain(runtime);
}

describe('Malpedia in the connector runtime', { timeout: 20_000 }, () => {
  it('keeps the version it imported with the key in the secret store, and emits nothing again while the library is unchanged', async () => {
    const malpedia: MalpediaServer = await serveMalpedia({ version: 100, apiKey: KEY });
    cleanups.push(malpedia.close);
    const userData = await mkdtemp(join(tmpdir(), 'magpie-malpedia-'));
    const secrets = createMemorySecretStore();
    const runtime = createConnectorRuntime({ userData, connectors: [connector], secrets, http: { proxyEnv: {}, retries: 0 } });
    cleanups.push(() => runtime.stop());
    await runtime.configure('malpedia', { baseUrl: malpedia.origin, apiKey: KEY }, 'P1D');

    expect(await runOnce(runtime)).toBeGreaterThan(20);
    const state = JSON.parse(await readFile(join(userData, 'connectors', 'malpedia', 'state.json'), 'utf8')) as Record<string, unknown>;
    expect(state['cursor']).toMatchObject({ version: 100 });
    // The key is in the secret store, not in the state file written to disk.
    expect(JSON.stringify(state)).not.toContain(KEY);

    expect(await runOnce(runtime)).toBe(0);
    expect((await runtime.summary('malpedia')).lastRun?.summary).toBe('Malpedia version 100 already imported; nothing new');

    // A new version where nothing this import reads changed: the version is kept, nothing is sent.
    malpedia.version = 101;
    expect(await runOnce(runtime)).toBe(0);
    expect((await runtime.summary('malpedia')).lastRun?.summary).toMatch(/^Malpedia version 101: 3 families, 1 actors, 3 YARA rules, 1 samples \(\d+ objects, 0 new or changed\)$/);
    const kept = JSON.parse(await readFile(join(userData, 'connectors', 'malpedia', 'state.json'), 'utf8')) as Record<string, unknown>;
    expect(kept['cursor']).toMatchObject({ version: 101 });
  });
});

/**
 * The TAXII publishing channels (issue 18) through the one dispatcher main and the harness
 * use: requests checked against core/ipc's schemas, progress sent as `task:progress`
 * under the renderer's task id, a server's refusal shown as worded.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../core/ipc/channels.ts';
import { startTaxiiServer, type TaxiiTestServer } from '../../testkit/taxiiServer.ts';
import { createMainServices } from '../app/mainServices.ts';

const appInfo: AppInfo = { name: 'Magpie', version: '1.2.3', platform: 'linux', runtime: 'harness', versions: { electron: null, chrome: null, node: '24.0.0' } };
const app = { url: 'app://magpie/index.html', isMainFrame: true };

const indicator = (index: number): Record<string, unknown> => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--2e4b6d8f-0a1c-4e3f-9b5d-${String(index).padStart(12, '0')}`,
  created: '2025-06-01T00:00:00.000Z',
  modified: '2025-06-01T00:00:00.000Z',
  pattern: "[domain-name:value = 'c2.example']",
  pattern_type: 'stix',
  valid_from: '2025-06-01T00:00:00Z',
});

async function services() {
  const sent: [string, unknown][] = [];
  const built = createMainServices({
    appInfo,
    userData: await mkdtemp(join(tmpdir(), 'magpie-taxii-ipc-')),
    appOrigin: 'app://magpie',
    openExternal: () => Promise.resolve(),
    chooseSavePath: () => Promise.resolve(null),
    send: (event, payload) => sent.push([event, payload]),
    log: { warn: vi.fn(), error: vi.fn() },
  });
  return { ...built, sent };
}

describe('taxii-publish channels', () => {
  let server: TaxiiTestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('adds a server, lists its writable collections, publishes with progress under the task id, and never returns the secret', async () => {
    server = await startTaxiiServer({ objects: [], writable: { maxContentLength: 1_500 }, auth: { username: 'analyst', password: 's3cret' } });
    const { dispatch, sent, stop } = await services();
    try {
      const saved = await dispatch('taxii-publish:save-server', { title: 'Team', url: server.discoveryUrl, auth: 'basic', username: 'analyst', secret: 's3cret' }, app);
      expect(saved).toMatchObject({ ok: true, value: { title: 'Team', auth: 'basic', username: 'analyst', secretSet: true } });
      expect(JSON.stringify(saved)).not.toContain('s3cret');
      const id = saved.ok ? (saved.value as { id: string }).id : '';
      const listed = await dispatch('taxii-publish:collections', { serverId: id }, app);
      expect(listed).toMatchObject({ ok: true, value: [{ title: 'Test collection', canWrite: true, maxContentLength: 1_500 }] });
      const collection = listed.ok ? (listed.value as { apiRoot: string; id: string }[])[0] : undefined;

      const published = await dispatch('taxii-publish:publish', { serverId: id, apiRoot: collection?.apiRoot, collectionId: collection?.id, taskId: 'publish-1', objects: Array.from({ length: 12 }, (_, index) => indicator(index)) }, app);
      expect(published).toMatchObject({ ok: true, value: { total: 12, succeeded: 12, failures: [], pending: [] } });
      const progress = sent.filter(([event]) => event === 'task:progress').map(([, payload]) => payload as { taskId: string; done: number; total: number });
      expect(progress.length).toBeGreaterThan(2);
      expect(progress.every((step) => step.taskId === 'publish-1' && step.total === 12)).toBe(true);
      expect(progress.at(-1)?.done).toBe(12);
    } finally {
      await stop();
    }
  });

  it("shows the server's refusal as worded, and refuses a request that is not one", async () => {
    server = await startTaxiiServer({ objects: [], writable: {}, auth: { token: 'right' } });
    const { dispatch, stop } = await services();
    try {
      const saved = await dispatch('taxii-publish:save-server', { title: 'Team', url: server.discoveryUrl, auth: 'bearer', secret: 'wrong' }, app);
      const id = saved.ok ? (saved.value as { id: string }).id : '';
      await expect(dispatch('taxii-publish:collections', { serverId: id }, app)).resolves.toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused the credentials \(HTTP 401\)/) as unknown } });
      await expect(dispatch('taxii-publish:save-server', { title: 'Bad', url: 'file:///etc/passwd', auth: 'none' }, app)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      await expect(dispatch('taxii-publish:publish', { serverId: id, apiRoot: 'x', collectionId: 'y', taskId: 't', objects: [] }, app)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    } finally {
      await stop();
    }
  });
});

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTaxiiServeHandlers } from './taxiiServeHandlers.ts';
import { createTaxiiServeService } from '../taxiiServer/service.ts';
import { createMemorySource } from '../taxiiServer/testing/memorySource.ts';
import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../core/ipc/channels.ts';
import { createMainServices } from '../app/mainServices.ts';
import { createConnectorRuntime } from '../connectors/runtime/runtime.ts';
import { createMemorySecretStore } from '../services/secretStore.ts';
import { createDispatcher, HandlerError, trustedOrigin, type Handlers } from './dispatcher.ts';
import { createEnrichmentService } from '../enrichment/service.ts';
import { createStreamService } from '../streams/service.ts';
import { createTargetFactory } from '../streams/targetFactory.ts';
import { createEnrichmentHandlers } from './enrichmentHandlers.ts';
import { createArchiveWriter } from '../backup/archiveWriter.ts';
import { createBackupScheduler } from '../backup/schedule.ts';
import { createBackupHandlers } from './backupHandlers.ts';
import { createStreamHandlers } from './streamHandlers.ts';
import { createTaxiiPublishHandlers } from './taxiiPublishHandlers.ts';
import { createTaxiiPublishService } from '../taxiiPublish/service.ts';
import { createConnectorHandlers } from './handlers.ts';

const appInfo: AppInfo = {
  name: 'Magpie',
  version: '1.2.3',
  platform: 'linux',
  runtime: 'electron',
  versions: { electron: '45.4.1', chrome: '144.0.0.0', node: '24.0.0' },
};
const app = { url: 'app://magpie/index.html', isMainFrame: true };

async function services() {
  const exportDir = await mkdtemp(join(tmpdir(), 'magpie-exports-'));
  const sent: unknown[][] = [];
  const opened: string[] = [];
  const log = { warn: vi.fn(), error: vi.fn() };
  const built = createMainServices({
    appInfo,
    userData: await mkdtemp(join(tmpdir(), 'magpie-dispatch-')),
    appOrigin: 'app://magpie',
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    chooseSavePath: (name) => Promise.resolve(name === 'cancel.json' ? null : join(exportDir, name)),
    send: (event, payload) => sent.push([event, payload]),
    log,
  });
  return { ...built, sent, opened, log, exportDir };
}

describe('dispatch', () => {
  it('answers a valid request from the app window', async () => {
    const { dispatch } = await services();
    await expect(dispatch('app:info', undefined, app)).resolves.toEqual({ ok: true, value: appInfo });
  });

  it('saves settings and tells every window', async () => {
    const { dispatch, sent } = await services();
    const result = await dispatch('settings:update', { language: 'ja' }, app);
    expect(result).toEqual({ ok: true, value: { language: 'ja', theme: 'system' } });
    expect(sent).toEqual([['settings:changed', { language: 'ja', theme: 'system' }]]);
    await expect(dispatch('settings:get', undefined, app)).resolves.toEqual(result);
  });

  it('rejects a malformed request with the path of each problem and changes nothing', async () => {
    const { dispatch, sent } = await services();
    const result = await dispatch('settings:update', { language: 'klingon', extra: true }, app);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.issues?.map((issue) => issue.path).sort()).toEqual(['', '/language']);
    expect(sent).toEqual([]);
    await expect(dispatch('settings:get', undefined, app)).resolves.toEqual({ ok: true, value: { language: 'system', theme: 'system' } });
  });

  it('rejects a payload on a channel that takes none', async () => {
    const { dispatch } = await services();
    await expect(dispatch('app:info', { leak: true }, app)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('rejects channels outside the contract, including prototype keys', async () => {
    const { dispatch } = await services();
    for (const channel of ['fs:read', 'constructor', '__proto__', 42, null]) {
      await expect(dispatch(channel, undefined, app)).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('refuses requests from other origins and from sub-frames', async () => {
    const { dispatch, log } = await services();
    for (const sender of [
      { url: 'https://evil.example/index.html', isMainFrame: true },
      { url: 'file:///tmp/index.html', isMainFrame: true },
      { url: 'app://magpie.evil/index.html', isMainFrame: true },
      { url: 'app://magpie/index.html', isMainFrame: false },
      { url: '', isMainFrame: true },
    ]) {
      await expect(dispatch('settings:get', undefined, sender)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(log.warn).toHaveBeenCalled();
  });

  it('hands only http(s) links to the OS browser', async () => {
    const { dispatch, opened } = await services();
    await dispatch('shell:open-external', { url: 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog' }, app);
    await dispatch('shell:open-external', { url: 'file:///etc/passwd' }, app);
    expect(opened).toEqual(['https://www.cisa.gov/known-exploited-vulnerabilities-catalog']);
  });
});

describe('file:save', () => {
  it('writes the content where the analyst chose, and nothing when they cancel', async () => {
    const { dispatch, exportDir } = await services();
    const saved = await dispatch('file:save', { suggestedName: 'bundle.json', content: '{"type":"bundle"}' }, app);
    expect(saved).toEqual({ ok: true, value: { saved: true, path: join(exportDir, 'bundle.json') } });
    expect(await readFile(join(exportDir, 'bundle.json'), 'utf8')).toBe('{"type":"bundle"}');
    await expect(dispatch('file:save', { suggestedName: 'cancel.json', content: 'x' }, app)).resolves.toEqual({ ok: true, value: { saved: false, path: null } });
  });

  it('writes binary files (a PNG of the graph) sent as base64 byte for byte', async () => {
    const { dispatch, exportDir } = await services();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    await dispatch('file:save', { suggestedName: 'graph.png', content: png.toString('base64'), encoding: 'base64' }, app);
    expect(await readFile(join(exportDir, 'graph.png'))).toEqual(png);
  });

  it('refuses names that would leave the chosen folder', async () => {
    const { dispatch } = await services();
    for (const suggestedName of ['../escape.json', 'a/b.json', 'C:\\x.json', '']) {
      await expect(dispatch('file:save', { suggestedName, content: 'x' }, app)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });
});

describe('file:save-folder', () => {
  it('writes a MISP feed\'s files into a folder where the analyst chose, and refuses names that are paths', async () => {
    const { dispatch, exportDir } = await services();
    const files = [{ name: 'manifest.json', content: '{}' }, { name: 'hashes.csv', content: '' }, { name: '5c7cdc3b-2f40-4dca-8200-276c0a00020f.json', content: '{"Event":{}}' }];
    const saved = await dispatch('file:save-folder', { suggestedName: 'magpie-misp-feed', files }, app);
    expect(saved).toEqual({ ok: true, value: { saved: true, path: join(exportDir, 'magpie-misp-feed') } });
    expect(await readFile(join(exportDir, 'magpie-misp-feed', '5c7cdc3b-2f40-4dca-8200-276c0a00020f.json'), 'utf8')).toBe('{"Event":{}}');
    for (const name of ['../manifest.json', 'a/b.json', '.hidden', '']) {
      await expect(dispatch('file:save-folder', { suggestedName: 'feed', files: [{ name, content: 'x' }] }, app)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });
});

describe('handler failures', () => {
  // The connector handlers are never called here; their runtime is never started.
  const idleConnectors = createConnectorRuntime({ userData: '/nonexistent', connectors: [], secrets: createMemorySecretStore() });
  const idleEnrichment = createEnrichmentService({ userData: '/nonexistent', connectors: [], secrets: createMemorySecretStore() });
  const idleStreams = createStreamService({ userData: '/nonexistent', secrets: createMemorySecretStore(), targets: createTargetFactory() });
  const base: Omit<Handlers, 'app:info'> = {
    ...createConnectorHandlers(idleConnectors),
    ...createEnrichmentHandlers(idleEnrichment),
    ...createStreamHandlers(idleStreams),
    ...createTaxiiPublishHandlers(createTaxiiPublishService({ userData: '/nonexistent', secrets: createMemorySecretStore(), log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } }), () => undefined),
    ...createBackupHandlers({ writer: createArchiveWriter(), scheduler: createBackupScheduler({ userData: '/nonexistent', onDue: () => undefined, onChange: () => undefined, log: { warn: () => undefined } }), connectors: idleConnectors, chooseSavePath: () => Promise.resolve(null) }),
    'kb:answer': () => ({ accepted: false }),
    ...createTaxiiServeHandlers(createTaxiiServeService({ userData: '/nonexistent', source: createMemorySource(), warn: () => undefined })),
    'settings:get': () => ({ language: 'en', theme: 'light' }),
    'app:storage': () => ({ folder: '/nonexistent', bytes: 0 }),
    'settings:update': () => ({ language: 'en', theme: 'light' }),
    'shell:open-external': () => ({ opened: false }),
    'file:save': () => ({ saved: false, path: null }),
    'file:save-folder': () => ({ saved: false, path: null }),
  };

  it('turns an unexpected exception into a generic error without a stack trace', async () => {
    const log = { warn: vi.fn(), error: vi.fn() };
    const dispatch = createDispatcher({
      handlers: {
        ...base,
        'app:info': () => {
          throw new Error('ENOENT: /home/analyst/secret/path at Object.<anonymous> (main.ts:1:1)');
        },
      },
      isTrustedSender: () => true,
      log,
    });
    const result = await dispatch('app:info', undefined, app);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|main\.ts|ENOENT/);
    expect(log.error).toHaveBeenCalled();
  });

  it('passes a HandlerError message through, for refusals the user can act on', async () => {
    const dispatch = createDispatcher({
      handlers: {
        ...base,
        'app:info': () => {
          throw new HandlerError('The knowledge base is busy; try again when the import has finished.');
        },
      },
      isTrustedSender: () => true,
      log: { warn: vi.fn(), error: vi.fn() },
    });
    await expect(dispatch('app:info', undefined, app)).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: 'The knowledge base is busy; try again when the import has finished.' },
    });
  });

  it('refuses to send a response outside the contract', async () => {
    const log = { warn: vi.fn(), error: vi.fn() };
    const dispatch = createDispatcher({
      handlers: { ...base, 'app:info': () => ({ ...appInfo, secret: 'token' }) },
      isTrustedSender: () => true,
      log,
    });
    const result = await dispatch('app:info', undefined, app);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('token');
  });
});

describe('trustedOrigin', () => {
  it('matches scheme and host exactly, for custom schemes and loopback harness URLs', () => {
    const trusted = trustedOrigin('http://127.0.0.1:4173');
    expect(trusted({ url: 'http://127.0.0.1:4173/index.html#/settings', isMainFrame: true })).toBe(true);
    expect(trusted({ url: 'http://127.0.0.1:4174/index.html', isMainFrame: true })).toBe(false);
    expect(trusted({ url: 'http://localhost:4173/index.html', isMainFrame: true })).toBe(false);
  });
});

describe('settings file', () => {
  it('is written where the profile is, readable as JSON', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'magpie-settings-file-'));
    const { dispatch } = createMainServices({
      appInfo,
      userData,
      appOrigin: 'app://magpie',
      openExternal: () => Promise.resolve(),
      chooseSavePath: () => Promise.resolve(null),
      send: () => undefined,
      log: { warn: vi.fn(), error: vi.fn() },
    });
    await dispatch('settings:update', { theme: 'dark' }, app);
    expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))).toEqual({ language: 'system', theme: 'dark' });
  });
});

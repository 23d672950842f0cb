import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { requestChannelNames } from '../../core/ipc/channels.ts';
import { contentSecurityPolicy } from '../../core/security/contentSecurityPolicy.ts';
import type { SenderInfo } from '../ipc/dispatcher.ts';
import type { StaticResponse } from '../protocol/staticFiles.ts';
import type { GuardedContents } from '../security/webContentsGuards.ts';
import { secureWebPreferences } from '../security/windowPolicy.ts';
import { startApp, type AppWindow, type ElectronPorts } from './startApp.ts';

/** A stand-in for Electron that records what start-up asked of it, in order. */
function fakeElectron({ lock = true } = {}) {
  const calls: string[] = [];
  const ipc = new Map<string, (sender: SenderInfo, payload: unknown) => Promise<unknown>>();
  const protocols = new Map<string, (url: string) => Promise<StaticResponse>>();
  const listeners = new Map<string, () => void>();
  const windows: { options: Parameters<ElectronPorts['createWindow']>[0]; loaded: string[] }[] = [];
  let onContents: ((contents: GuardedContents) => void) | undefined;
  let permissionRequest: ((permission: string, grant: (granted: boolean) => void) => void) | undefined;
  let permissionCheck: ((permission: string) => boolean) | undefined;

  const ports: ElectronPorts = {
    enableSandbox: () => calls.push('enableSandbox'),
    registerSchemesAsPrivileged: (schemes) => calls.push(`registerSchemes:${schemes.map((s) => s.scheme).join(',')}`),
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock');
      return lock;
    },
    quit: () => calls.push('quit'),
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    onSecondInstance: (listener) => listeners.set('second-instance', listener),
    onActivate: (listener) => listeners.set('activate', listener),
    onWindowAllClosed: (listener) => listeners.set('window-all-closed', listener),
    onBeforeQuit: (listener) => listeners.set('before-quit', listener),
    onWebContentsCreated: (listener) => (onContents = listener),
    setPermissionRequestHandler: (handler) => (permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (permissionCheck = handler),
    handleProtocol: (scheme, handler) => protocols.set(scheme, handler),
    handleIpc: (channel, listener) => ipc.set(channel, listener),
    createWindow: (options) => {
      const record = { options, loaded: [] as string[] };
      windows.push(record);
      const window: AppWindow = {
        loadURL: (url) => {
          record.loaded.push(url);
          return Promise.resolve();
        },
        show: vi.fn(),
        focus: () => calls.push('focus'),
        restore: vi.fn(),
        isMinimized: () => false,
        onReadyToShow: vi.fn(),
        onClosed: vi.fn(),
      };
      return window;
    },
    sendToAllWindows: vi.fn(),
    openExternal: vi.fn(() => Promise.resolve()),
    showSaveDialog: vi.fn(() => Promise.resolve(null)),
  };
  return {
    ports,
    calls,
    ipc,
    protocols,
    listeners,
    windows,
    contentsCreated: (contents: GuardedContents) => onContents?.(contents),
    permissionRequest: (permission: string) =>
      new Promise<boolean>((done) => {
        permissionRequest?.(permission, done);
      }),
    permissionCheck: (permission: string) => permissionCheck?.(permission),
  };
}

async function start(options?: { lock?: boolean }) {
  const electron = fakeElectron(options);
  const userData = await mkdtemp(join(tmpdir(), 'magpie-start-'));
  const renderer = join(userData, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html>');
  const running = startApp({
    ports: electron.ports,
    appInfo: { name: 'Magpie', version: '0.1.0', platform: 'linux', runtime: 'electron', versions: { electron: '45.4.1', chrome: '1', node: '24' } },
    paths: { userData, renderer, preload: '/out/preload/index.cjs' },
    platform: 'linux',
    log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
  });
  await running.ready;
  return { ...electron, running };
}

describe('startApp', () => {
  it('enables the sandbox and registers app:// before the app is ready', async () => {
    const { calls } = await start();
    expect(calls.slice(0, 4)).toEqual(['enableSandbox', 'registerSchemes:app', 'requestSingleInstanceLock', 'whenReady']);
  });

  it('quits at once when another instance holds the lock, opening no window', async () => {
    const { calls, windows, running } = await start({ lock: false });
    expect(running.primary).toBe(false);
    expect(calls).toContain('quit');
    expect(calls).not.toContain('whenReady');
    expect(windows).toHaveLength(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { listeners, calls } = await start();
    listeners.get('second-instance')?.();
    expect(calls).toContain('focus');
  });

  it('opens one window with the secure preferences, loaded from app://', async () => {
    const { windows } = await start();
    expect(windows).toHaveLength(1);
    expect(windows[0]?.options.webPreferences).toEqual(secureWebPreferences('/out/preload/index.cjs'));
    expect(windows[0]?.loaded).toEqual(['app://magpie/index.html']);
  });

  it('denies every permission request and check but durable storage for the knowledge base', async () => {
    const app = await start();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      await expect(app.permissionRequest(permission)).resolves.toBe(false);
      expect(app.permissionCheck(permission)).toBe(false);
    }
    await expect(app.permissionRequest('persistent-storage')).resolves.toBe(true);
    expect(app.permissionCheck('persistent-storage')).toBe(true);
  });

  it('serves the renderer through app:// with the CSP', async () => {
    const { protocols } = await start();
    const response = await protocols.get('app')?.('app://magpie/index.html');
    expect(response?.status).toBe(200);
    expect(response?.headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
  });

  it('registers exactly the contract channels, each validating its sender', async () => {
    const { ipc } = await start();
    expect([...ipc.keys()].sort()).toEqual([...requestChannelNames].sort());
    const foreign = await ipc.get('settings:get')?.({ url: 'https://evil.example/', isMainFrame: true }, undefined);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const own = await ipc.get('settings:get')?.({ url: 'app://magpie/index.html', isMainFrame: true }, undefined);
    expect(own).toMatchObject({ ok: true });
  });

  it('hardens every webContents that is created', async () => {
    const app = await start();
    const contents = { setWindowOpenHandler: vi.fn(), onNavigationAttempt: vi.fn(), onWebviewAttach: vi.fn() };
    app.contentsCreated(contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.onNavigationAttempt).toHaveBeenCalledOnce();
    expect(contents.onWebviewAttach).toHaveBeenCalledOnce();
  });
});

/**
 * Magpie's main-process start-up, written against narrow ports instead of the electron
 * module so every security decision here is unit-tested under Node. main/electron/ maps
 * the real Electron API onto these ports.
 */
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';
import { requestChannelNames, type AppInfo, type EventChannel } from '../../core/ipc/channels.ts';
import type { Logger, SenderInfo } from '../ipc/dispatcher.ts';
import { createStaticFileServer, type StaticResponse } from '../protocol/staticFiles.ts';
import { hardenWebContents, type GuardedContents } from '../security/webContentsGuards.ts';
import { appEntryUrl, appOrigin, appScheme, appSchemePrivileges, mainWindowOptions } from '../security/windowPolicy.ts';
import { join } from 'node:path';
import { createEncryptedSecretStore, createMemorySecretStore, type SecretCipher } from '../services/secretStore.ts';
import { createMainServices } from './mainServices.ts';
import { startLocalApi, type LocalApi } from '../localApi/service.ts';

export interface AppWindow {
  loadURL: (url: string) => Promise<void>;
  show: () => void;
  focus: () => void;
  restore: () => void;
  isMinimized: () => boolean;
  onReadyToShow: (listener: () => void) => void;
  onClosed: (listener: () => void) => void;
}

export interface ElectronPorts {
  enableSandbox: () => void;
  registerSchemesAsPrivileged: (schemes: CustomScheme[]) => void;
  requestSingleInstanceLock: () => boolean;
  quit: () => void;
  whenReady: () => Promise<void>;
  onSecondInstance: (listener: () => void) => void;
  onActivate: (listener: () => void) => void;
  onWindowAllClosed: (listener: () => void) => void;
  /** Before the app quits: connector runs are cancelled so their state is written as failed, not cut off. */
  onBeforeQuit?: (listener: () => void) => void;
  onWebContentsCreated: (listener: (contents: GuardedContents) => void) => void;
  setPermissionRequestHandler: (handler: (permission: string, grant: (granted: boolean) => void) => void) => void;
  setPermissionCheckHandler: (handler: (permission: string) => boolean) => void;
  handleProtocol: (scheme: string, handler: (url: string) => Promise<StaticResponse>) => void;
  handleIpc: (channel: string, listener: (sender: SenderInfo, payload: unknown) => Promise<unknown>) => void;
  createWindow: (options: BrowserWindowConstructorOptions) => AppWindow;
  sendToAllWindows: (event: EventChannel, payload: unknown) => void;
  openExternal: (url: string) => Promise<void>;
  showSaveDialog: (suggestedName: string) => Promise<string | null>;
  /** The OS keychain (Electron safeStorage) for connector secrets; without it they stay in memory. */
  secretCipher?: SecretCipher;
}

export interface StartOptions {
  ports: ElectronPorts;
  appInfo: AppInfo;
  paths: { userData: string; renderer: string; preload: string };
  platform: string;
  log: Logger & { info(message: string): void };
  /**
   * `--serve [--port N]`: the local API on 127.0.0.1 once the window is up (issue 18);
   * `--headless`: the window is never shown (the knowledge base still runs in it).
   */
  launch?: { serve: boolean; port: number; headless: boolean };
}

export interface RunningApp {
  /** Resolves once the first window has loaded, or at once when another instance owns the lock. */
  ready: Promise<void>;
  primary: boolean;
}

/**
 * The one permission the window gets: durable storage, so the browser layer never evicts
 * the knowledge base under disk pressure (navigator.storage.persist()). Everything else —
 * camera, location, notifications… — is refused.
 */
const grantedPermissions: ReadonlySet<string> = new Set(['persistent-storage']);

export function startApp({ ports, appInfo, paths, platform, log, launch }: StartOptions): RunningApp {
  // Must happen before `ready`: Electron only honours these during start-up.
  ports.enableSandbox();
  ports.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);

  if (!ports.requestSingleInstanceLock()) {
    // A second launch hands over to the running window instead of opening another database.
    ports.quit();
    return { ready: Promise.resolve(), primary: false };
  }

  let mainWindow: AppWindow | null = null;
  const guardOptions = { openExternal: ports.openExternal, warn: (message: string) => log.warn(message) };
  ports.onWebContentsCreated((contents) => hardenWebContents(contents, guardOptions));

  let localApi: LocalApi | null = null;
  const { dispatch, stop, kb } = createMainServices({
    appInfo,
    userData: paths.userData,
    appOrigin,
    openExternal: ports.openExternal,
    chooseSavePath: ports.showSaveDialog,
    send: ports.sendToAllWindows,
    windowCount: () => (mainWindow ? 1 : 0),
    log,
    secrets: ports.secretCipher
      ? createEncryptedSecretStore(join(paths.userData, 'connector-secrets.json'), ports.secretCipher, (message) => log.warn(message))
      : createMemorySecretStore(),
  });

  function openMainWindow(): AppWindow {
    const window = ports.createWindow(mainWindowOptions(paths.preload));
    if (!launch?.headless) window.onReadyToShow(() => window.show());
    window.onClosed(() => {
      mainWindow = null;
    });
    mainWindow = window;
    return window;
  }

  ports.onSecondInstance(() => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  ports.onWindowAllClosed(() => {
    if (platform !== 'darwin') ports.quit();
  });
  ports.onBeforeQuit?.(() => {
    void localApi?.stop();
    void stop().catch((error: unknown) => log.warn(`Connectors and streams did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`));
  });

  const ready = ports.whenReady().then(async () => {
    ports.setPermissionRequestHandler((permission, grant) => {
      const granted = grantedPermissions.has(permission);
      if (!granted) log.warn(`Denied a permission request: ${permission}`);
      grant(granted);
    });
    ports.setPermissionCheckHandler((permission) => grantedPermissions.has(permission));

    const serveFile = createStaticFileServer(paths.renderer);
    ports.handleProtocol(appScheme, (url) => serveFile(new URL(url).pathname));
    for (const channel of requestChannelNames) {
      ports.handleIpc(channel, (sender, payload) => dispatch(channel, payload, sender));
    }

    ports.onActivate(() => {
      if (!mainWindow) void openMainWindow().loadURL(appEntryUrl);
    });
    await openMainWindow().loadURL(appEntryUrl);
    log.info(`Magpie ${appInfo.version} started`);
    if (launch?.serve) {
      localApi = await startLocalApi({ profileDir: paths.userData, broker: kb, port: launch.port, version: appInfo.version });
      log.info(`Local API at ${localApi.url} (token in ${localApi.apiFile})`);
    }
  });
  return { ready, primary: true };
}

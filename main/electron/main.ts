/**
 * Electron entry point: the only module that touches the electron API. It maps Electron
 * onto the ports of startApp and does nothing else, so the behaviour lives in tested code.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell, webContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElectronPorts } from '../app/startApp.ts';
import { startApp } from '../app/startApp.ts';
import { launchOptions } from '../app/launchOptions.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

const log = {
  info: (message: string) => console.info(`[magpie] ${message}`),
  warn: (message: string, detail?: unknown) => console.warn(`[magpie] ${message}`, detail ?? ''),
  error: (message: string, detail?: unknown) => console.error(`[magpie] ${message}`, detail ?? ''),
};

const ports: ElectronPorts = {
  enableSandbox: () => app.enableSandbox(),
  registerSchemesAsPrivileged: (schemes) => protocol.registerSchemesAsPrivileged(schemes),
  requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
  quit: () => app.quit(),
  whenReady: () => app.whenReady(),
  onSecondInstance: (listener) => app.on('second-instance', listener),
  onActivate: (listener) => app.on('activate', listener),
  onWindowAllClosed: (listener) => app.on('window-all-closed', listener),
  onBeforeQuit: (listener) => app.on('before-quit', listener),
  onWebContentsCreated: (listener) =>
    app.on('web-contents-created', (_event, contents) =>
      listener({
        setWindowOpenHandler: (handler) => contents.setWindowOpenHandler(handler),
        onNavigationAttempt: (guard) => {
          contents.on('will-navigate', (event) => guard(event, event.url));
          contents.on('will-redirect', (event) => guard(event, event.url));
          contents.on('will-frame-navigate', (event) => guard(event, event.url));
        },
        onWebviewAttach: (guard) => contents.on('will-attach-webview', (event) => guard(event)),
      }),
    ),
  setPermissionRequestHandler: (handler) =>
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => handler(permission, callback)),
  setPermissionCheckHandler: (handler) =>
    session.defaultSession.setPermissionCheckHandler((_contents, permission) => handler(permission)),
  handleProtocol: (scheme, handler) =>
    protocol.handle(scheme, async (request) => {
      const response = await handler(request.url);
      return new Response(Buffer.from(response.body), { status: response.status, headers: response.headers });
    }),
  handleIpc: (channel, listener) =>
    ipcMain.handle(channel, (event, payload: unknown) =>
      listener(
        {
          url: event.senderFrame?.url ?? '',
          isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
        },
        payload,
      ),
    ),
  createWindow: (options) => {
    const window = new BrowserWindow(options);
    return {
      loadURL: (url) => window.loadURL(url),
      show: () => window.show(),
      focus: () => window.focus(),
      restore: () => window.restore(),
      isMinimized: () => window.isMinimized(),
      onReadyToShow: (listener) => window.once('ready-to-show', listener),
      onClosed: (listener) => window.on('closed', listener),
    };
  },
  sendToAllWindows: (event, payload) => {
    for (const contents of webContents.getAllWebContents()) contents.send(event, payload);
  },
  openExternal: (url) => shell.openExternal(url),
  showSaveDialog: async (suggestedName) => {
    const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
    const owner = BrowserWindow.getFocusedWindow();
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  secretCipher: {
    isAvailable: async () => {
      await app.whenReady();
      // Linux without a keyring falls back to a fixed key ("basic_text"): no better than clear text.
      if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return false;
      return safeStorage.isAsyncEncryptionAvailable();
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (encrypted) => (await safeStorage.decryptStringAsync(encrypted)).result,
  },
};

const running = startApp({
  ports,
  appInfo: {
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    runtime: 'electron',
    versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
  },
  paths: {
    userData: app.getPath('userData'),
    renderer: join(here, '../renderer'),
    preload: join(here, '../preload/index.cjs'),
  },
  platform: process.platform,
  log,
  launch: launchOptions(process.argv),
});

running.ready.catch((error: unknown) => {
  log.error('Magpie could not start', error);
  app.exit(1);
});

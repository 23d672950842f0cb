/**
 * The settings every Magpie window is created with, and the origin it is served from.
 * Kept as data so unit tests can assert them without Electron.
 */
import type { BrowserWindowConstructorOptions, CustomScheme, WebPreferences } from 'electron';

/** The renderer is served from a privileged custom scheme, never from `file://`. */
export const appScheme = 'app';
export const appOrigin = 'app://magpie';
export const appEntryUrl = `${appOrigin}/index.html`;

export const appSchemePrivileges: CustomScheme['privileges'] = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  codeCache: true,
  allowServiceWorkers: false,
  bypassCSP: false,
  corsEnabled: false,
};

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click would otherwise try to open links in a new window.
    disableBlinkFeatures: 'Auxclick',
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Magpie',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

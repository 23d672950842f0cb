import { describe, expect, it } from 'vitest';
import { appEntryUrl, appSchemePrivileges, mainWindowOptions, secureWebPreferences } from './windowPolicy.ts';

describe('window security baseline', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolates the page from preload and Node, in a sandboxed renderer', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and experimental or risky features off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('is what the main window is created with', () => {
    expect(mainWindowOptions('/p.cjs').webPreferences).toEqual(secureWebPreferences('/p.cjs'));
  });

  it('serves the renderer from a secure standard app:// scheme, not file://', () => {
    expect(appEntryUrl).toBe('app://magpie/index.html');
    expect(appSchemePrivileges).toMatchObject({ standard: true, secure: true, bypassCSP: false });
  });
});

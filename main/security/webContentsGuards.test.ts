import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, type GuardedContents, type Preventable } from './webContentsGuards.ts';

function fakeContents() {
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  let navigation: ((event: Preventable, url: string) => void) | undefined;
  let webview: ((event: Preventable) => void) | undefined;
  const contents: GuardedContents = {
    setWindowOpenHandler: (handler) => (openHandler = handler),
    onNavigationAttempt: (listener) => (navigation = listener),
    onWebviewAttach: (listener) => (webview = listener),
  };
  const event = () => ({ preventDefault: vi.fn() });
  return {
    contents,
    open: (url: string) => openHandler?.({ url }),
    navigate: (url: string) => {
      const e = event();
      navigation?.(e, url);
      return e;
    },
    attachWebview: () => {
      const e = event();
      webview?.(e);
      return e;
    },
  };
}

function harden() {
  const fake = fakeContents();
  const openExternal = vi.fn(() => Promise.resolve());
  const warn = vi.fn();
  hardenWebContents(fake.contents, { openExternal, warn });
  return { ...fake, openExternal, warn };
}

describe('webContents guards', () => {
  it('never opens a new Electron window; web links go to the OS browser', () => {
    const app = harden();
    expect(app.open('https://attack.mitre.org/groups/G0016/')).toEqual({ action: 'deny' });
    expect(app.openExternal).toHaveBeenCalledWith('https://attack.mitre.org/groups/G0016/');
  });

  it('opens nothing at all for non-web links', () => {
    const app = harden();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ms-msdt:/id PCWDiagnostic', 'app://magpie/index.html']) {
      expect(app.open(url)).toEqual({ action: 'deny' });
    }
    expect(app.openExternal).not.toHaveBeenCalled();
    expect(app.warn).toHaveBeenCalledTimes(4);
  });

  it('blocks every navigation away from the loaded page', () => {
    const app = harden();
    for (const url of ['https://evil.example/', 'app://magpie/other.html', 'file:///tmp/x.html']) {
      expect(app.navigate(url).preventDefault).toHaveBeenCalledOnce();
    }
  });

  it('blocks <webview> attachment', () => {
    expect(harden().attachWebview().preventDefault).toHaveBeenCalledOnce();
  });
});

/**
 * Rules applied to every webContents Magpie creates: no new windows, no navigation away
 * from the app, no <webview>, and web links handed to the OS browser only.
 */
import { ExternalUrl } from '../../core/ipc/channels.ts';

export interface Preventable {
  preventDefault(): void;
}

/** The parts of Electron's WebContents the guards use, so tests can pass a fake. */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  /** `will-navigate`, `will-redirect` and `will-frame-navigate`. */
  onNavigationAttempt(listener: (event: Preventable, url: string) => void): void;
  /** `will-attach-webview`. */
  onWebviewAttach(listener: (event: Preventable) => void): void;
}

export interface GuardOptions {
  openExternal: (url: string) => Promise<void>;
  warn: (message: string) => void;
}

export function isSafeExternalUrl(url: string): boolean {
  return ExternalUrl.safeParse(url).success;
}

export function hardenWebContents(contents: GuardedContents, { openExternal, warn }: GuardOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      openExternal(url).catch(() => warn(`Could not open ${url} in the system browser`));
    } else {
      warn(`Blocked a window for ${url.slice(0, 200)}`);
    }
    return { action: 'deny' };
  });
  contents.onNavigationAttempt((event, url) => {
    // The app is a single page; every navigation is either a bug or an attack.
    event.preventDefault();
    warn(`Blocked navigation to ${url.slice(0, 200)}`);
  });
  contents.onWebviewAttach((event) => {
    event.preventDefault();
    warn('Blocked a <webview>');
  });
}

/**
 * The contextBridge: exposes one object, `window.magpie`, built from the IPC contract.
 * Nothing else from Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../core/ipc/bridge.ts';

const bridge = createBridge({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (event, listener) => {
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});

contextBridge.exposeInMainWorld('magpie', bridge);

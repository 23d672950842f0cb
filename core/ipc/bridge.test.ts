import { describe, expect, it, vi } from 'vitest';
import { createBridge, type BridgeTransport } from './bridge.ts';
import { requestChannels, SettingsPatch } from './channels.ts';

function fakeTransport(): BridgeTransport & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    invoke: (channel, payload) => {
      calls.push([channel, payload]);
      return Promise.resolve({ ok: true, value: null });
    },
    subscribe: () => () => undefined,
  };
}

describe('createBridge', () => {
  it('forwards a contract channel with its payload', async () => {
    const transport = fakeTransport();
    await createBridge(transport).invoke('settings:update', { language: 'ja' });
    expect(transport.calls).toEqual([['settings:update', { language: 'ja' }]]);
  });

  it('answers an unknown channel itself, without reaching main', async () => {
    const transport = fakeTransport();
    const bridge = createBridge(transport);
    // A compromised page can call the bridge with anything; the type system does not protect at runtime.
    const invoke = bridge.invoke as (channel: string, payload?: unknown) => Promise<unknown>;
    await expect(invoke('fs:read', '/etc/passwd')).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    await expect(invoke('__proto__')).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(transport.calls).toEqual([]);
  });

  it('refuses to subscribe to events outside the contract', () => {
    const bridge = createBridge(fakeTransport());
    const on = bridge.on as (event: string, listener: () => void) => () => void;
    expect(() => on('ipc:raw', () => undefined)).toThrow(/Unknown event channel/);
  });

  it('delivers events and stops after unsubscribe', () => {
    const listeners = new Set<(payload: unknown) => void>();
    const bridge = createBridge({
      invoke: () => Promise.resolve(null),
      subscribe: (_event, listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    const seen = vi.fn();
    const off = bridge.on('settings:changed', seen);
    for (const listener of listeners) listener({ language: 'en', theme: 'dark' });
    off();
    expect(listeners.size).toBe(0);
    expect(seen).toHaveBeenCalledWith({ language: 'en', theme: 'dark' });
  });

  it('is frozen so the page cannot swap its functions', () => {
    expect(Object.isFrozen(createBridge(fakeTransport()))).toBe(true);
  });
});

describe('the channel contract', () => {
  it('rejects an empty settings change and unknown settings', () => {
    expect(SettingsPatch.safeParse({}).success).toBe(false);
    expect(SettingsPatch.safeParse({ language: 'ja', fontSize: 40 }).success).toBe(false);
    expect(SettingsPatch.safeParse({ language: 'fr' }).success).toBe(false);
    expect(SettingsPatch.safeParse({ theme: 'dark' }).success).toBe(true);
  });

  it('only lets http(s) links without credentials leave the app', () => {
    const schema = requestChannels['shell:open-external'].request;
    expect(schema.safeParse({ url: 'https://attack.mitre.org/techniques/T1059/' }).success).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com/', 'not a url']) {
      expect(schema.safeParse({ url }).success, url).toBe(false);
    }
  });
});

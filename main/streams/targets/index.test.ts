import { describe, expect, it } from 'vitest';
import { createTarget, secretFields, targetSettings } from './index.ts';

describe('createTarget', () => {
  it('marks the secrets the runtime must keep in safeStorage', () => {
    expect(secretFields('webhook')).toEqual(['secret', 'headers']);
    expect(secretFields('splunk-hec')).toEqual(['token']);
    expect(secretFields('syslog')).toEqual(['tlsKey']);
  });

  it('fills defaults, TLS verification on', () => {
    const settings = targetSettings.parse({ kind: 'syslog', host: 'siem.example' });
    expect(settings).toMatchObject({ transport: 'tls', port: 6514, format: 'json', facility: 'local0', severity: 'info', tlsVerify: true });
    expect(targetSettings.parse({ kind: 'splunk-hec', url: 'https://splunk.example:8088', token: 't' })).toMatchObject({ sourcetype: 'magpie:stix', tlsVerify: true });
  });

  it('refuses bad settings with invalid-config, naming the field', () => {
    expect(() => createTarget({ kind: 'webhook', url: 'ftp://x' })).toThrow(expect.objectContaining({ code: 'invalid-config', message: expect.stringContaining('url') as unknown }) as Error);
    expect(() => createTarget({ kind: 'splunk-hec', url: 'https://s:8088' })).toThrow(expect.objectContaining({ code: 'invalid-config', message: expect.stringContaining('token') as unknown }) as Error);
    expect(() => createTarget({ kind: 'kafka' })).toThrow(expect.objectContaining({ code: 'invalid-config' }) as Error);
  });

  it('builds each kind', async () => {
    for (const config of [
      { kind: 'syslog', host: '127.0.0.1', transport: 'udp', port: 5514 },
      { kind: 'webhook', url: 'http://127.0.0.1:1/hook', secret: 's' },
      { kind: 'splunk-hec', url: 'http://127.0.0.1:1', token: 't' },
    ]) {
      const target = createTarget(config);
      expect(typeof target.deliver).toBe('function');
      await target.close();
    }
  });
});

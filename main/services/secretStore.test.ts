import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEncryptedSecretStore, type SecretCipher } from './secretStore.ts';

/** Stands in for safeStorage: reversible, and visibly not the clear text. */
const cipher: SecretCipher = {
  isAvailable: () => Promise.resolve(true),
  encrypt: (plain) => Promise.resolve(Buffer.from([...Buffer.from(plain, 'utf8')].map((byte) => byte ^ 0x5a))),
  decrypt: (encrypted) => Promise.resolve(Buffer.from([...encrypted].map((byte) => byte ^ 0x5a)).toString('utf8')),
};

describe('the encrypted secret store', () => {
  it('keeps secrets across restarts without writing them in clear text', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'magpie-secrets-')), 'secrets.json');
    const store = createEncryptedSecretStore(path, cipher, () => undefined);
    await store.set('connector:otx:apiKey', 'otx-api-key-123');
    expect(await readFile(path, 'utf8')).not.toContain('otx-api-key-123');
    const reopened = createEncryptedSecretStore(path, cipher, () => undefined);
    await reopened.ready();
    expect(reopened.persistent).toBe(true);
    expect(await reopened.get('connector:otx:apiKey')).toBe('otx-api-key-123');
    await reopened.delete('connector:otx:apiKey');
    expect(await createEncryptedSecretStore(path, cipher, () => undefined).get('connector:otx:apiKey')).toBeUndefined();
  });

  it('keeps secrets in memory only, and says so, when the OS has no keychain', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'magpie-secrets-')), 'secrets.json');
    const warnings: string[] = [];
    const store = createEncryptedSecretStore(path, { ...cipher, isAvailable: () => Promise.resolve(false) }, (message) => warnings.push(message));
    await store.ready();
    expect(store.persistent).toBe(false);
    await store.set('connector:otx:apiKey', 'otx-api-key-123');
    expect(await store.get('connector:otx:apiKey')).toBe('otx-api-key-123');
    expect(warnings.join()).toMatch(/memory only/);
    await expect(readFile(path, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

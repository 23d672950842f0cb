/**
 * Where connector secrets (API keys, passwords) live. In the app: a file of values
 * encrypted with the OS keychain through Electron's safeStorage (main/electron/ supplies the
 * cipher). In the harness and the CLI there is no keychain, so secrets are kept in memory
 * only, and `persistent: false` lets the UI say they will be forgotten on exit.
 */
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from './atomicFile.ts';

export interface SecretStore {
  /** False when secrets are forgotten on exit; settled once `ready` has resolved. */
  readonly persistent: boolean;
  /** Resolves once the store knows where secrets go (the keychain is reachable after app start). */
  ready: () => Promise<void>;
  get: (key: string) => Promise<string | undefined>;
  set: (key: string, value: string) => Promise<void>;
  delete: (key: string) => Promise<void>;
}

export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    persistent: false,
    ready: () => Promise.resolve(),
    get: (key) => Promise.resolve(values.get(key)),
    set: (key, value) => {
      values.set(key, value);
      return Promise.resolve();
    },
    delete: (key) => {
      values.delete(key);
      return Promise.resolve();
    },
  };
}

/** The OS-backed cipher (Electron safeStorage's encryptStringAsync / decryptStringAsync). */
export interface SecretCipher {
  isAvailable: () => Promise<boolean>;
  encrypt: (plain: string) => Promise<Buffer>;
  decrypt: (encrypted: Buffer) => Promise<string>;
}

const SecretFile = z.record(z.string(), z.string());

/**
 * Secrets encrypted one by one into a JSON file (base64 values). The file is read on first
 * use, because the OS keychain is only reachable once the app is ready. Falls back to
 * memory, with a warning, when the OS offers no encryption (e.g. Linux without a keyring),
 * rather than writing secrets in clear text.
 */
export function createEncryptedSecretStore(path: string, cipher: SecretCipher, warn: (message: string) => void): SecretStore {
  let backing: Promise<SecretStore> | undefined;
  let persistent = false;
  const open = (): Promise<SecretStore> =>
    (backing ??= openStore(path, cipher, warn).then((store) => {
      persistent = store.persistent;
      return store;
    }));
  return {
    get persistent() {
      return persistent;
    },
    ready: async () => {
      await open();
    },
    get: async (key) => (await open()).get(key),
    set: async (key, value) => (await open()).set(key, value),
    delete: async (key) => (await open()).delete(key),
  };
}

async function openStore(path: string, cipher: SecretCipher, warn: (message: string) => void): Promise<SecretStore> {
  if (!(await cipher.isAvailable().catch(() => false))) {
    warn('The OS keychain is not available: connector secrets are kept in memory only and must be entered again after a restart.');
    return createMemorySecretStore();
  }
  let stored: Record<string, string> = {};
  try {
    const parsed = SecretFile.safeParse(await readJsonFile(path));
    if (parsed.success) stored = parsed.data;
  } catch {
    warn('The connector secrets file could not be read; secrets must be entered again.');
  }
  let queue: Promise<unknown> = Promise.resolve();
  const save = (): Promise<void> => {
    const snapshot = stored;
    const next = queue.then(() => writeJsonAtomic(path, snapshot));
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    persistent: true,
    ready: () => Promise.resolve(),
    get: async (key) => {
      const encrypted = stored[key];
      if (encrypted === undefined) return undefined;
      try {
        return await cipher.decrypt(Buffer.from(encrypted, 'base64'));
      } catch {
        warn(`A stored secret (${key}) could not be decrypted; enter it again.`);
        return undefined;
      }
    },
    set: async (key, value) => {
      stored = { ...stored, [key]: (await cipher.encrypt(value)).toString('base64') };
      await save();
    },
    delete: (key) => {
      stored = Object.fromEntries(Object.entries(stored).filter(([name]) => name !== key));
      return save();
    },
  };
}

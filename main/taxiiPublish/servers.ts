/**
 * The TAXII servers the analyst publishes to: their URL and how to sign in, in a JSON file
 * of the profile; the password or token goes to the secret store (the OS keychain in the
 * app), never into that file.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from '../services/atomicFile.ts';
import type { SecretStore } from '../services/secretStore.ts';
import type { HttpRequestOptions } from '../services/http/types.ts';

export const TaxiiAuthKind = z.enum(['none', 'basic', 'bearer']);

export const TaxiiServerRecord = z
  .object({
    id: z.uuid(),
    title: z.string().trim().min(1).max(200),
    url: z.url({ protocol: /^https?$/ }),
    auth: TaxiiAuthKind,
    username: z.string().max(500).optional(),
  })
  .strict();
export type TaxiiServerRecord = z.infer<typeof TaxiiServerRecord>;

const ServerFile = z.object({ servers: z.array(TaxiiServerRecord) });

export interface TaxiiServerInput {
  id?: string | undefined;
  title: string;
  url: string;
  auth: z.infer<typeof TaxiiAuthKind>;
  username?: string | undefined;
  /** A string sets the password or token, `''` removes it, absent keeps it. */
  secret?: string | undefined;
}

export interface TaxiiServerStore {
  list: () => Promise<(TaxiiServerRecord & { secretSet: boolean })[]>;
  save: (input: TaxiiServerInput) => Promise<TaxiiServerRecord & { secretSet: boolean }>;
  remove: (id: string) => Promise<void>;
  /** The server and its credentials, ready for the HTTP client. */
  open: (id: string) => Promise<{ server: TaxiiServerRecord; auth: HttpRequestOptions['auth'] }>;
}

export class TaxiiPublishError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaxiiPublishError';
  }
}

const secretKeyOf = (id: string): string => `taxii-server:${id}:secret`;

export function createTaxiiServerStore(userData: string, secrets: SecretStore): TaxiiServerStore {
  const path = join(userData, 'taxii-servers.json');
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<TaxiiServerRecord[]> {
    const parsed = ServerFile.safeParse((await readJsonFile(path).catch(() => undefined)) ?? { servers: [] });
    return parsed.success ? parsed.data.servers : [];
  }

  /** One change at a time, so two quick saves do not lose either. */
  function change<T>(task: (servers: TaxiiServerRecord[]) => Promise<{ servers: TaxiiServerRecord[]; result: T }>): Promise<T> {
    const next = queue.then(async () => {
      const { servers, result } = await task(await read());
      await writeJsonAtomic(path, { servers });
      return result;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  const withSecret = async (server: TaxiiServerRecord) => ({ ...server, secretSet: (await secrets.get(secretKeyOf(server.id))) !== undefined });

  return {
    list: async () => Promise.all((await read()).map(withSecret)),
    save: (input) =>
      change(async (servers) => {
        const id = input.id ?? randomUUID();
        const parsed = TaxiiServerRecord.safeParse({ id, title: input.title, url: input.url, auth: input.auth, ...(input.username ? { username: input.username } : {}) });
        if (!parsed.success) throw new TaxiiPublishError(`The server settings are not valid (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}). Check the URL and the title.`);
        if (input.id !== undefined && !servers.some((server) => server.id === input.id)) throw new TaxiiPublishError('This TAXII server was removed meanwhile; add it again.');
        if (input.secret === '') await secrets.delete(secretKeyOf(id));
        else if (input.secret !== undefined) await secrets.set(secretKeyOf(id), input.secret);
        const record = parsed.data;
        const others = servers.filter((server) => server.id !== id);
        return { servers: [...others, record], result: await withSecret(record) };
      }),
    remove: (id) =>
      change(async (servers) => {
        await secrets.delete(secretKeyOf(id));
        return { servers: servers.filter((server) => server.id !== id), result: undefined };
      }),
    open: async (id) => {
      const server = (await read()).find((candidate) => candidate.id === id);
      if (server === undefined) throw new TaxiiPublishError('This TAXII server is no longer configured; choose another or add it again.');
      const secret = (await secrets.get(secretKeyOf(id))) ?? '';
      if (server.auth === 'none') return { server, auth: undefined };
      if (secret === '') throw new TaxiiPublishError(`No ${server.auth === 'bearer' ? 'token' : 'password'} is stored for "${server.title}" (secrets are forgotten on exit where there is no OS keychain). Enter it in the server's settings.`);
      return { server, auth: server.auth === 'bearer' ? { type: 'bearer', token: secret } : { type: 'basic', username: server.username ?? '', password: secret } };
    },
  };
}

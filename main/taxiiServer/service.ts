/**
 * The TAXII server as one of main's services (issue 18, point 2): its settings in the
 * profile (taxii-server.json), started when the analyst turns it on and restarted when a
 * setting that changes how it listens changes, its request log in logs/taxii-server.log.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaxiiServeView } from '../../core/ipc/taxiiServeChannels.ts';
import { readJsonFile, writeJsonAtomic } from '../services/atomicFile.ts';
import { certificateFingerprint, generateCertificate } from './certificate.ts';
import { hashToken, newToken } from './clients.ts';
import { isLoopback, TaxiiServerConfig, type Right, type ServedCollection } from './config.ts';
import { startTaxiiServer, type TaxiiServer } from './server.ts';
import type { CollectionSource } from './source.ts';

export interface TaxiiServeService {
  view(): Promise<TaxiiServeView>;
  configure(patch: Partial<Pick<TaxiiServerConfig, 'enabled' | 'host' | 'port' | 'tls' | 'rateLimitPerMinute' | 'maxContentLength'>>): Promise<TaxiiServeView>;
  saveCollection(input: Omit<ServedCollection, 'id'> & { id?: string | undefined }): Promise<TaxiiServeView>;
  removeCollection(id: string): Promise<TaxiiServeView>;
  /** Makes a self-signed certificate for `host` and serves over TLS with it (its fingerprint is in the view). */
  generateCertificate(host: string): Promise<TaxiiServeView>;
  addClient(name: string, rights: Record<string, Right>): Promise<{ view: TaxiiServeView; token: string }>;
  setClient(id: string, change: { rights?: Record<string, Right> | undefined; revoke?: true | undefined }): Promise<TaxiiServeView>;
  log(): Promise<string[]>;
  /** Starts the server if the saved settings say it is on. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const LOG_LINES = 200;

/** A setting the analyst must change; shown as it is worded. */
export class TaxiiServeError extends Error {
  override name = 'TaxiiServeError';
}

export function createTaxiiServeService(options: { userData: string; source: CollectionSource; warn: (message: string) => void; now?: () => Date }): TaxiiServeService {
  const file = join(options.userData, 'taxii-server.json');
  const logFile = join(options.userData, 'logs', 'taxii-server.log');
  const now = options.now ?? (() => new Date());
  let server: TaxiiServer | null = null;
  let error: string | null = null;
  let config: TaxiiServerConfig | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let logging: Promise<void> = Promise.resolve();

  /** One change at a time: a restart never overlaps another. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  async function load(): Promise<TaxiiServerConfig> {
    if (config) return config;
    const parsed = TaxiiServerConfig.safeParse((await readJsonFile(file)) ?? {});
    if (!parsed.success) options.warn(`The TAXII server's settings in ${file} could not be read; it stays off until they are saved again.`);
    config = parsed.success ? parsed.data : TaxiiServerConfig.parse({});
    return config;
  }

  async function save(next: TaxiiServerConfig): Promise<void> {
    await writeJsonAtomic(file, next);
    config = next;
  }

  const log = (line: string) => {
    logging = logging.then(async () => {
      await mkdir(join(options.userData, 'logs'), { recursive: true });
      await appendFile(logFile, `${now().toISOString()} ${line}\n`, { mode: 0o600 });
    }).catch(() => undefined);
  };

  async function restart(): Promise<void> {
    const current = await load();
    if (server) await server.close();
    server = null;
    error = null;
    if (!current.enabled) return;
    try {
      server = await startTaxiiServer({ config: current, source: options.source, log });
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
      options.warn(`TAXII server: ${error}`);
    }
  }

  async function view(): Promise<TaxiiServeView> {
    const current = await load();
    return {
      enabled: current.enabled,
      host: current.host,
      port: current.port,
      tls: current.tls,
      rateLimitPerMinute: current.rateLimitPerMinute,
      maxContentLength: current.maxContentLength,
      collections: current.collections,
      clients: current.clients.map(({ id, name, createdAt, revokedAt, rights }) => ({ id, name, createdAt, revokedAt, rights })),
      tlsFingerprint: current.tls ? await certificateFingerprint(current.tls.certFile) : null,
      discoveryUrl: server ? `${server.origin}/taxii2/` : null,
      error,
    };
  }

  /** Collections and clients change what a running server answers; it reads its config at start, so it restarts. */
  const change = (update: (current: TaxiiServerConfig) => TaxiiServerConfig) =>
    serial(async () => {
      await save(TaxiiServerConfig.parse(update(await load())));
      await restart();
      return view();
    });

  return {
    view: () => serial(view),
    configure: (patch) =>
      change((current) => {
        const next = TaxiiServerConfig.parse({ ...current, ...patch });
        if (!isLoopback(next.host) && next.tls === null) throw new TaxiiServeError(`Listening on ${next.host} exposes the knowledge base to the network: give a TLS certificate and key first, or keep 127.0.0.1.`);
        return next;
      }),
    saveCollection: (input) =>
      change((current) => {
        const collection = { ...input, id: input.id ?? randomUUID() };
        const exists = current.collections.some((candidate) => candidate.id === collection.id);
        return { ...current, collections: exists ? current.collections.map((candidate) => (candidate.id === collection.id ? collection : candidate)) : [...current.collections, collection] };
      }),
    removeCollection: (id) =>
      change((current) => ({
        ...current,
        collections: current.collections.filter((collection) => collection.id !== id),
        clients: current.clients.map((client) => ({ ...client, rights: Object.fromEntries(Object.entries(client.rights).filter(([collection]) => collection !== id)) })),
      })),
    generateCertificate: async (host) => {
      const tls = await generateCertificate(join(options.userData, 'taxii-tls'), host, now());
      return change((current) => ({ ...current, host, tls }));
    },
    addClient: async (name, rights) => {
      const token = newToken();
      const next = await change((current) => ({ ...current, clients: [...current.clients, { id: randomUUID(), name, tokenSha256: hashToken(token), createdAt: now().toISOString(), revokedAt: null, rights }] }));
      return { view: next, token };
    },
    setClient: (id, update) =>
      change((current) => ({
        ...current,
        clients: current.clients.map((client) => (client.id !== id ? client : { ...client, ...(update.rights ? { rights: update.rights } : {}), ...(update.revoke ? { revokedAt: now().toISOString() } : {}) })),
      })),
    log: async () => {
      await logging;
      const text = await readFile(logFile, 'utf8').catch(() => '');
      return text.split('\n').filter((line) => line !== '').slice(-LOG_LINES);
    },
    start: () => serial(restart),
    stop: () =>
      serial(async () => {
        await server?.close();
        server = null;
      }),
  };
}

/**
 * Publishing to TAXII 2.1 servers (issue 18) as main's IPC handlers use it: the configured
 * servers, their writable collections, and a publish with progress. Requests go through the
 * connectors' HTTP client, so timeouts, retries and the system proxy are the same.
 */
import { createHttpClient, type ClosableHttpClient, type HttpClientOptions } from '../services/http/httpClient.ts';
import type { SecretStore } from '../services/secretStore.ts';
import { createTaxiiClient } from '../connectors/taxii/client.ts';
import type { RunLogger } from '../services/logger.ts';
import { publishObjects, type PublishOutcome, type PublishProgress } from './publisher.ts';
import { createTaxiiServerStore, TaxiiPublishError, type TaxiiServerInput, type TaxiiServerRecord } from './servers.ts';

export interface PublishCollection {
  apiRoot: string;
  apiRootTitle: string;
  maxContentLength: number | null;
  id: string;
  title: string;
  canWrite: boolean;
}

export interface PublishRequest {
  serverId: string;
  apiRoot: string;
  collectionId: string;
  objects: readonly Record<string, unknown>[];
}

export interface TaxiiPublishService {
  secretsPersistent: () => boolean;
  servers: () => Promise<(TaxiiServerRecord & { secretSet: boolean })[]>;
  saveServer: (input: TaxiiServerInput) => Promise<TaxiiServerRecord & { secretSet: boolean }>;
  removeServer: (id: string) => Promise<void>;
  /** Every collection of every API root of the server, writable or not. */
  collections: (serverId: string) => Promise<PublishCollection[]>;
  publish: (request: PublishRequest, onProgress?: (progress: PublishProgress) => void) => Promise<PublishOutcome>;
}

export interface TaxiiPublishServiceOptions {
  userData: string;
  secrets: SecretStore;
  log: RunLogger;
  /** Test seam: retries and delays. */
  httpOptions?: HttpClientOptions;
  pollIntervalMs?: number;
}

export function createTaxiiPublishService(options: TaxiiPublishServiceOptions): TaxiiPublishService {
  const store = createTaxiiServerStore(options.userData, options.secrets);

  async function withHttp<T>(task: (http: ClosableHttpClient) => Promise<T>): Promise<T> {
    const http = createHttpClient({ log: options.log, ...options.httpOptions });
    try {
      return await task(http);
    } finally {
      await http.close();
    }
  }

  async function collections(serverId: string): Promise<PublishCollection[]> {
    const { server, auth } = await store.open(serverId);
    return withHttp(async (http) => {
      const taxii = createTaxiiClient(http, { auth, log: options.log });
      const found: PublishCollection[] = [];
      for (const root of await taxii.apiRoots(server.url)) {
        for (const collection of await taxii.collections(root.url)) {
          found.push({ apiRoot: root.url, apiRootTitle: root.title, maxContentLength: root.maxContentLength ?? null, id: collection.id, title: collection.title, canWrite: collection.canWrite });
        }
      }
      return found;
    });
  }

  async function publish(request: PublishRequest, onProgress?: (progress: PublishProgress) => void): Promise<PublishOutcome> {
    const { auth } = await store.open(request.serverId);
    const listed = await collections(request.serverId);
    const collection = listed.find((candidate) => candidate.apiRoot === request.apiRoot && candidate.id === request.collectionId);
    if (collection === undefined) throw new TaxiiPublishError('The server no longer lists this collection; refresh the list and choose again.');
    if (!collection.canWrite) throw new TaxiiPublishError(`The collection "${collection.title}" does not accept objects from this account (can_write is false); choose a writable one.`);
    return withHttp((http) =>
      publishObjects(
        { http, auth, log: options.log, ...(onProgress ? { onProgress } : {}), ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }) },
        {
          apiRoot: collection.apiRoot,
          collectionUrl: `${collection.apiRoot}collections/${encodeURIComponent(collection.id)}/`,
          collectionTitle: collection.title,
          maxContentLength: collection.maxContentLength ?? undefined,
        },
        request.objects,
      ),
    );
  }

  return {
    secretsPersistent: () => options.secrets.persistent,
    servers: () => store.list(),
    saveServer: (input) => store.save(input),
    removeServer: (id) => store.remove(id),
    collections,
    publish,
  };
}

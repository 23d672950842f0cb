/**
 * A TAXII 2.1 server for tests (OASIS TAXII 2.1, https://docs.oasis-open.org/cti/taxii/v2.1/):
 * discovery (§4.1), the API root (§4.2), collections (§5.1, §5.2) and Get Objects (§5.4)
 * with `added_after`, `limit`, `next`/`more`, the envelope (§3.7), the
 * X-TAXII-Date-Added-First/Last headers, basic or bearer auth, and the media-type rules
 * (406 for an Accept without TAXII 2.1, 415 for a POST body that is not TAXII).
 *
 * `style: 'opencti'` answers the way OpenCTI's /taxii2 endpoints do (httpTaxii.js): a
 * discovery `default` of `/root` that is not one of the listed URLs, API root URLs without a
 * trailing slash, `next: ''` on the last page, date headers that read `undefined`, no
 * Accept check and a server-side page cap.
 *
 * Listens on 127.0.0.1 only; every request is recorded for assertions.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTaxiiWrites, type TaxiiWriteOptions, type TaxiiWrites } from './taxiiWrites.ts';

type StixObject = Record<string, unknown>;

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

export interface TaxiiCollectionSpec {
  id?: string;
  title: string;
  description?: string;
  objects: readonly StixObject[];
  canRead?: boolean;
}

export interface TaxiiServerOptions {
  /** The objects of the one default collection (ignored when `collections` is given). */
  objects?: readonly StixObject[];
  collections?: readonly TaxiiCollectionSpec[];
  /** The server's page-size cap; a client's larger `limit` is cut down to it. */
  pageSize?: number;
  auth?: { username: string; password: string } | { token: string };
  /** Path of the API root, `/taxii2/root/` by default (OpenCTI's); `/api/v21/` is MITRE's. */
  apiRoot?: string;
  style?: 'oasis' | 'opencti';
  /** `date_added` of the first object; later ones are spread one second per few objects. */
  firstDateAdded?: string;
  /**
   * `offset`: each page's `next` names where the next page starts. `session`: one token per
   * query, the same on every page, as medallion does (TAXII 2.1 §3.4 allows it). `stuck`:
   * like `session`, but every page is the first one again — a server that never moves on.
   */
  paging?: 'offset' | 'session' | 'stuck';
  /** Makes every collection writable (can_write, Add Objects and status resources). */
  writable?: TaxiiWriteOptions;
}

export interface TaxiiRequest {
  method: string;
  path: string;
  query: Readonly<Record<string, string>>;
  accept: string | undefined;
  authorization: string | undefined;
  status: number;
}

export interface TaxiiTestServer {
  /** http://127.0.0.1:port */
  url: string;
  discoveryUrl: string;
  apiRootUrl: string;
  /** Ids of the collections, in the order given (the default collection's alone otherwise). */
  collectionIds: readonly string[];
  requests: TaxiiRequest[];
  /** Adds objects to a collection (the first by default) with later `date_added` values. */
  add: (objects: readonly StixObject[], collectionId?: string) => void;
  /** The requests to a collection's objects endpoint. */
  objectRequests: (collectionId?: string) => TaxiiRequest[];
  /** Present when the server is `writable`: what it received. */
  writes: TaxiiWrites | undefined;
  close: () => Promise<void>;
}

interface StoredCollection {
  id: string;
  title: string;
  description: string;
  canRead: boolean;
  entries: { dateAdded: number; object: StixObject }[];
}

export const DEFAULT_COLLECTION_ID = '91a7b528-80eb-42ed-a74d-c6fbd5a26116';
const OBJECTS_PER_SECOND = 7;

export async function startTaxiiServer(options: TaxiiServerOptions = {}): Promise<TaxiiTestServer> {
  const style = options.style ?? 'oasis';
  const paging = options.paging ?? 'offset';
  const apiRootPath = withSlash(options.apiRoot ?? '/taxii2/root/');
  const discoveryPath = '/taxii2/';
  const pageCap = options.pageSize ?? (style === 'opencti' ? 500 : 1000);
  const requests: TaxiiRequest[] = [];
  let clock = Date.parse(options.firstDateAdded ?? '2025-01-06T09:00:00.000Z');
  let added = 0;
  const sessions = new Map<string, number>();
  const writes = options.writable === undefined ? undefined : createTaxiiWrites(options.writable);

  // Several objects share one date_added, as on a real server, so `added_after` (strictly
  // later) must not lose or repeat the ones sharing the last timestamp of a page.
  const stamp = (): number => {
    const value = clock;
    added += 1;
    if (added % OBJECTS_PER_SECOND === 0) clock += 1000;
    return value;
  };

  const specs: readonly TaxiiCollectionSpec[] = options.collections ?? [{ id: DEFAULT_COLLECTION_ID, title: 'Test collection', objects: options.objects ?? [] }];
  const collections: StoredCollection[] = specs.map((spec, index) => ({
    id: spec.id ?? `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    title: spec.title,
    description: spec.description ?? `${spec.title} (test data)`,
    canRead: spec.canRead ?? true,
    entries: spec.objects.map((object) => ({ dateAdded: stamp(), object })),
  }));

  const port = (): number => (server.address() as AddressInfo).port;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const record: TaxiiRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      accept: request.headers.accept,
      authorization: request.headers.authorization,
      status: 0,
    };
    requests.push(record);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      response.writeHead(status, { 'content-type': TAXII_MEDIA_TYPE, ...headers });
      response.end(JSON.stringify(body));
    };
    handle(request, url, send);
  });

  function handle(request: IncomingMessage, url: URL, send: (status: number, body: unknown, headers?: Record<string, string>) => void): void {
    if (!authorised(request.headers.authorization)) {
      send(401, taxiiError(401, 'Authentication required', 'Send valid credentials.'), { 'www-authenticate': 'Basic realm="TAXII", Bearer' });
      return;
    }
    if (request.method === 'POST') {
      const type = request.headers['content-type'] ?? '';
      const target = collections.find((candidate) => url.pathname === `${apiRootPath}collections/${candidate.id}/objects/`);
      if (!type.startsWith('application/taxii+json')) send(415, taxiiError(415, 'Unsupported Media Type', 'POST bodies must be application/taxii+json;version=2.1.'));
      else if (writes === undefined || target === undefined) send(403, taxiiError(403, 'Collection is read-only', 'This test server does not accept objects.'));
      else writes.post(request, (objects) => target.entries.push(...objects.map((object) => ({ dateAdded: stamp(), object }))), send);
      return;
    }
    if (request.method !== 'GET') {
      send(405, taxiiError(405, 'Method Not Allowed', 'Only GET is served.'), { allow: 'GET' });
      return;
    }
    if (style === 'oasis' && !acceptsTaxii21(request.headers.accept)) {
      send(406, taxiiError(406, 'Not Acceptable', `Ask for ${TAXII_MEDIA_TYPE}.`));
      return;
    }
    const path = style === 'opencti' ? withSlash(url.pathname) : url.pathname;
    if (path === discoveryPath) {
      send(200, discovery());
      return;
    }
    if (path === apiRootPath) {
      send(200, { title: 'Test API root', versions: [TAXII_MEDIA_TYPE], max_content_length: writes?.maxContentLength ?? 100 * 1024 * 1024 });
      return;
    }
    if (writes !== undefined && path.startsWith(`${apiRootPath}status/`)) {
      writes.status(decodeURIComponent(path.slice(`${apiRootPath}status/`.length).replace(/\/$/, '')), send);
      return;
    }
    if (path === `${apiRootPath}collections/`) {
      send(200, { collections: collections.map((collection) => describe(collection, writes !== undefined)) });
      return;
    }
    const match = new RegExp(`^${escapeRegExp(apiRootPath)}collections/([^/]+)/(objects/)?$`).exec(path);
    const collection = collections.find((candidate) => candidate.id === match?.[1]);
    if (match === null || collection === undefined) {
      send(404, taxiiError(404, 'Not Found', `Nothing at ${url.pathname}.`));
      return;
    }
    if (match[2] === undefined) {
      send(200, describe(collection, writes !== undefined));
      return;
    }
    if (!collection.canRead) {
      send(403, taxiiError(403, 'Forbidden', 'This account cannot read the collection.'));
      return;
    }
    serveObjects(collection, url.searchParams, send);
  }

  function discovery(): Record<string, unknown> {
    const base = `http://127.0.0.1:${String(port())}`;
    if (style === 'opencti') return { title: 'OpenCTI TAXII Server', default: '/root', api_roots: [`${base}${apiRootPath.slice(0, -1)}`] };
    return { title: 'Magpie test TAXII server', default: `${base}${apiRootPath}`, api_roots: [`${base}${apiRootPath}`] };
  }

  function serveObjects(collection: StoredCollection, query: URLSearchParams, send: (status: number, body: unknown, headers?: Record<string, string>) => void): void {
    const addedAfterText = query.get('added_after');
    const addedAfter = addedAfterText === null ? Number.NEGATIVE_INFINITY : Date.parse(addedAfterText);
    if (Number.isNaN(addedAfter)) {
      send(400, taxiiError(400, 'Bad Request', `added_after "${addedAfterText ?? ''}" is not a timestamp.`));
      return;
    }
    const limitText = query.get('limit');
    const limit = Math.min(limitText === null ? pageCap : Math.max(1, Number.parseInt(limitText, 10) || pageCap), pageCap);
    const nextText = query.get('next');
    const offset = nextText === null || nextText === '' ? 0 : paging === 'offset' ? Number.parseInt(Buffer.from(nextText, 'base64url').toString('utf8'), 10) : (sessions.get(nextText) ?? -1);
    if (!Number.isInteger(offset) || offset < 0) {
      send(400, taxiiError(400, 'Bad Request', `next "${nextText ?? ''}" is not a token this server gave out.`));
      return;
    }
    const matching = collection.entries.filter((entry) => entry.dateAdded > addedAfter);
    const page = matching.slice(offset, offset + limit);
    const more = offset + page.length < matching.length;
    const first = page[0];
    const last = page.at(-1);
    const headers: Record<string, string> = {};
    if (style === 'opencti') {
      // Express writes String(undefined) for these: OpenCTI's objects carry no top-level updated_at.
      headers['x-taxii-date-added-first'] = 'undefined';
      headers['x-taxii-date-added-last'] = 'undefined';
    } else if (first !== undefined && last !== undefined) {
      headers['x-taxii-date-added-first'] = new Date(first.dateAdded).toISOString();
      headers['x-taxii-date-added-last'] = new Date(last.dateAdded).toISOString();
    }
    const next = more ? nextToken(nextText, offset + page.length) : undefined;
    const objects = page.map((entry) => entry.object);
    const envelope = style === 'opencti' ? { more, next: next ?? '', objects } : { more, ...(next === undefined ? {} : { next }), ...(objects.length > 0 ? { objects } : {}) };
    send(200, envelope, headers);
  }

  function nextToken(sent: string | null, nextOffset: number): string {
    if (paging === 'offset') return Buffer.from(String(nextOffset), 'utf8').toString('base64url');
    const token = sent === null || sent === '' ? `session-${String(sessions.size + 1)}` : sent;
    sessions.set(token, paging === 'stuck' ? 0 : nextOffset);
    return token;
  }

  function authorised(header: string | undefined): boolean {
    const auth = options.auth;
    if (auth === undefined) return true;
    if ('token' in auth) return header === `Bearer ${auth.token}`;
    return header === `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${String(port())}`;
  const collectionFor = (id: string | undefined): StoredCollection => {
    const found = id === undefined ? collections[0] : collections.find((candidate) => candidate.id === id);
    if (found === undefined) throw new Error(`No collection ${id ?? '(first)'} on the test TAXII server.`);
    return found;
  };

  return {
    url: base,
    discoveryUrl: `${base}${discoveryPath}`,
    apiRootUrl: `${base}${apiRootPath}`,
    collectionIds: collections.map((collection) => collection.id),
    requests,
    writes,
    add: (objects, collectionId) => {
      const collection = collectionFor(collectionId);
      // Later additions start on a fresh second, after everything already served, and no
      // earlier than the real clock, which OpenCTI-style clients fall back on.
      clock = Math.max(clock + 1000, Math.ceil(Date.now() / 1000) * 1000);
      for (const object of objects) collection.entries.push({ dateAdded: stamp(), object });
    },
    objectRequests: (collectionId) => {
      const path = `${apiRootPath}collections/${collectionFor(collectionId).id}/objects/`;
      return requests.filter((request) => withSlash(request.path) === path);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function describe(collection: StoredCollection, canWrite: boolean): Record<string, unknown> {
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    can_read: collection.canRead,
    can_write: canWrite,
    media_types: ['application/stix+json;version=2.1'],
  };
}

/** §1.6.8.1: `application/taxii+json` alone means the latest version the server has, 2.1 here. */
function acceptsTaxii21(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((entry) => {
    const [type, ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    if (type !== 'application/taxii+json') return false;
    const version = parameters.find((parameter) => parameter.startsWith('version='));
    return version === undefined || version === 'version=2.1';
  });
}

function taxiiError(status: number, title: string, description: string): Record<string, unknown> {
  return { title, description, http_status: String(status) };
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Magpie's TAXII 2.1 server (issue 18, point 2): what a teammate's OpenCTI "TAXII feed" or
 * any TAXII client pulls from, and pushes to where a collection is writable. Off unless
 * the analyst turns it on; 127.0.0.1 unless the analyst names another address, and then
 * only with TLS; every request authenticated by a client's own token, rate-limited per
 * client, bodies capped before they are read whole, and logged (client, route, count).
 *
 *   /taxii2/                                         discovery (§4.1)
 *   /magpie/                                         the API root (§4.2)
 *   /magpie/status/<id>/                             a POST's status (§4.3)
 *   /magpie/collections/[<id>/]                      collections (§5.1, §5.2)
 *   /magpie/collections/<id>/manifest/               §5.3
 *   /magpie/collections/<id>/objects/                §5.4 (GET), §5.5 (POST)
 *   /magpie/collections/<id>/objects/<oid>/          §5.6
 *   /magpie/collections/<id>/objects/<oid>/versions/ §5.8
 */
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { authenticate, createRateLimiter } from './clients.ts';
import { isLoopback, type TaxiiServerConfig } from './config.ts';
import { QueryError } from './query.ts';
import { addObjects, collectionFor, deleteObject, describeCollection, getManifest, getObjects, getVersions, TAXII_MEDIA_TYPE, TaxiiHttpError, type Answer, type ResourceContext } from './resources.ts';
import type { CollectionSource } from './source.ts';
import { createStatusStore } from './status.ts';

export const API_ROOT_PATH = '/magpie/';

export interface TaxiiServerOptions {
  config: TaxiiServerConfig;
  source: CollectionSource;
  /** One line per request. */
  log: (line: string) => void;
  now?: () => Date;
  /** How long a POST's answer waits for the knowledge base before answering "pending" (default 2 s). */
  postWaitMs?: number;
}

export interface TaxiiServer {
  origin: string;
  apiRootPath: string;
  close(): Promise<void>;
}

export class TaxiiServerStartError extends Error {
  override name = 'TaxiiServerStartError';
}

/** §1.6.8: a client that asks for anything but TAXII 2.1 JSON is answered 406. */
function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return accept.split(',').some((part) => {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const version = parameters.find((parameter) => parameter.startsWith('version='))?.slice('version='.length);
    return type === 'application/taxii+json' && (version === undefined || version === '2.1');
  });
}

function isTaxiiContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [type = '', ...parameters] = value.split(';').map((piece) => piece.trim().toLowerCase());
  const version = parameters.find((parameter) => parameter.startsWith('version='))?.slice('version='.length);
  return type === 'application/taxii+json' && (version === undefined || version === '2.1');
}

async function readBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new TaxiiHttpError(413, 'Too large', `The body is ${declared} bytes; this server takes at most ${limit} (max_content_length).`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TaxiiHttpError(413, 'Too large', `The body is over ${limit} bytes (max_content_length).`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new TaxiiHttpError(400, 'Bad request', 'The body is not JSON.');
  }
}

export async function startTaxiiServer(options: TaxiiServerOptions): Promise<TaxiiServer> {
  const { config } = options;
  if (!isLoopback(config.host) && config.tls === null) {
    throw new TaxiiServerStartError(`The TAXII server listens on ${config.host} only with TLS: give it a certificate and key in Settings, or keep it on 127.0.0.1.`);
  }
  const now = options.now ?? (() => new Date());
  const statuses = createStatusStore(now);
  const limiter = createRateLimiter(config.rateLimitPerMinute);
  const tls = config.tls ? { cert: await readFile(config.tls.certFile), key: await readFile(config.tls.keyFile) } : null;
  const scheme = tls ? 'https' : 'http';
  let origin = '';

  async function route(request: IncomingMessage, url: URL, context: ResourceContext): Promise<Answer> {
    const parts = url.pathname.split('/').filter((part) => part !== '').map(decodeURIComponent);
    const method = request.method ?? 'GET';
    const only = (allowed: string) => {
      if (method !== allowed) throw new TaxiiHttpError(405, 'Method not allowed', `${method} is not allowed on ${url.pathname}.`);
    };
    if (parts.length === 1 && parts[0] === 'taxii2') {
      only('GET');
      return { status: 200, body: { title: 'Magpie', description: 'An analyst\'s knowledge base, shared over TAXII 2.1', default: context.apiRootUrl, api_roots: [context.apiRootUrl] } };
    }
    if (parts[0] !== API_ROOT_PATH.replaceAll('/', '')) throw new TaxiiHttpError(404, 'Not found', `No resource at ${url.pathname}. Discovery is at /taxii2/.`);
    const [, resource, id, sub, objectId, leaf] = parts;
    if (resource === undefined) {
      only('GET');
      return { status: 200, body: { title: 'Magpie', versions: [TAXII_MEDIA_TYPE], max_content_length: config.maxContentLength } };
    }
    if (resource === 'status' && id !== undefined && parts.length === 3) {
      only('GET');
      const status = statuses.get(context.client.id, id);
      if (!status) throw new TaxiiHttpError(404, 'Status not found', `No status ${id} for this client.`);
      return { status: 200, body: status };
    }
    if (resource === 'collections') {
      if (id === undefined) {
        only('GET');
        const visible = config.collections.filter((collection) => Object.hasOwn(context.client.rights, collection.id));
        return { status: 200, body: visible.length > 0 ? { collections: visible.map((collection) => describeCollection(context, collection)) } : {} };
      }
      if (sub === undefined) {
        only('GET');
        return { status: 200, body: describeCollection(context, collectionFor(context, id).collection) };
      }
      if (sub === 'manifest' && objectId === undefined) {
        only('GET');
        return getManifest(context, id, url.searchParams);
      }
      if (sub === 'objects' && objectId === undefined) {
        if (method === 'POST') {
          collectionFor(context, id);
          if (!isTaxiiContentType(request.headers['content-type'])) throw new TaxiiHttpError(415, 'Unsupported media type', `Send the envelope as ${TAXII_MEDIA_TYPE}.`);
          return addObjects(context, id, await readBody(request, config.maxContentLength));
        }
        only('GET');
        return getObjects(context, id, url.searchParams);
      }
      if (sub === 'objects' && objectId !== undefined && leaf === undefined) {
        if (method === 'DELETE') return deleteObject(context, id);
        only('GET');
        return getObjects(context, id, url.searchParams, objectId);
      }
      if (sub === 'objects' && objectId !== undefined && leaf === 'versions' && parts.length === 6) {
        only('GET');
        return getVersions(context, id, objectId, url.searchParams);
      }
    }
    throw new TaxiiHttpError(404, 'Not found', `No resource at ${url.pathname}.`);
  }

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const started = Date.now();
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Kept now: once a client hangs up, the request no longer holds its socket.
    const socket = request.socket;
    const remote = socket.remoteAddress ?? '?';
    let clientName = '-';
    const finish = (answer: Answer) => {
      options.log(`${remote} ${clientName} ${request.method ?? '?'} ${url.pathname} ${answer.status}${answer.count === undefined ? '' : ` ${answer.count} objects`} ${Date.now() - started} ms`);
      if (response.headersSent || response.destroyed) return;
      const text = JSON.stringify(answer.body);
      response.writeHead(answer.status, { 'content-type': TAXII_MEDIA_TYPE, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...(answer.status === 413 ? { connection: 'close' } : {}), ...answer.headers });
      response.end(text);
      if (answer.status === 413) response.once('finish', () => socket.destroy());
    };
    const fail = (status: number, title: string, description: string, headers: Record<string, string> = {}) => finish({ status, body: { title, description, http_status: String(status) }, headers });
    const auth = request.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : '';
    const client = token === '' ? null : authenticate(config.clients, token);
    if (!client) return fail(401, 'Unauthorized', token === '' ? 'Send Authorization: Bearer <token>; the analyst gives each client its token.' : 'The token is unknown or was revoked.', { 'www-authenticate': 'Bearer realm="magpie-taxii"' });
    clientName = client.name;
    const budget = limiter.take(client.id);
    if (!budget.allowed) return fail(429, 'Too many requests', `This client may make ${config.rateLimitPerMinute} requests a minute.`, { 'retry-after': String(budget.retryAfterSeconds) });
    if (!acceptsTaxii(request.headers.accept)) return fail(406, 'Not acceptable', `Ask for ${TAXII_MEDIA_TYPE} (the Accept header).`);
    const context: ResourceContext = { config, source: options.source, statuses, client, apiRootUrl: `${origin}${API_ROOT_PATH}`, postWaitMs: options.postWaitMs ?? 2000 };
    route(request, url, context).then(finish, (error: unknown) => {
      if (error instanceof TaxiiHttpError) return fail(error.status, error.title, error.message);
      if (error instanceof QueryError) return fail(400, 'Bad request', error.message);
      return fail(503, 'Knowledge base unavailable', error instanceof Error ? error.message : String(error));
    });
  };

  const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, handler) : createHttpServer(handler);
  server.requestTimeout = 10 * 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new TaxiiServerStartError(error.code === 'EADDRINUSE' ? `Port ${config.port} is in use; choose another in Settings.` : `The TAXII server could not listen on ${config.host}:${config.port}: ${error.message}`)));
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  origin = `${scheme}://${host}:${port}`;
  return {
    origin,
    apiRootPath: API_ROOT_PATH,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The local API's HTTP server (issue 18, point 3): what `magpie kb …` and a team's scripts
 * talk to while Magpie runs. Loopback only, one bearer token (kept hashed here; the
 * plain value is in the profile's api.json, mode 0600), bodies capped before they are
 * read whole, requests from web pages refused (a page in any browser on this machine can
 * reach 127.0.0.1). Every request is logged: client address, route, status, count.
 *
 *   GET  /api/v1/                     what this server is
 *   GET  /api/v1/search?q=…&limit=…   search as the app's search box does
 *   GET  /api/v1/objects/<id>         one object's current version
 *   POST /api/v1/export               {query?, maxTlp?, limit?} → a STIX bundle
 *   POST /api/v1/import?name=…        the body is a STIX bundle file, read by the KB worker
 *   GET  /api/v1/misp-feed/<file>     a MISP feed of the knowledge base (manifest.json, hashes.csv,
 *                                     <uuid>.json) up to ?max_tlp= (default amber), for MISP's Feeds
 *   POST /api/v1/lookup               {values: [{type, value}…]} → what is known of each, in order
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IMPORT_MAX_BYTES, localApiMethods, LOOKUP_MAX_BYTES, REQUEST_MAX_BYTES, type LocalApiMethod, type LocalApiParams } from '../../core/localApi/protocol.ts';
import { KbRequestError, type KbBroker } from './kbBroker.ts';

export interface LocalApiServerOptions {
  broker: Pick<KbBroker, 'request'>;
  token: string;
  /** 0 picks a free port. */
  port: number;
  version: string;
  /** One line per request. */
  log: (line: string) => void;
}

export interface LocalApiServer {
  url: string;
  close(): Promise<void>;
}

export const API_ROOT = '/api/v1/';

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

function send(response: ServerResponse, status: number, body: unknown, raw?: Routed['raw']): void {
  const text = raw?.text ?? JSON.stringify(body);
  // A refused body is not read on: the connection closes once the answer is out.
  const close = status === 413 ? { connection: 'close' } : {};
  response.writeHead(status, { 'content-type': raw?.contentType ?? 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...close });
  response.end(text);
}

/** The body as text, refused with 413 as soon as it passes `limit` (by its declared length first). */
async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, `The request body is ${declared.toLocaleString('en-US')} bytes; the limit is ${limit.toLocaleString('en-US')}.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `The request body is over the limit of ${limit.toLocaleString('en-US')} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text;
}

function parseParams<M extends LocalApiMethod>(method: M, value: unknown): LocalApiParams<M> {
  const parsed = localApiMethods[method].params.safeParse(value);
  if (!parsed.success) throw new HttpError(422, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; '));
  return parsed.data as LocalApiParams<M>;
}

function jsonBody(text: string): unknown {
  try {
    return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new HttpError(400, 'The request body is not JSON.');
  }
}

interface Routed {
  status: number;
  body: unknown;
  count?: number;
  /** A file sent as it is (a feed's hashes.csv) instead of `body` as JSON. */
  raw?: { contentType: string; text: string };
}

async function route(request: IncomingMessage, url: URL, options: LocalApiServerOptions): Promise<Routed> {
  const path = url.pathname;
  if (path === API_ROOT && request.method === 'GET') return { status: 200, body: { title: 'Magpie local API', version: options.version, methods: ['search', 'objects', 'export', 'import', 'lookup', 'misp-feed'] } };
  if (path === `${API_ROOT}search` && request.method === 'GET') {
    const limit = url.searchParams.get('limit');
    const types = url.searchParams.getAll('type');
    const params = parseParams('search', { query: url.searchParams.get('q') ?? '', ...(limit === null ? {} : { limit: Number(limit) }), ...(types.length > 0 ? { types } : {}) });
    const result = await options.broker.request('search', params);
    return { status: 200, body: result, count: result.hits.length };
  }
  if (path.startsWith(`${API_ROOT}objects/`) && request.method === 'GET') {
    const params = parseParams('get', { id: decodeURIComponent(path.slice(`${API_ROOT}objects/`.length)) });
    const result = await options.broker.request('get', params);
    if (result.object === null) throw new HttpError(404, `No object ${params.id} in the knowledge base.`);
    return { status: 200, body: result.object, count: 1 };
  }
  if (path === `${API_ROOT}export` && request.method === 'POST') {
    const params = parseParams('export', jsonBody(await readBody(request, REQUEST_MAX_BYTES)));
    const result = await options.broker.request('export', params);
    return { status: 200, body: result, count: result.exported };
  }
  if (path === `${API_ROOT}import` && request.method === 'POST') {
    const name = url.searchParams.get('name') ?? 'local API import';
    const text = await readBody(request, IMPORT_MAX_BYTES);
    const result = await options.broker.request('import', parseParams('import', { name, text }));
    return { status: 200, body: result, count: result.created + result.updated };
  }
  if (path.startsWith(`${API_ROOT}misp-feed/`) && request.method === 'GET') {
    const name = decodeURIComponent(path.slice(`${API_ROOT}misp-feed/`.length));
    const maxTlp = url.searchParams.get('max_tlp');
    const { files } = await options.broker.request('mispFeed', parseParams('mispFeed', maxTlp === null ? {} : { maxTlp }));
    const file = files.find((candidate) => candidate.name === name);
    if (!file) throw new HttpError(404, `The feed has no ${name}: it holds manifest.json, hashes.csv and one <uuid>.json per event.`);
    return { status: 200, body: null, count: 1, raw: { contentType: file.name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8', text: file.text } };
  }
  if (path === `${API_ROOT}lookup` && request.method === 'POST') {
    const params = parseParams('lookup', jsonBody(await readBody(request, LOOKUP_MAX_BYTES)));
    const result = await options.broker.request('lookup', params);
    if (result.values.length !== params.values.length) throw new HttpError(500, `The knowledge base answered ${result.values.length} of ${params.values.length} values; try again.`);
    return { status: 200, body: result, count: result.values.filter((value) => value.known).length };
  }
  if ([API_ROOT, `${API_ROOT}search`, `${API_ROOT}export`, `${API_ROOT}import`, `${API_ROOT}lookup`].includes(path) || path.startsWith(`${API_ROOT}objects/`)) throw new HttpError(405, `${request.method ?? ''} is not allowed on ${path}.`);
  throw new HttpError(404, `No such resource: ${path}. The API root is ${API_ROOT}.`);
}

export async function startLocalApiServer(options: LocalApiServerOptions): Promise<LocalApiServer> {
  const expected = digest(options.token);
  let port = options.port;
  const server: Server = createServer((request, response) => {
    const started = Date.now();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Kept now: once a client hangs up, the request no longer holds its socket.
    const socket = request.socket;
    const remote = socket.remoteAddress ?? '?';
    const finish = (status: number, body: unknown, count?: number, raw?: Routed['raw']) => {
      options.log(`${remote} ${request.method ?? '?'} ${url.pathname} ${status}${count === undefined ? '' : ` ${count} objects`} ${Date.now() - started} ms`);
      if (response.headersSent || response.destroyed) return;
      send(response, status, body, raw);
      if (status === 413) response.once('finish', () => socket.destroy());
    };
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return finish(421, { error: 'The local API answers requests to 127.0.0.1 only.' });
    // A web page in a browser sends Origin; a script does not. No page may use this API.
    if (request.headers.origin !== undefined) return finish(403, { error: 'Requests from web pages are refused.' });
    const auth = request.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!timingSafeEqual(digest(token), expected)) {
      response.setHeader('www-authenticate', 'Bearer realm="magpie"');
      return finish(401, { error: token === '' ? 'No token: send Authorization: Bearer <token> (the token is in the profile\'s api.json).' : 'The token was refused. Read the current one from the profile\'s api.json.' });
    }
    route(request, url, options).then(
      (answer) => finish(answer.status, answer.body, answer.count, answer.raw),
      (error: unknown) => {
        if (error instanceof HttpError) return finish(error.status, { error: error.message });
        if (error instanceof KbRequestError) return finish(error.reason === 'refused' ? 422 : 503, { error: error.message });
        return finish(500, { error: error instanceof Error ? error.message : String(error) });
      },
    );
  });
  server.requestTimeout = 35 * 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${API_ROOT}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from './httpError.ts';
import { startLocalServer, type LocalHandler, type LocalServer } from '../../connectors/testing/localServer.ts';
import { createHttpClient, type ClosableHttpClient, type HttpClientOptions } from './httpClient.ts';
import { createCollectingLogger } from '../logger.ts';
import { commitValidators, createStagingValidatorStore } from './validators.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(handler: LocalHandler): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  cleanups.push(server.close);
  return server;
}

/** A client that never really waits: each backoff is recorded instead. */
function client(options: HttpClientOptions = {}): { http: ClosableHttpClient; waits: number[] } {
  const waits: number[] = [];
  const http = createHttpClient({
    proxyEnv: {},
    random: () => 1,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
  cleanups.push(http.close);
  return { http, waits };
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('the connector HTTP client', () => {
  it('names the URL and what to check when nothing listens, after retrying', async () => {
    const server = await serve(() => undefined);
    const url = server.url('/feed.json');
    await server.close();
    const { http, waits } = client({ retries: 2, baseDelayMs: 100 });
    const error = await failure(http.get(url));
    expect(error.code).toBe('connection');
    expect(error.message).toContain(url);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toMatch(/Check the URL/);
    expect(error.message).toContain('3 attempts');
    // Full jitter with random() = 1 waits the whole exponential ceiling: 100, 200.
    expect(waits).toEqual([100, 200]);
  });

  it('gives up on a server that never answers within the timeout', async () => {
    const server = await serve(() => undefined);
    const { http } = client({ retries: 0 });
    const started = Date.now();
    const error = await failure(http.get(server.url('/slow'), { timeoutMs: 200 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain(server.url('/slow'));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('retries a 500 and returns the next good answer', async () => {
    let calls = 0;
    const server = await serve((_request, response) => {
      calls += 1;
      if (calls === 1) response.writeHead(500).end('oops');
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const { http, waits } = client({ baseDelayMs: 250 });
    const response = await http.get(server.url('/'), { accept: ['application/json'] });
    expect(response.json()).toEqual({ ok: true });
    expect(calls).toBe(2);
    expect(waits).toEqual([250]);
  });

  it('waits as long as Retry-After asks on a 429, in seconds or as a date, within the cap', async () => {
    const answers = [
      { status: 429, retryAfter: '7' },
      { status: 503, retryAfter: 'Thu, 01 Jan 2026 00:00:30 GMT' },
      { status: 429, retryAfter: '86400' },
      { status: 200, retryAfter: '' },
    ];
    const server = await serve((_request, response) => {
      const next = answers.shift();
      if (!next) throw new Error('too many requests');
      response.writeHead(next.status, next.retryAfter === '' ? {} : { 'retry-after': next.retryAfter }).end('done');
    });
    const { http, waits } = client({ retries: 3, maxRetryAfterMs: 60_000, now: () => new Date('2026-01-01T00:00:00Z') });
    const response = await http.get(server.url('/'));
    expect(response.text()).toBe('done');
    expect(waits).toEqual([7_000, 30_000, 60_000]);
  });

  it('reports a 404 at once, without retrying', async () => {
    const server = await serve((_request, response) => response.writeHead(404).end());
    const { http, waits } = client();
    const error = await failure(http.get(server.url('/gone')));
    expect(error.code).toBe('status');
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/feed may have moved/);
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('calls a truncated JSON download invalid instead of returning half of it', async () => {
    const server = await serve((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"vulnerabilities":[{"cveID":"CVE-2021-44228"},{"cve'));
    const { http } = client();
    const response = await http.get(server.url('/kev.json'));
    let error: unknown;
    try {
      response.json();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).code).toBe('invalid-json');
    expect((error as HttpError).message).toContain(server.url('/kev.json'));
  });

  it('refuses an HTML page where JSON was expected', async () => {
    const server = await serve((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>Sign in</html>'));
    const { http } = client();
    const error = await failure(http.get(server.url('/feed'), { accept: ['application/json', 'application/taxii+json'] }));
    expect(error.code).toBe('content-type');
    expect(error.message).toContain('text/html');
    expect(server.requests).toHaveLength(1);
  });

  it('stops downloading as soon as a body passes the size cap', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let stoppedEarly = false;
    const server = await serve(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.on('close', () => {
        stoppedEarly = !response.writableFinished;
      });
      for (let index = 0; index < 200 && !response.destroyed; index += 1) {
        written += chunk.length;
        if (!response.write(chunk)) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      response.end();
    });
    const { http } = client();
    const error = await failure(http.get(server.url('/huge'), { maxBytes: 200 * 1024 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/200 KiB/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stoppedEarly).toBe(true);
    expect(written).toBeLessThan(200 * chunk.length);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const server = await serve((_request, response) => response.writeHead(200, { 'content-length': String(5_000_000) }).end(Buffer.alloc(5_000_000)));
    const { http } = client();
    expect((await failure(http.get(server.url('/big'), { maxBytes: 1_000_000 }))).code).toBe('too-large');
  });

  it('decodes gzip, and applies the cap to the decompressed size (a zip bomb is refused)', async () => {
    const json = JSON.stringify({ items: Array.from({ length: 500 }, (_, index) => `item-${String(index)}`) });
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    const server = await serve((request, response) => {
      const body = request.url === '/bomb' ? bomb : gzipSync(json);
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(body.length) }).end(body);
    });
    const { http } = client();
    expect((await http.get(server.url('/feed'))).json()).toEqual(JSON.parse(json));
    expect(String(server.requests[0]?.headers['accept-encoding'])).toContain('gzip');
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await failure(http.get(server.url('/bomb'), { maxBytes: 1024 * 1024 }))).code).toBe('too-large');
  });

  it('asks conditionally only with validators that were committed, and reports 304 as not modified', async () => {
    const etag = '"v1"';
    const lastModified = 'Wed, 01 Jan 2025 00:00:00 GMT';
    const server = await serve((request, response) => {
      if (request.headers['if-none-match'] === etag) response.writeHead(304).end();
      else response.writeHead(200, { etag, 'last-modified': lastModified, 'content-type': 'application/json' }).end('[1,2,3]');
    });
    const url = server.url('/catalog.json');

    const firstRun = createStagingValidatorStore({});
    const first = await client({ validators: firstRun }).http.get(url, { conditional: true });
    expect(first.notModified).toBe(false);
    expect(firstRun.staged()).toEqual({ [url]: { etag, lastModified } });

    // The first run was never confirmed: the next one must download everything again.
    const afterFailure = await client({ validators: createStagingValidatorStore({}) }).http.get(url, { conditional: true });
    expect(afterFailure.notModified).toBe(false);
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();

    const committed = commitValidators({}, firstRun.staged());
    const afterSuccess = await client({ validators: createStagingValidatorStore(committed) }).http.get(url, { conditional: true });
    expect(server.requests[2]?.headers['if-none-match']).toBe(etag);
    expect(server.requests[2]?.headers['if-modified-since']).toBe(lastModified);
    expect(afterSuccess.notModified).toBe(true);
    expect(afterSuccess.status).toBe(304);
    expect(afterSuccess.body).toHaveLength(0);
  });

  it('sends credentials without logging them, and drops them when a redirect leaves the origin', async () => {
    const other = await serve((_request, response) => response.writeHead(200).end('moved here'));
    const server = await serve((_request, response) => response.writeHead(302, { location: other.url('/feed') }).end());
    const { logger, entries } = createCollectingLogger();
    const { http } = client({ log: logger });
    const response = await http.get(server.url('/feed?apikey=s3cr3t-key'), { auth: { type: 'header', name: 'X-OTX-API-KEY', value: 's3cr3t-key' } });
    expect(response.text()).toBe('moved here');
    expect(server.requests[0]?.headers['x-otx-api-key']).toBe('s3cr3t-key');
    expect(other.requests[0]?.headers['x-otx-api-key']).toBeUndefined();
    expect(entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toContain('s3cr3t');
  });

  it('stops at once when the run is cancelled during a backoff', async () => {
    const server = await serve((_request, response) => response.writeHead(503).end());
    const controller = new AbortController();
    const http = createHttpClient({ proxyEnv: {}, signal: controller.signal, baseDelayMs: 60_000, random: () => 1 });
    cleanups.push(http.close);
    const pending = failure(http.get(server.url('/')));
    setTimeout(() => controller.abort(), 100);
    const error = await pending;
    expect(error.code).toBe('aborted');
  });
});

describe('the connector HTTP client behind a proxy', () => {
  /** A minimal forward proxy: absolute-form requests and CONNECT tunnels, each recorded. */
  async function startProxy(): Promise<{ url: string; seen: string[] }> {
    const seen: string[] = [];
    const sockets = new Set<Socket>();
    const proxy: Server = createServer((request, response) => {
      seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
      const target = new URL(request.url ?? '');
      const upstream = httpRequest(target, { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      request.pipe(upstream);
    });
    proxy.on('connect', (request, client, head) => {
      seen.push(`CONNECT ${request.url ?? ''}`);
      const [host, port] = (request.url ?? '').split(':');
      const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
    });
    proxy.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          proxy.close(() => resolve());
        }),
    );
    return { url: `http://127.0.0.1:${String((proxy.address() as AddressInfo).port)}`, seen };
  }

  it('goes through the proxy named in HTTP_PROXY, and around it for NO_PROXY hosts', async () => {
    const target = await serve((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('via proxy'));
    const proxy = await startProxy();
    const { http } = client({ proxyEnv: { HTTP_PROXY: proxy.url } });
    expect((await http.get(target.url('/feed'))).text()).toBe('via proxy');
    expect(proxy.seen.join('\n')).toContain(new URL(target.origin).host);

    const bypass = client({ proxyEnv: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }).http;
    const before = proxy.seen.length;
    expect((await bypass.get(target.url('/feed'))).text()).toBe('via proxy');
    expect(proxy.seen).toHaveLength(before);
  });

  it('uses a configured proxy over the environment, and names it when it cannot be reached', async () => {
    const target = await serve((_request, response) => response.writeHead(200).end('ok'));
    const proxy = await startProxy();
    const { http } = client({ proxy: proxy.url, proxyEnv: { HTTP_PROXY: 'http://127.0.0.1:9' } });
    expect((await http.get(target.url('/'))).text()).toBe('ok');
    expect(proxy.seen).toHaveLength(1);

    const deadProxy = await serve(() => undefined);
    await deadProxy.close();
    const broken = client({ proxy: deadProxy.origin, retries: 0 }).http;
    const error = await failure(broken.get(target.url('/')));
    expect(error.code).toBe('connection');
    expect(error.message).toContain(deadProxy.origin);
  });
});

/**
 * The one HTTP client (types.ts `HttpClient`) that connectors, enrichment, stream targets and
 * TAXII publishing use, on undici's fetch: a timeout per request that also stops with the
 * run, retries with backoff on network errors, 408, 429 and 5xx (honouring Retry-After),
 * decompression, a size cap enforced while the body streams in, a media-type check,
 * conditional GETs, and the configured or system proxy.
 * Credentials are sent but never logged, and are dropped when a redirect leaves the origin.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { fetch, type Response } from 'undici';
import { HttpError } from './httpError.ts';
import { backoffDelay, isRetryableStatus, retryAfterDelay } from '../backoff.ts';
import { acceptsMediaType, mediaType, readCapped, tooLarge } from './httpBody.ts';
import { createProxyDispatcher, describeProxy, type ProxyEnvironment } from './proxy.ts';
import { silentLogger, type RunLogger } from '../logger.ts';
import { redactUrl } from '../redact.ts';
import type { HttpClient, HttpRequestOptions, HttpResponse } from './types.ts';
import type { HttpValidators, ValidatorStore } from './validators.ts';

export interface HttpClientOptions {
  /** `http://host:port`; when absent, HTTPS_PROXY / HTTP_PROXY / NO_PROXY from `proxyEnv`. */
  proxy?: string;
  /** Where the proxy variables are read from; `process.env` by default. */
  proxyEnv?: ProxyEnvironment;
  userAgent?: string;
  validators?: ValidatorStore;
  /** Extra attempts after the first (3 by default). */
  retries?: number;
  /**
   * Called before every attempt, retries included; may wait or throw. Enrichment counts
   * each attempt against a provider's quota here, since providers count retries too.
   */
  beforeAttempt?: (url: string, attempt: number) => Promise<void>;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest wait a Retry-After header may impose. */
  maxRetryAfterMs?: number;
  defaultTimeoutMs?: number;
  defaultMaxBytes?: number;
  maxRedirects?: number;
  /** The run's signal: aborting it stops requests and waits at once. */
  signal?: AbortSignal;
  log?: RunLogger;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
}

export interface ClosableHttpClient extends HttpClient {
  /**
   * POSTs a text body with the same timeouts, retries, size cap and proxy as `get`. Only
   * for requests a server may safely receive twice (a TAXII envelope: §5.5 keeps one copy
   * per object version). Redirects are not followed: a body is never re-sent elsewhere.
   */
  post: (url: string, body: string, options?: HttpRequestOptions) => Promise<HttpResponse>;
  /** Closes pooled connections (the runtime calls it when a run ends). */
  close: () => Promise<void>;
}

export const HTTP_DEFAULTS = {
  retries: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  defaultTimeoutMs: 60_000,
  defaultMaxBytes: 256 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'Magpie (threat-intelligence workbench)',
} as const;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Attempt = { done: HttpResponse } | { retry: HttpError; waitMs?: number };

export function createHttpClient(options: HttpClientOptions = {}): ClosableHttpClient {
  const settings = { ...HTTP_DEFAULTS, ...definedOnly(options) };
  const proxyEnv = options.proxyEnv ?? process.env;
  const dispatcher = createProxyDispatcher(options.proxy, proxyEnv);
  const log = options.log ?? silentLogger;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const runSignal = options.signal;
  const sleep = options.sleep ?? ((ms: number) => delay(ms, undefined, runSignal ? { signal: runSignal } : {}));

  function connectionHint(url: string): string {
    const via = describeProxy(options.proxy, proxyEnv, url);
    return via === null
      ? 'Check the URL and the network connection, or set a proxy if this network needs one.'
      : `Check the URL, the network connection and the proxy (${redactUrl(via)}).`;
  }

  function aborted(url: string): HttpError {
    return new HttpError('aborted', url, `The download of ${redactUrl(url)} was stopped because the run was cancelled.`);
  }

  function requestHeaders(url: string, request: HttpRequestOptions): Record<string, string> {
    const headers: Record<string, string> = { 'user-agent': settings.userAgent };
    if (request.accept && request.accept.length > 0) headers.accept = request.accept.join(', ');
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    if (request.conditional) {
      const known = options.validators?.get(url);
      if (known?.etag) headers['if-none-match'] = known.etag;
      if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    }
    return headers;
  }

  /** Follows redirects by hand so credentials never reach another origin. */
  async function fetchFollowing(url: string, headers: Record<string, string>, auth: Record<string, string>, signal: AbortSignal, body?: string): Promise<Response> {
    if (body !== undefined) {
      const response = await fetch(url, { method: 'POST', body, headers: { ...headers, ...auth }, redirect: 'manual', signal, dispatcher });
      if (!REDIRECTS.has(response.status)) return response;
      await response.body?.cancel().catch(() => undefined);
      throw new HttpError('status', url, `${redactUrl(url)} redirected a POST elsewhere; Magpie does not re-send data to another address. Use the final URL.`, response.status);
    }
    let current = url;
    let sendAuth = true;
    for (let hop = 0; ; hop += 1) {
      const response = await fetch(current, {
        headers: sendAuth ? { ...headers, ...auth } : headers,
        redirect: 'manual',
        signal,
        dispatcher,
      });
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      if (hop >= settings.maxRedirects) {
        throw new HttpError('status', url, `${redactUrl(url)} redirected more than ${String(settings.maxRedirects)} times. Check the URL.`, response.status);
      }
      const next = new URL(location, current);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new HttpError('status', url, `${redactUrl(url)} redirected to an unsupported address (${next.protocol}).`, response.status);
      }
      if (next.origin !== new URL(current).origin) sendAuth = false;
      log.debug(`${redactUrl(current)} redirected to ${redactUrl(next.href)}`);
      current = next.href;
    }
  }

  async function attempt(url: string, request: HttpRequestOptions, payload?: string): Promise<Attempt> {
    const timeoutMs = request.timeoutMs ?? settings.defaultTimeoutMs;
    const maxBytes = request.maxBytes ?? settings.defaultMaxBytes;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = runSignal ? AbortSignal.any([timeout, runSignal]) : timeout;
    const shown = redactUrl(url);
    try {
      const response = await fetchFollowing(url, requestHeaders(url, request), authHeaders(request.auth), signal, payload);
      const headers = Object.fromEntries(response.headers.entries());
      if (response.status === 304 && request.conditional) {
        await response.body?.cancel().catch(() => undefined);
        return { done: makeResponse(url, 304, true, headers, new Uint8Array(0)) };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => undefined);
        const error = statusError(url, response.status);
        if (!isRetryableStatus(response.status)) throw error;
        return { retry: error, waitMs: retryAfterDelay(response.headers.get('retry-after'), now(), settings.maxRetryAfterMs) };
      }
      const type = mediaType(response.headers.get('content-type'));
      if (request.accept && request.accept.length > 0 && type !== '' && !acceptsMediaType(request.accept, type)) {
        await response.body?.cancel().catch(() => undefined);
        throw new HttpError(
          'content-type',
          url,
          `${shown} answered with ${type}, not ${request.accept.join(' or ')}. Check the URL: a login page, a proxy's error page or a moved feed often answers in HTML.`,
        );
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (!response.headers.has('content-encoding') && declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(shown, maxBytes);
      }
      // DOM and Node typings disagree on fetch's body type; both are byte streams.
      const body = await readCapped(response.body as ReadableStream<Uint8Array> | null, maxBytes, shown);
      if (request.conditional) stageValidators(url, headers);
      return { done: makeResponse(url, response.status, false, headers, body) };
    } catch (error) {
      if (runSignal?.aborted) throw aborted(url);
      if (error instanceof HttpError) {
        if (error.code === 'too-large') throw new HttpError('too-large', url, error.message);
        throw error;
      }
      if (timeout.aborted) {
        return { retry: new HttpError('timeout', url, `${shown} did not answer within ${String(Math.round(timeoutMs / 1000))} s. ${connectionHint(url)}`) };
      }
      return { retry: new HttpError('connection', url, `Could not download ${shown} (${networkReason(error)}). ${connectionHint(url)}`) };
    }
  }

  function stageValidators(url: string, headers: Record<string, string>): void {
    if (!options.validators) return;
    const validators: HttpValidators = {};
    if (headers.etag) validators.etag = headers.etag;
    if (headers['last-modified']) validators.lastModified = headers['last-modified'];
    if (validators.etag !== undefined || validators.lastModified !== undefined) options.validators.stage(url, validators);
  }

  async function send(url: string, request: HttpRequestOptions, body?: string): Promise<HttpResponse> {
    checkUrl(url);
    const attempts = settings.retries + 1;
    const shown = redactUrl(url);
    log.debug(`${body === undefined ? 'GET' : 'POST'} ${shown}`);
    for (let index = 0; ; index += 1) {
      if (runSignal?.aborted) throw aborted(url);
      await options.beforeAttempt?.(url, index);
      const outcome = await attempt(url, request, body);
      if ('done' in outcome) return outcome.done;
      if (index + 1 >= attempts) {
        const error = outcome.retry;
        const tries = attempts === 1 ? '' : ` (gave up after ${String(attempts)} attempts)`;
        throw new HttpError(error.code, url, `${error.message}${tries}`, error.status);
      }
      const waitMs = outcome.waitMs ?? backoffDelay(index, { baseDelayMs: settings.baseDelayMs, maxDelayMs: settings.maxDelayMs, random });
      log.warn(`${outcome.retry.message} Retrying in ${formatSeconds(waitMs)} (attempt ${String(index + 2)} of ${String(attempts)}).`);
      try {
        await sleep(waitMs);
      } catch (error) {
        if (runSignal?.aborted) throw aborted(url);
        throw error;
      }
    }
  }

  return {
    get: (url, request = {}) => send(url, request),
    post: (url, body, request = {}) => send(url, request, body),
    close: () => dispatcher.close(),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

function checkUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new HttpError('connection', url, `"${redactUrl(url)}" is not a URL. Check the connector's settings.`);
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new HttpError('connection', url, `${redactUrl(url)} is not an http(s) URL. Check the connector's settings.`);
  }
}

function authHeaders(auth: HttpRequestOptions['auth']): Record<string, string> {
  if (!auth) return {};
  switch (auth.type) {
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}` };
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'header':
      return { [auth.name.toLowerCase()]: auth.value };
  }
}

function statusError(url: string, status: number): HttpError {
  const shown = redactUrl(url);
  const hint =
    status === 401 || status === 403
      ? 'Check the credentials (API key, user name and password) in the connector settings.'
      : status === 404 || status === 410
        ? 'Check the URL: the feed may have moved.'
        : status === 429
          ? 'The server is rate-limiting requests; try again later or run the connector less often.'
          : status >= 500
            ? 'The server had a problem; it usually passes, so try again later.'
            : 'Check the URL and the connector settings.';
  return new HttpError('status', url, `${shown} answered HTTP ${String(status)}. ${hint}`, status);
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

function makeResponse(url: string, status: number, notModified: boolean, headers: Record<string, string>, body: Uint8Array): HttpResponse {
  const text = (): string => new TextDecoder('utf-8').decode(body);
  return {
    url,
    status,
    notModified,
    headers,
    body,
    text,
    json: () => {
      try {
        return JSON.parse(text()) as unknown;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new HttpError(
          'invalid-json',
          url,
          `${redactUrl(url)} did not return valid JSON (${reason}); the download may have been cut off. Run the connector again, and check the URL if it keeps happening.`,
        );
      }
    },
  };
}

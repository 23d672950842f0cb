/**
 * A TAXII 2.1 client over the runtime's HttpClient (OASIS TAXII Version 2.1,
 * https://docs.oasis-open.org/cti/taxii/v2.1/): discovery (§4.1) or an API root given
 * directly (§4.2), the collection list (§5.1), and Get Objects (§5.4) page by page.
 *
 * Pages follow `next` while `more` is true; a server that says `more` without a `next`
 * is paged by `added_after` = its X-TAXII-Date-Added-Last instead (§3.4). A `next` may be
 * the same on every page of one query (medallion does this, and §3.4 allows it), so endless
 * paging is caught by progress — pages that bring nothing new, or more repeats than new
 * objects — never by the token's value (issue 18). Repeats are dropped: each object once. OpenCTI's
 * quirks are accepted: a discovery `default` of `/root` that is not among its
 * `api_roots`, API root URLs without a trailing slash, and `next: ''` on the last page.
 */
import { z } from 'zod';
import { compareTimestamps, isTimestamp } from '../../../core/stix/index.ts';
import type { HttpClient, HttpRequestOptions, HttpResponse, RunLogger } from '../types.ts';
import { explainHttpError, TaxiiError, type RequestContext } from './errors.ts';
import { checkTaxiiMediaType, TAXII_21 } from './media.ts';
import { createPagingProgress } from './pagingProgress.ts';

export interface TaxiiCollection {
  id: string;
  title: string;
  canRead: boolean;
  canWrite: boolean;
  /** `{apiRoot}collections/{id}/`. */
  url: string;
}

export interface ObjectPage {
  objects: unknown[];
  /** X-TAXII-Date-Added-Last when the server sent a usable one. */
  dateAddedLast: string | undefined;
  /** The server's clock (its Date header) when it answered, as an ISO timestamp. */
  serverDate: string | undefined;
}

export interface PageQuery {
  addedAfter: string | undefined;
  limit: number;
}

export interface TaxiiClient {
  /** The API root to read: `url` itself when it is one, else the one `choice` names (default: the server's). */
  apiRoot: (url: string, choice?: string) => Promise<string>;
  /** Every API root the server lists (or `url` itself when it is one), with its size limit (§4.2). */
  apiRoots: (url: string) => Promise<TaxiiApiRoot[]>;
  collections: (apiRoot: string) => Promise<TaxiiCollection[]>;
  /** Any other TAXII resource (a status, §4.3), media type checked, body still to be parsed. */
  resource: (url: string, endpoint: RequestContext['endpoint']) => Promise<unknown>;
  objectPages: (collection: TaxiiCollection, query: PageQuery) => AsyncGenerator<ObjectPage>;
}

export interface TaxiiApiRoot {
  url: string;
  title: string;
  /** The largest request body the root accepts, in bytes (`max_content_length`). */
  maxContentLength: number | undefined;
}

export interface TaxiiClientOptions {
  auth: HttpRequestOptions['auth'];
  log: RunLogger;
  signal?: AbortSignal;
  /** Largest page accepted; OpenCTI announces 100 MiB as its max_content_length. */
  maxPageBytes?: number;
}

const discoverySchema = z.object({ title: z.string().optional(), default: z.string().optional(), api_roots: z.array(z.string()).optional() });
const apiRootSchema = z.object({ title: z.string().optional(), versions: z.array(z.string()), max_content_length: z.number().int().positive().optional() });
const collectionsSchema = z.object({
  collections: z
    .array(z.object({ id: z.string().min(1), title: z.string().optional(), can_read: z.boolean().optional(), can_write: z.boolean().optional() }))
    .optional(),
});
const envelopeSchema = z.object({ more: z.boolean().optional(), next: z.string().optional(), objects: z.array(z.unknown()).optional() });


export function createTaxiiClient(http: HttpClient, options: TaxiiClientOptions): TaxiiClient {
  const hasCredentials = options.auth !== undefined;
  const maxBytes = options.maxPageBytes ?? 100 * 1024 * 1024;

  async function getTaxii(url: string, context: Omit<RequestContext, 'url' | 'hasCredentials'>): Promise<{ body: unknown; response: HttpResponse }> {
    options.signal?.throwIfAborted();
    const full: RequestContext = { ...context, url, hasCredentials };
    let response: HttpResponse;
    try {
      response = await http.get(url, { headers: { accept: TAXII_21 }, maxBytes, ...(options.auth ? { auth: options.auth } : {}) });
    } catch (error) {
      throw explainHttpError(error, full);
    }
    checkTaxiiMediaType(response.headers, full);
    try {
      return { body: response.json(), response };
    } catch (error) {
      throw explainHttpError(error, full);
    }
  }

  function shapeError(url: string, what: string, issues: z.core.$ZodIssue[]): TaxiiError {
    const first = issues[0];
    const detail = first === undefined ? '' : ` (${first.path.map(String).join('.') || 'body'}: ${first.message})`;
    return new TaxiiError('protocol', `${url} did not answer with a TAXII 2.1 ${what}${detail}. Check that it is a TAXII 2.1 URL.`);
  }

  async function apiRoot(url: string, choice?: string): Promise<string> {
    const { body } = await getTaxii(url, { endpoint: 'discovery' });
    const asRoot = apiRootSchema.safeParse(body);
    if (asRoot.success) {
      checkVersions(url, asRoot.data.versions);
      return withSlash(url);
    }
    const discovery = discoverySchema.safeParse(body);
    if (!discovery.success || (discovery.data.api_roots === undefined && discovery.data.default === undefined)) {
      throw new TaxiiError('not-taxii', `${url} answered, but with neither a TAXII 2.1 discovery nor an API root. Check the URL (OpenCTI: https://host/taxii2/).`);
    }
    const root = pickApiRoot(url, discovery.data.api_roots ?? [], discovery.data.default, choice);
    const { body: rootBody } = await getTaxii(root, { endpoint: 'api-root' });
    const information = apiRootSchema.safeParse(rootBody);
    if (!information.success) throw shapeError(root, 'API root', information.error.issues);
    checkVersions(root, information.data.versions);
    return root;
  }

  async function apiRoots(url: string): Promise<TaxiiApiRoot[]> {
    const { body } = await getTaxii(url, { endpoint: 'discovery' });
    const asRoot = apiRootSchema.safeParse(body);
    if (asRoot.success) return [rootOf(withSlash(url), asRoot.data)];
    const discovery = discoverySchema.safeParse(body);
    if (!discovery.success || discovery.data.api_roots === undefined) {
      throw new TaxiiError('not-taxii', `${url} answered, but with neither a TAXII 2.1 discovery nor an API root. Check the URL (OpenCTI: https://host/taxii2/).`);
    }
    const roots: TaxiiApiRoot[] = [];
    for (const listed of discovery.data.api_roots) {
      const root = withSlash(new URL(listed, url).href);
      const { body: rootBody } = await getTaxii(root, { endpoint: 'api-root' });
      const information = apiRootSchema.safeParse(rootBody);
      if (!information.success) throw shapeError(root, 'API root', information.error.issues);
      checkVersions(root, information.data.versions);
      roots.push(rootOf(root, information.data));
    }
    return roots;
  }

  async function resource(url: string, endpoint: RequestContext['endpoint']): Promise<unknown> {
    return (await getTaxii(url, { endpoint })).body;
  }

  async function collections(root: string): Promise<TaxiiCollection[]> {
    const url = `${root}collections/`;
    const { body } = await getTaxii(url, { endpoint: 'collections' });
    const parsed = collectionsSchema.safeParse(body);
    if (!parsed.success) throw shapeError(url, 'collection list', parsed.error.issues);
    return (parsed.data.collections ?? []).map((collection) => ({
      id: collection.id,
      title: collection.title ?? collection.id,
      canRead: collection.can_read ?? true,
      canWrite: collection.can_write ?? false,
      url: `${url}${encodeURIComponent(collection.id)}/`,
    }));
  }

  async function* objectPages(collection: TaxiiCollection, query: PageQuery): AsyncGenerator<ObjectPage> {
    let addedAfter = query.addedAfter;
    let next: string | undefined;
    const progress = createPagingProgress();
    for (;;) {
      const url = objectsUrl(collection.url, addedAfter, query.limit, next);
      const { body, response } = await getTaxii(url, { endpoint: 'objects', collection: `"${collection.title}"` });
      const envelope = envelopeSchema.safeParse(body);
      if (!envelope.success) throw shapeError(url, 'envelope', envelope.error.issues);
      const objects = progress.fresh(envelope.data.objects ?? []);
      const dateAddedLast = timestampHeader(response.headers['x-taxii-date-added-last']);
      yield { objects, dateAddedLast, serverDate: httpDate(response.headers['date']) };
      if (envelope.data.more !== true) return;
      const stalled = progress.stalled(query.limit);
      if (stalled !== undefined) {
        throw new TaxiiError('protocol', `The TAXII collection "${collection.title}" says more objects follow but ${stalled}; stopped after ${String(progress.pages)} pages (${String(progress.unique)} objects read) to avoid reading it forever. Report this to the server's administrators.`);
      }
      const token = envelope.data.next;
      if (token !== undefined && token !== '') {
        next = token;
        continue;
      }
      // `more` with no `next`: page on by date, which only works while the date moves on.
      if (dateAddedLast === undefined || (addedAfter !== undefined && compareTimestamps(dateAddedLast, addedAfter) <= 0)) {
        throw new TaxiiError('protocol', `The TAXII collection "${collection.title}" says more objects follow but gives neither a next token nor a later X-TAXII-Date-Added-Last.`);
      }
      options.log.debug(`"${collection.title}": no next token, paging on from ${dateAddedLast}`);
      addedAfter = dateAddedLast;
      next = undefined;
    }
  }

  return { apiRoot, apiRoots, collections, resource, objectPages };
}

function rootOf(url: string, information: z.infer<typeof apiRootSchema>): TaxiiApiRoot {
  return { url, title: information.title ?? url, maxContentLength: information.max_content_length };
}

function checkVersions(url: string, versions: readonly string[]): void {
  const normalised = versions.map((version) => version.replace(/\s+/g, '').toLowerCase());
  if (normalised.includes(TAXII_21)) return;
  throw new TaxiiError('not-taxii', `The API root ${url} offers ${versions.join(', ') || 'no version'}, not TAXII 2.1 (${TAXII_21}). Magpie reads TAXII 2.1 servers only.`);
}

/** §4.1: `default` MUST be one of `api_roots`; OpenCTI sends `/root` for `…/taxii2/root`. */
export function pickApiRoot(discoveryUrl: string, listed: readonly string[], defaultRoot: string | undefined, choice: string | undefined): string {
  const roots = listed.map((root) => withSlash(new URL(root, discoveryUrl).href));
  const names = roots.length > 0 ? roots.join(', ') : 'none';
  if (choice !== undefined && choice !== '') {
    const wanted = choice.replace(/\/+$/, '');
    const found = roots.find((root) => root.replace(/\/+$/, '') === wanted || lastSegment(root) === wanted.replace(/^\/+/, ''));
    if (found === undefined) throw new TaxiiError('no-api-root', `The TAXII server at ${discoveryUrl} has no API root "${choice}". It lists: ${names}.`);
    return found;
  }
  if (defaultRoot !== undefined && defaultRoot !== '') {
    const resolved = withSlash(new URL(defaultRoot, discoveryUrl).href);
    const suffix = withSlash(defaultRoot.startsWith('/') ? defaultRoot : `/${defaultRoot}`);
    const found = roots.find((root) => root === resolved) ?? roots.find((root) => root.endsWith(suffix));
    if (found !== undefined) return found;
    if (/^https?:/i.test(defaultRoot)) return resolved;
  }
  const [only, ...others] = roots;
  if (only !== undefined && others.length === 0) return only;
  if (only === undefined) throw new TaxiiError('no-api-root', `The TAXII server at ${discoveryUrl} lists no API root this account can use.`);
  throw new TaxiiError('no-api-root', `The TAXII server at ${discoveryUrl} has several API roots and no default: choose one in the connector's settings (${names}).`);
}

function objectsUrl(collectionUrl: string, addedAfter: string | undefined, limit: number, next: string | undefined): string {
  const url = new URL('objects/', collectionUrl);
  if (addedAfter !== undefined) url.searchParams.set('added_after', addedAfter);
  url.searchParams.set('limit', String(limit));
  if (next !== undefined) url.searchParams.set('next', next);
  return url.href;
}

/**
 * A TAXII timestamp header, kept as sent when it is a STIX timestamp so that no precision
 * is lost; other date forms are read and truncated to milliseconds (earlier, so safe).
 * OpenCTI can send the word `undefined`.
 */
function timestampHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (isTimestamp(text)) return text;
  const time = Date.parse(text);
  return Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(text) ? undefined : new Date(time).toISOString();
}

function httpDate(value: string | undefined): string | undefined {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function lastSegment(url: string): string {
  return new URL(url).pathname.replace(/\/+$/, '').split('/').at(-1) ?? '';
}

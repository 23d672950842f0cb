import { describe, expect, it } from 'vitest';
import { HttpError } from '../../services/http/httpError.ts';
import type { HttpClient, HttpRequestOptions, HttpResponse, RunLogger } from '../types.ts';
import { createTaxiiClient, pickApiRoot, type ObjectPage, type TaxiiCollection } from './client.ts';
import { TaxiiError } from './errors.ts';

const TAXII = 'application/taxii+json;version=2.1';
const ROOT = 'https://taxii.example/api1/';

interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An HttpClient that answers from a function and, like the runtime's, throws on non-2xx. */
function fakeHttp(answer: (url: URL) => Reply): HttpClient & { calls: { url: URL; options: HttpRequestOptions }[] } {
  const calls: { url: URL; options: HttpRequestOptions }[] = [];
  return {
    calls,
    get: (url, options = {}) => {
      const parsed = new URL(url);
      calls.push({ url: parsed, options });
      const reply = answer(parsed);
      const status = reply.status ?? 200;
      if (status >= 400) return Promise.reject(new HttpError('status', url, `${url} answered HTTP ${String(status)}.`, status));
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      const response: HttpResponse = {
        url,
        status,
        notModified: false,
        headers: { 'content-type': TAXII, ...reply.headers },
        body: new TextEncoder().encode(text),
        text: () => text,
        json: () => JSON.parse(text) as unknown,
      };
      return Promise.resolve(response);
    },
  };
}

const quiet: RunLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const collection: TaxiiCollection = { id: 'c1', title: 'Reports', canRead: true, canWrite: false, url: `${ROOT}collections/c1/` };

async function pages(http: HttpClient, addedAfter?: string, limit = 2): Promise<ObjectPage[]> {
  const client = createTaxiiClient(http, { auth: undefined, log: quiet });
  const result: ObjectPage[] = [];
  for await (const page of client.objectPages(collection, { addedAfter, limit })) result.push(page);
  return result;
}

async function failure(promise: Promise<unknown>): Promise<TaxiiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TaxiiError)) throw new Error(`expected a TaxiiError, got ${String(error)}`);
  return error;
}

describe('finding the API root', () => {
  it("takes the discovery's default root, and checks that it offers TAXII 2.1", async () => {
    const http = fakeHttp((url) =>
      url.pathname === '/taxii2/' ? { body: { default: ROOT, api_roots: ['https://taxii.example/api2/', ROOT] } } : { body: { versions: [TAXII] } },
    );
    const client = createTaxiiClient(http, { auth: undefined, log: quiet });
    expect(await client.apiRoot('https://taxii.example/taxii2/')).toBe(ROOT);
    expect(http.calls.map((call) => call.url.pathname)).toEqual(['/taxii2/', '/api1/']);
    expect(http.calls[0]?.options.headers).toEqual({ accept: TAXII });
  });

  it('lists every API root of a discovery with its max_content_length, and collections with can_write (for publishing)', async () => {
    const http = fakeHttp((url) => {
      if (url.pathname === '/taxii2/') return { body: { default: ROOT, api_roots: ['/api2/', ROOT] } };
      if (url.pathname.endsWith('/collections/')) return { body: { collections: [{ id: 'w', title: 'Inbox', can_read: false, can_write: true }, { id: 'r', title: 'Feed' }] } };
      return { body: { title: url.pathname === '/api2/' ? 'Second' : 'First', versions: [TAXII], ...(url.pathname === '/api2/' ? { max_content_length: 1_000_000 } : {}) } };
    });
    const client = createTaxiiClient(http, { auth: undefined, log: quiet });
    expect(await client.apiRoots('https://taxii.example/taxii2/')).toEqual([
      { url: 'https://taxii.example/api2/', title: 'Second', maxContentLength: 1_000_000 },
      { url: ROOT, title: 'First', maxContentLength: undefined },
    ]);
    expect((await client.collections(ROOT)).map(({ id, canRead, canWrite }) => ({ id, canRead, canWrite }))).toEqual([
      { id: 'w', canRead: false, canWrite: true },
      { id: 'r', canRead: true, canWrite: false },
    ]);
  });

  it('accepts an API root URL given directly', async () => {
    const client = createTaxiiClient(
      fakeHttp(() => ({ body: { title: 'root', versions: [TAXII] } })),
      { auth: undefined, log: quiet },
    );
    expect(await client.apiRoot('https://taxii.example/api1')).toBe(ROOT);
  });

  it("understands OpenCTI's discovery, whose default `/root` is not one of its URLs", () => {
    expect(pickApiRoot('https://octi.example/taxii2', ['https://octi.example/taxii2/root'], '/root', undefined)).toBe('https://octi.example/taxii2/root/');
  });

  it('picks a root by URL or by its last path segment, and lists the choices when none fits', () => {
    const roots = ['https://t.example/trustgroup1/', 'https://t.example/public/'];
    expect(pickApiRoot('https://t.example/taxii2/', roots, undefined, 'public')).toBe('https://t.example/public/');
    expect(pickApiRoot('https://t.example/taxii2/', roots, undefined, 'https://t.example/trustgroup1')).toBe('https://t.example/trustgroup1/');
    expect(() => pickApiRoot('https://t.example/taxii2/', roots, undefined, undefined)).toThrow(/several API roots and no default.*trustgroup1.*public/);
    expect(() => pickApiRoot('https://t.example/taxii2/', roots, undefined, 'other')).toThrow(/no API root "other"/);
  });

  it('says a TAXII 2.0 server is not TAXII 2.1, by media type or by the versions it lists', async () => {
    const old = fakeHttp(() => ({ headers: { 'content-type': 'application/vnd.oasis.taxii+json; version=2.0' }, body: { api_roots: [] } }));
    expect((await failure(createTaxiiClient(old, { auth: undefined, log: quiet }).apiRoot('https://t.example/taxii/'))).message).toMatch(/TAXII 2\.0 server/);
    const versions = fakeHttp(() => ({ body: { versions: ['application/taxii+json;version=2.0'] } }));
    expect((await failure(createTaxiiClient(versions, { auth: undefined, log: quiet }).apiRoot(ROOT))).message).toMatch(/not TAXII 2\.1/);
  });

  it('says a web page is not a TAXII endpoint', async () => {
    const html = fakeHttp(() => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html>Sign in</html>' }));
    const error = await failure(createTaxiiClient(html, { auth: undefined, log: quiet }).apiRoot('https://t.example/login'));
    expect(error.code).toBe('not-taxii');
    expect(error.message).toMatch(/answered with text\/html.*not a TAXII 2\.1 endpoint/);
  });
});

describe('reading objects', () => {
  const objects = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ type: 'x-test', id: name }));

  it('follows next while more is true and sends added_after and limit on every page', async () => {
    const http = fakeHttp((url) => {
      const offset = Number(url.searchParams.get('next') ?? '0');
      const page = objects.slice(offset, offset + 2);
      const more = offset + 2 < objects.length;
      return { body: { more, ...(more ? { next: String(offset + 2) } : {}), objects: page }, headers: { 'x-taxii-date-added-last': `2025-01-0${String(offset + 1)}T00:00:00.000Z` } };
    });
    const result = await pages(http, '2024-12-31T00:00:00.000Z');
    expect(result.flatMap((page) => page.objects)).toEqual(objects);
    expect(result.map((page) => page.dateAddedLast)).toEqual(['2025-01-01T00:00:00.000Z', '2025-01-03T00:00:00.000Z', '2025-01-05T00:00:00.000Z']);
    for (const call of http.calls) {
      expect(call.url.pathname).toBe('/api1/collections/c1/objects/');
      expect(call.url.searchParams.get('added_after')).toBe('2024-12-31T00:00:00.000Z');
      expect(call.url.searchParams.get('limit')).toBe('2');
    }
    expect(http.calls.map((call) => call.url.searchParams.get('next'))).toEqual([null, '2', '4']);
  });

  it('pages by X-TAXII-Date-Added-Last when a server says more but gives no next token', async () => {
    const stamps = ['2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z', '2025-01-03T00:00:00Z'];
    const http = fakeHttp((url) => {
      const after = url.searchParams.get('added_after');
      const index = after === null ? 0 : stamps.indexOf(after) + 1;
      return { body: { more: index < 2, objects: [objects[index]] }, headers: { 'x-taxii-date-added-last': stamps[index] ?? '' } };
    });
    const result = await pages(http);
    expect(result.flatMap((page) => page.objects)).toEqual(objects.slice(0, 3));
    expect(http.calls.map((call) => call.url.searchParams.get('added_after'))).toEqual([null, stamps[0], stamps[1]]);
  });

  it("reads OpenCTI's last page (next: '') and its `undefined` date headers", async () => {
    const http = fakeHttp(() => ({ body: { more: false, next: '', objects: objects.slice(0, 1) }, headers: { 'x-taxii-date-added-last': 'undefined', date: 'Tue, 07 Jan 2025 10:00:00 GMT' } }));
    const [page] = await pages(http);
    expect(page).toEqual({ objects: objects.slice(0, 1), dateAddedLast: undefined, serverDate: '2025-01-07T10:00:00.000Z' });
  });

  it('treats an envelope without objects as an empty page', async () => {
    const result = await pages(fakeHttp(() => ({ body: { more: false } })));
    expect(result.map((page) => page.objects)).toEqual([[]]);
  });

  it('stops a server that answers the same page again and again instead of reading forever', async () => {
    const http = fakeHttp(() => ({ body: { more: true, next: 'same', objects: objects.slice(0, 1) } }));
    expect((await failure(pages(http))).message).toMatch(/says more objects follow but it has sent 4 objects again that it had already sent; stopped after 5 pages \(1 objects read\)/);
    expect(http.calls.length).toBe(5);
  });

  it('stops a server whose pages stay empty while it says more follow', async () => {
    const http = fakeHttp(() => ({ body: { more: true, next: 'same' } }));
    expect((await failure(pages(http))).message).toMatch(/its last 10 pages brought nothing new/);
    expect(http.calls.length).toBe(10);
  });

  it('accepts the same next token on every page while each page brings new objects, and passes a repeated object on once', async () => {
    const [a, b, c, d, e] = objects;
    const served = [[a, b], [b, c, d], [e]];
    const http = fakeHttp(() => {
      const page = http.calls.length - 1;
      return { body: { more: page < 2, ...(page < 2 ? { next: 'constant' } : {}), objects: served[page] } };
    });
    const result = await pages(http);
    expect(result.flatMap((page) => page.objects)).toEqual(objects);
    expect(http.calls.map((call) => call.url.searchParams.get('next'))).toEqual([null, 'constant', 'constant']);
  });

  it('stops when more is true with neither a next token nor a later date', async () => {
    const http = fakeHttp(() => ({ body: { more: true, objects: objects.slice(0, 1) } }));
    expect((await failure(pages(http))).message).toMatch(/neither a next token nor a later X-TAXII-Date-Added-Last/);
  });

  it('rejects a body that is not an envelope', async () => {
    const error = await failure(pages(fakeHttp(() => ({ body: { objects: 'nope' } }))));
    expect(error.code).toBe('protocol');
    expect(error.message).toMatch(/TAXII 2\.1 envelope \(objects:/);
  });
});

describe('errors say what to check', () => {
  const statusOf = (status: number) => fakeHttp(() => ({ status }));

  it('401 without credentials asks for them; with credentials, asks to check them', async () => {
    const none = await failure(createTaxiiClient(statusOf(401), { auth: undefined, log: quiet }).apiRoot(ROOT));
    expect(none.code).toBe('credentials');
    expect(none.message).toMatch(/needs credentials \(HTTP 401\)\. Set a user name and password, or an API token/);
    const wrong = await failure(createTaxiiClient(statusOf(401), { auth: { type: 'bearer', token: 'x' }, log: quiet }).apiRoot(ROOT));
    expect(wrong.message).toMatch(/refused the credentials \(HTTP 401\)\. Check the user name and password, or the API token/);
  });

  it('404 on a collection points at the collection id, on discovery at the URL', async () => {
    const client = createTaxiiClient(statusOf(404), { auth: undefined, log: quiet });
    expect((await failure(pages(statusOf(404)))).message).toMatch(/collection "Reports".*HTTP 404.*Check the collection id/);
    expect((await failure(client.apiRoot('https://t.example/taxii/'))).message).toMatch(/not found \(HTTP 404\)\. Check the URL/);
  });

  it('406 means the server does not speak TAXII 2.1', async () => {
    const error = await failure(createTaxiiClient(statusOf(406), { auth: undefined, log: quiet }).apiRoot(ROOT));
    expect(error.code).toBe('not-taxii');
    expect(error.message).toMatch(/does not speak TAXII 2\.1 \(HTTP 406/);
  });

  it('passes network and server faults through with their own message', async () => {
    const down: HttpClient = { get: (url) => Promise.reject(new HttpError('connection', url, 'Could not download it (ECONNREFUSED).')) };
    await expect(createTaxiiClient(down, { auth: undefined, log: quiet }).apiRoot(ROOT)).rejects.toThrow(/ECONNREFUSED/);
    await expect(createTaxiiClient(statusOf(503), { auth: undefined, log: quiet }).apiRoot(ROOT)).rejects.toBeInstanceOf(HttpError);
  });

  it('sends the credentials with every request', async () => {
    const http = fakeHttp((url) => (url.pathname.endsWith('/collections/') ? { body: { collections: [{ id: 'c1', title: 'Reports', can_read: true }] } } : { body: { versions: [TAXII] } }));
    const client = createTaxiiClient(http, { auth: { type: 'basic', username: 'ana', password: 'pw' }, log: quiet });
    const root = await client.apiRoot(ROOT);
    expect(await client.collections(root)).toEqual([collection]);
    expect(http.calls.map((call) => call.options.auth)).toEqual([
      { type: 'basic', username: 'ana', password: 'pw' },
      { type: 'basic', username: 'ana', password: 'pw' },
    ]);
  });
});

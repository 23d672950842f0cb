/**
 * The test TAXII server keeps the TAXII 2.1 rules the connector tests rely on: media types,
 * auth, `added_after` being strictly later, pages that neither skip nor repeat, and the
 * date headers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COLLECTION_ID, startTaxiiServer, TAXII_MEDIA_TYPE, type TaxiiTestServer } from './taxiiServer.ts';

const objects = Array.from({ length: 20 }, (_, index) => ({ type: 'x-test', id: `x-test--${String(index)}` }));

interface Envelope {
  more?: boolean;
  next?: string;
  objects?: { id: string }[];
}

let server: TaxiiTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function get(path: string, headers: Record<string, string> = { accept: TAXII_MEDIA_TYPE }): Promise<Response> {
  if (server === undefined) throw new Error('no server');
  return fetch(`${server.url}${path}`, { headers });
}

describe('test TAXII 2.1 server', () => {
  it('serves discovery, the API root and the collection with TAXII media types', async () => {
    server = await startTaxiiServer({ objects });
    const discovery = await get('/taxii2/');
    expect(discovery.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
    expect(await discovery.json()).toMatchObject({ default: server.apiRootUrl, api_roots: [server.apiRootUrl] });
    expect(await (await get('/taxii2/root/')).json()).toMatchObject({ versions: [TAXII_MEDIA_TYPE] });
    expect(await (await get('/taxii2/root/collections/')).json()).toMatchObject({ collections: [{ id: DEFAULT_COLLECTION_ID, can_read: true }] });
  });

  it('answers 406 to an Accept without TAXII 2.1, 415 to a POST body that is not TAXII, 401 without credentials', async () => {
    server = await startTaxiiServer({ objects, auth: { token: 'secret-token' } });
    const bearer = { authorization: 'Bearer secret-token' };
    expect((await get('/taxii2/', { ...bearer, accept: 'application/json' })).status).toBe(406);
    expect((await get('/taxii2/', { ...bearer, accept: 'application/taxii+json;version=2.0' })).status).toBe(406);
    expect((await get('/taxii2/', { ...bearer, accept: 'application/taxii+json' })).status).toBe(200);
    const post = await fetch(`${server.url}/taxii2/root/collections/${DEFAULT_COLLECTION_ID}/objects/`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(415);
    const anonymous = await get('/taxii2/');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/Basic/);
  });

  it('pages with next/more and the date headers, and added_after is strictly later', async () => {
    server = await startTaxiiServer({ objects, pageSize: 8 });
    const path = `/taxii2/root/collections/${DEFAULT_COLLECTION_ID}/objects/`;
    const seen: string[] = [];
    let next: string | undefined;
    let last: string;
    do {
      const response = await get(`${path}?limit=50${next === undefined ? '' : `&next=${next}`}`);
      const envelope = (await response.json()) as Envelope;
      seen.push(...(envelope.objects ?? []).map((object) => object.id));
      last = response.headers.get('x-taxii-date-added-last') ?? '';
      next = envelope.more === true ? envelope.next : undefined;
    } while (next !== undefined);
    expect(seen).toEqual(objects.map((object) => object.id));
    // Seven objects a second from 09:00:00: the twentieth was added at 09:00:02.
    expect(last).toBe('2025-01-06T09:00:02.000Z');
    const after = (await (await get(`${path}?added_after=2025-01-06T09:00:01.000Z`)).json()) as Envelope;
    expect(after.objects?.map((object) => object.id)).toEqual(objects.slice(14).map((object) => object.id));
    const none = await get(`${path}?added_after=${last}`);
    expect(await none.json()).toEqual({ more: false });
    expect(none.headers.get('x-taxii-date-added-last')).toBeNull();
  });
});

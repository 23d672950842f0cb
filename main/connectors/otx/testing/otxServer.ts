/**
 * A stand-in for OTX's `/api/v1/pulses/subscribed` on 127.0.0.1, for the connector's tests:
 * it checks the X-OTX-API-KEY header and serves either a list of pulses, filtered by
 * `modified_since` and paged by the server's own page size, or fixed page bodies (real
 * recorded responses, whose `next` still points at otx.alienvault.com).
 */
import { startLocalServer, type LocalServer } from '../../testing/localServer.ts';
import { otxTime } from '../time.ts';

export type OtxSource = { pulses: readonly Record<string, unknown>[]; pageSize: number } | { pages: readonly string[] };

export async function serveOtx(apiKey: string, source: OtxSource): Promise<LocalServer> {
  const local: LocalServer = await startLocalServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, body: string): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    };
    if (request.headers['x-otx-api-key'] !== apiKey) return json(403, '{"detail": "Authentication credentials were not provided."}');
    if (url.pathname !== '/api/v1/pulses/subscribed') return json(404, '{"detail": "Not found."}');
    const page = Number(url.searchParams.get('page') ?? '1');
    if ('pages' in source) return json(200, source.pages[page - 1] ?? '{"results": [], "next": null}');
    const since = otxTime(url.searchParams.get('modified_since') ?? undefined) ?? '';
    const matching = source.pulses.filter((pulse) => (otxTime(String(pulse['modified'])) ?? '') >= since);
    const results = matching.slice((page - 1) * source.pageSize, page * source.pageSize);
    const more = page * source.pageSize < matching.length;
    const next = new URL(url.href.replace('http://127.0.0.1', local.origin));
    next.searchParams.set('page', String(page + 1));
    return json(200, JSON.stringify({ count: matching.length, results, previous: null, next: more ? next.href : null }));
  });
  return local;
}

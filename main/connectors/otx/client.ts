/**
 * OTX's subscribed-pulses endpoint, page by page: `GET /api/v1/pulses/subscribed?
 * modified_since=…&limit=50&page=N` with the `X-OTX-API-KEY` header, following `next`
 * until it is null. `next` is only trusted for its path and query: it is re-based on the
 * configured OTX URL, so the key never goes to another host (and a mirror keeps working).
 */
import type { HttpClient } from '../types.ts';
import { OtxError } from './errors.ts';
import { OtxPage } from './schema.ts';

export const PAGE_SIZE = 50;
/** 50 pulses a page: 2,000 pages is 100,000 pulses, far beyond any subscription's backlog. */
const MAX_PAGES = 2_000;
const PAGE_MAX_BYTES = 256 * 1024 * 1024;

export function firstPageUrl(baseUrl: string, since: string): string {
  const url = new URL('/api/v1/pulses/subscribed', baseUrl);
  url.searchParams.set('modified_since', since);
  url.searchParams.set('limit', String(PAGE_SIZE));
  url.searchParams.set('page', '1');
  return url.href;
}

export function rebase(next: string, baseUrl: string): string {
  const link = new URL(next, baseUrl);
  const base = new URL(baseUrl);
  return new URL(`${link.pathname}${link.search}`, base.origin).href;
}

/** Yields the raw pulses of each page, in the order OTX sends them. */
export async function* subscribedPages(http: HttpClient, baseUrl: string, apiKey: string, since: string): AsyncGenerator<unknown[]> {
  const seen = new Set<string>();
  let url: string | undefined = firstPageUrl(baseUrl, since);
  while (url !== undefined) {
    if (seen.has(url) || seen.size >= MAX_PAGES) throw new OtxError('paging', `OTX kept sending more pages (${String(seen.size)} so far, last ${url}); the import was stopped.`);
    seen.add(url);
    const response = await http.get(url, { auth: { type: 'header', name: 'X-OTX-API-KEY', value: apiKey }, accept: ['application/json'], maxBytes: PAGE_MAX_BYTES });
    const page = OtxPage.safeParse(response.json());
    if (!page.success) throw new OtxError('bad-page', `OTX answered ${url} with something that is not a page of pulses (no "results" list). Check the OTX URL.`);
    yield page.data.results;
    url = page.data.next === null || page.data.next === undefined || page.data.next === '' ? undefined : rebase(page.data.next, baseUrl);
  }
}

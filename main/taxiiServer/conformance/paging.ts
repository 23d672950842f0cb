/**
 * A client paging through an objects or manifest endpoint as §3.5 describes it: with the `next`
 * value of the previous envelope "along with the same original query options", or with
 * added_after set to the previous X-TAXII-Date-Added-Last.
 */
import { expect } from 'vitest';
import type { ConformanceTarget } from '../testing/conformanceTarget.ts';
import type { z } from 'zod';
import { expectResource } from './resources.ts';
import { taxii } from './taxiiClient.ts';

export interface Page<T> {
  items: T[];
  more: boolean;
  first: string | null;
  last: string | null;
}

interface Paged<I> {
  more?: boolean | undefined;
  next?: string | undefined;
  objects?: I[] | undefined;
}

/**
 * Every page of one query. `follow` picks the §3.5 way to ask for the next page: 'next' uses the
 * envelope's next when there is one (and added_after when "the next property is empty"), while
 * 'added_after' always uses the X-TAXII-Date-Added-Last header.
 */
export async function allPages<I>(target: ConformanceTarget, path: string, resource: z.ZodType<Paged<I>>, options: { token: string; limit: number; query?: [string, string][]; follow: 'next' | 'added_after' }): Promise<Page<I>[]> {
  const pages: Page<I>[] = [];
  const original: [string, string][] = [...(options.query ?? []), ['limit', String(options.limit)]];
  let query = original;
  // A bound far above what the seeded collections need, so a server that never says more: false fails instead of hanging.
  for (let request = 0; request < 50; request += 1) {
    const answer = await taxii(target, path, { token: options.token, query });
    const body = expectResource(answer, 200, resource);
    const items: I[] = body.objects ?? [];
    // §3.4 limit: "Responses to requests where the client provided a limit MUST NOT contain more objects than requested."
    expect(items.length).toBeLessThanOrEqual(options.limit);
    const page: Page<I> = { items, more: body.more === true, first: answer.headers.get('x-taxii-date-added-first'), last: answer.headers.get('x-taxii-date-added-last') };
    pages.push(page);
    if (!page.more) return pages;
    if (options.follow === 'next' && body.next !== undefined) {
      query = [...original, ['next', body.next]];
    } else {
      expect(page.last, '§3.5: with more: true and no next, the client pages with X-TAXII-Date-Added-Last').not.toBeNull();
      query = [...original.filter(([name]) => name !== 'added_after'), ['added_after', page.last ?? '']];
    }
  }
  throw new Error('Still more: true after 50 pages of a collection of a few dozen objects');
}

/**
 * The HTTP client an enrichment connector gets: answers from the last 24 hours come from
 * the cache; every attempt that goes to the network, the client's own retries after a
 * 429 or 5xx included, is counted against the connector's quota first, since providers
 * count them too. The first attempt of a lookup is refused at once when the quota is
 * spent (the analyst is told when it resets); a later one (a retry, VirusTotal's
 * resolutions) waits for the minute window to pass rather than leave the lookup half done.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { EnrichmentQuota, HttpClient, HttpResponse } from '../connectors/types.ts';
import type { ResponseCache } from './cache.ts';
import type { UsageLedger } from './usage.ts';

/** Thrown when the quota leaves no room; the service turns it into a `quota` refusal. */
export class QuotaRefusal extends Error {
  readonly window: 'minute' | 'day';
  readonly resetsAt: Date;

  constructor(window: 'minute' | 'day', resetsAt: Date) {
    super(`The ${window === 'day' ? 'daily' : 'per-minute'} quota is used up until ${resetsAt.toISOString()}.`);
    this.name = 'QuotaRefusal';
    this.window = window;
    this.resetsAt = resetsAt;
  }
}

export interface MeteredHttp extends HttpClient {
  /** Requests that went to the network (0: the lookup was answered from the cache). */
  readonly sent: number;
}

export interface MeteredOptions {
  connectorId: string;
  /** Builds the client underneath, which must call `beforeAttempt` before each attempt. */
  base: (beforeAttempt: () => Promise<void>) => HttpClient;
  cache: ResponseCache;
  usage: UsageLedger;
  quota: EnrichmentQuota | null;
  now: () => Date;
  signal: AbortSignal;
}

export function createMeteredHttp(options: MeteredOptions): MeteredHttp {
  let sent = 0;

  /** Takes one request from the quota, or waits for the minute window, or refuses. */
  async function takeOne(): Promise<void> {
    for (;;) {
      // Checked and counted in one step; counted before it is sent, since the provider
      // counts a request that fails too.
      const check = await options.usage.reserve(options.connectorId, options.quota);
      if (check.ok) return;
      if (check.window === 'day' || sent === 0) throw new QuotaRefusal(check.window, check.resetsAt);
      await delay(Math.max(0, check.resetsAt.getTime() - options.now().getTime()) + 50, undefined, { signal: options.signal });
    }
  }

  const base = options.base(async () => {
    await takeOne();
    sent += 1;
  });

  return {
    get sent() {
      return sent;
    },
    get: async (url, request) => {
      const cached = await options.cache.get(options.connectorId, url);
      if (cached) return cached;
      const answer: HttpResponse = await base.get(url, request);
      if (answer.status >= 200 && answer.status < 300 && !answer.notModified) await options.cache.put(options.connectorId, url, answer);
      return answer;
    },
  };
}

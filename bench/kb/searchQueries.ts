/** The search-latency measurement shared by `bench:kb` and `bench:kb-scale`. */
import { seededRandom } from '../../testkit/seededRandom.ts';
import { knowledgeBase } from '../../renderer/src/kb/client.ts';

export interface QueryClassResult {
  queries: number;
  p50: number;
  p95: number;
  max: number;
  meanHits: number;
  /** Full values only: share of queries whose first hit is the object with that value. */
  firstHitExact?: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Search as you type, timed on the page per `knowledgeBase().search({query, limit: 50})`
 * (the RPC hop included): value prefixes of 2–4 characters, whole tokens of 3 or more, and
 * full values, each drawn (seeded) from values known to be stored.
 */
export async function timeSearches(sampleValues: readonly string[], perClass: number): Promise<Record<'prefix' | 'token' | 'full', QueryClassResult>> {
  const kb = knowledgeBase();
  const draw = seededRandom(0x71_7565);
  const sample = (): string => sampleValues[Math.floor(draw() * sampleValues.length)] ?? '';
  const queries = {
    prefix: Array.from({ length: perClass }, () => sample().slice(0, 2 + Math.floor(draw() * 3))),
    token: Array.from({ length: perClass }, () => {
      const tokens = sample()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((token) => token.length >= 3 && token !== 'http' && token !== 'https');
      return tokens[Math.floor(draw() * tokens.length)] ?? sample();
    }),
    full: Array.from({ length: perClass }, () => sample()),
  };
  // Warm-up, not counted: the first queries of a fresh worker pay for JIT and cold pages.
  for (const query of queries.prefix.slice(0, 20)) await kb.search({ query, limit: 50 });
  const results = {} as Record<'prefix' | 'token' | 'full', QueryClassResult>;
  for (const [name, list] of Object.entries(queries) as ['prefix' | 'token' | 'full', string[]][]) {
    const times: number[] = [];
    let hits = 0;
    let exact = 0;
    for (const query of list) {
      const started = performance.now();
      const found = await kb.search({ query, limit: 50 });
      times.push(performance.now() - started);
      hits += found.length;
      if (found[0]?.name.toLowerCase() === query.toLowerCase()) exact += 1;
    }
    times.sort((a, b) => a - b);
    const round = (value: number): number => Math.round(value * 100) / 100;
    results[name] = { queries: list.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1) ?? 0), meanHits: round(hits / list.length) };
    if (name === 'full') results[name].firstHitExact = round(exact / list.length);
  }
  return results;
}

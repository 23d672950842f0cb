/**
 * Known or new for every value under review (issue 16, point 6), asked of the KB worker
 * in batches of its per-call limit, and asked again when the knowledge base changes (a
 * report committed meanwhile makes its values known).
 */
import type { ExtractedIndicator } from '../../../core/extract/types.ts';
import { knowledgeBase } from '../kb/client.ts';
import type { KnownValue } from '../kb/queries/knownValues.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { indicatorKey } from './selection.ts';

const BATCH = 5000;

async function lookUp(indicators: readonly ExtractedIndicator[]): Promise<Map<string, KnownValue>> {
  const known = new Map<string, KnownValue>();
  for (let start = 0; start < indicators.length; start += BATCH) {
    const batch = indicators.slice(start, start + BATCH);
    const { values } = await knowledgeBase().knownValues({ values: batch.map(({ type, value, hash_type, kind }) => ({ type, value, ...(hash_type ? { hash_type } : {}), ...(kind ? { kind } : {}) })) });
    batch.forEach((indicator, index) => {
      const answer = values[index];
      if (answer) known.set(indicatorKey(indicator), answer);
    });
  }
  return known;
}

/** `data` is undefined while the first answer is on its way. */
export function useKnownValues(jobId: number, indicators: readonly ExtractedIndicator[] | undefined) {
  return useKbQuery(() => lookUp(indicators ?? []), [jobId, indicators?.length ?? 0]);
}

export interface KnownCounts {
  new: number;
  known: number;
}

export function countKnown(indicators: readonly ExtractedIndicator[], known: ReadonlyMap<string, KnownValue> | undefined): KnownCounts | undefined {
  if (!known) return undefined;
  const count = indicators.filter((indicator) => known.get(indicatorKey(indicator))?.known === true).length;
  return { new: indicators.length - count, known: count };
}

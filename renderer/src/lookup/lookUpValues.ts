/**
 * Asks the KB worker what it knows of each value (issue 21, point 1), in batches of the
 * known-values query's per-call limit, for the Look up screen and the local API's
 * `lookup`. The answer is the protocol's, one per value in order.
 */
import type { LookupAnswer } from '../../../core/localApi/protocol.ts';
import { knowledgeBase } from '../kb/client.ts';
import { MAX_KNOWN_PER_CALL, type KnownValue, type KnownValueQuery } from '../kb/queries/knownValues.ts';

export function lookupAnswer(known: KnownValue): LookupAnswer {
  return {
    known: known.known,
    object: known.object ?? null,
    sources: known.sources,
    reports: known.reports,
    reportCount: known.reportCount,
    firstSeen: known.firstSeen,
    lastSeen: known.lastSeen,
    tlp: known.tlp,
    score: known.score ?? null,
    confidence: known.confidence ?? null,
    indicator: known.indicator,
    indicatorState: known.indicatorState ?? null,
  };
}

export async function lookUpValues(values: readonly KnownValueQuery[], onProgress?: (done: number) => void): Promise<LookupAnswer[]> {
  const answers: LookupAnswer[] = [];
  for (let start = 0; start < values.length; start += MAX_KNOWN_PER_CALL) {
    const batch = values.slice(start, start + MAX_KNOWN_PER_CALL).map(({ type, value, hash_type, kind }) => ({ type, value, ...(hash_type ? { hash_type } : {}), ...(kind ? { kind } : {}) }));
    const result = await knowledgeBase().knownValues({ values: batch });
    answers.push(...result.values.map(lookupAnswer));
    onProgress?.(answers.length);
  }
  return answers;
}

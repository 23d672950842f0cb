/**
 * Asks the KB worker what it knows of each value (issue 21, point 1), in batches of the
 * known-values query's per-call limit, for the Look up screen and the local API's
 * `lookup`. The answer is the protocol's, one per value in order, with the warninglists
 * in force (the analyst's choice of lists, issue 21 point 4) that hold it.
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
    const [result, { hits }] = await Promise.all([knowledgeBase().knownValues({ values: batch }), knowledgeBase().warninglistHits({ values: batch })]);
    answers.push(...result.values.map((known, index) => ({ ...lookupAnswer(known), warninglists: hits[index] ?? [] })));
    onProgress?.(answers.length);
  }
  return answers;
}

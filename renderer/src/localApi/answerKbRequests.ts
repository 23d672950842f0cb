/**
 * Answers main's requests to the knowledge base (issue 18, point 3: the local API that
 * `magpie kb …` and scripts use). Main cannot read IndexedDB; the window's KB worker
 * can. Each request names one method of core/localApi/protocol.ts; nothing else of the
 * worker's API is reachable this way. An import's file text is parsed in the worker, as a
 * dropped file is.
 */
import { localApiMethods, type KbRequestEvent, type LocalApiMethod, type LocalApiResult } from '../../../core/localApi/protocol.ts';
import { invoke, subscribe } from '../ipc/client.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { lookUpValues } from '../lookup/lookUpValues.ts';

type Answerers = { [M in LocalApiMethod]: (params: ReturnType<(typeof localApiMethods)[M]['params']['parse']>) => Promise<LocalApiResult<M>> };

const answerers: Answerers = {
  search: async ({ query, limit, types }) => {
    const hits = await knowledgeBase().search({ query, limit, ...(types ? { types } : {}) });
    return { hits: hits.map(({ id, type, name, modified, score, labels, tlp, revoked }) => ({ id, type, name, modified, score, labels, tlp, revoked })) };
  },
  get: async ({ id }) => {
    const detail = await knowledgeBase().getObject({ id });
    return { object: detail?.stix ?? null };
  },
  export: async ({ query, limit, maxTlp }) => {
    const ids = query === undefined ? undefined : (await knowledgeBase().search({ query, limit })).map((hit) => hit.id);
    const result = await knowledgeBase().exportBundle({ ...(ids ? { ids, includeClosure: true } : {}), ...(maxTlp ? { maxTlp } : {}) });
    return { bundle: result.bundle, exported: result.exported, withheld: result.withheld, withheldRelationships: result.withheldRelationships };
  },
  lookup: async ({ values }) => ({ values: await lookUpValues(values) }),
  // Revoked, expired and warninglisted values stay out, as the export dialog leaves them out by default (issue 21).
  mispFeed: async ({ maxTlp }) => ({ files: (await knowledgeBase().exportBundle({ format: 'misp-feed', maxTlp, leaveOut: true })).files ?? [] }),
  taxiiHead: () => knowledgeBase().taxiiHead({}),
  taxiiSnapshot: (params) => knowledgeBase().taxiiSnapshot(params),
  taxiiAdd: async (params) => {
    const outcome = await knowledgeBase().taxiiAdd(params);
    notifyKnowledgeChanged();
    return outcome;
  },
  import: async ({ name, text }) => {
    const file = new File([text], name, { type: 'application/json' });
    const result = await knowledgeBase().importBundleFile({ file, name });
    notifyKnowledgeChanged();
    return { ...result.counts, warnings: result.warnings, sourceId: result.sourceId };
  },
};

async function answer(event: KbRequestEvent): Promise<void> {
  try {
    const method = localApiMethods[event.method];
    const params = method.params.parse(event.params);
    const result = await (answerers[event.method] as (params: unknown) => Promise<unknown>)(params);
    await invoke('kb:answer', { requestId: event.requestId, ok: true, result });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    await invoke('kb:answer', { requestId: event.requestId, ok: false, error: message }).catch(() => undefined);
  }
}

export function answerKbRequests(): () => void {
  return subscribe('kb:request', (event) => void answer(event));
}

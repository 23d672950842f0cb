/**
 * Carries the knowledge base's change feed to main's stream consumers (issue 8): after
 * every change to the knowledge base, when main says a consumer is ready again, and once
 * a minute in case a signal was missed. The loop itself is core/streams/pump.ts.
 */
import { createPump } from '../../../core/streams/pump.ts';
import { invoke, subscribe } from '../ipc/client.ts';
import { knowledgeBase, onKnowledgeChanged } from '../kb/client.ts';

const SAFETY_NET_MS = 60_000;
/** The first look waits for the window to settle: opening the KB worker is not start-up work. */
const FIRST_LOOK_MS = 3_000;

export function startStreamPump(onError: (message: string) => void): () => void {
  const pump = createPump(
    {
      head: async () => (await knowledgeBase().changeHead({})).head,
      page: (after, limit) => knowledgeBase().changesAfter({ after, limit }),
    },
    {
      ready: (head) => invoke('stream:ready', { head }),
      deliver: (id, page) => invoke('stream:deliver', { id, page }),
    },
    { onError: (error) => onError(error instanceof Error ? error.message : String(error)) },
  );
  const stops = [subscribe('stream:wake', () => pump.kick()), onKnowledgeChanged(() => pump.kick())];
  const timer = setInterval(() => pump.kick(), SAFETY_NET_MS);
  const first = setTimeout(() => pump.kick(), FIRST_LOOK_MS);
  return () => {
    pump.stop();
    clearInterval(timer);
    clearTimeout(first);
    for (const stop of stops) stop();
  };
}

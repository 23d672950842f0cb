/**
 * Tells main which knowledge base is open (issue 14): its store identity and the connectors
 * it holds objects from, when it opens and whenever the identity changes (Delete
 * everything, a restore that replaces the store). Main resets the connectors whose cursor
 * and validators were delivered to another store, so their next runs refill this one.
 */
import { invoke } from '../ipc/client.ts';
import { followKnowledge, knowledgeBase } from './client.ts';

let reported: string | null = null;

/** Tells main now; resolves with the connectors it reset once it has. */
export async function reportStoreIdentity(): Promise<string[]> {
  const facts = await knowledgeBase().storeFacts({});
  const { reset } = await invoke('kb:identity', facts);
  reported = facts.identity;
  return reset;
}

/** Reports at start, then after every knowledge change that came with a new identity. */
export function followStoreIdentity(onError: (message: string) => void): () => void {
  return followKnowledge(async () => {
    try {
      const facts = await knowledgeBase().storeFacts({});
      if (facts.identity === reported) return;
      await invoke('kb:identity', facts);
      reported = facts.identity;
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  });
}

/**
 * Carries the knowledge base's change feed to main's stream consumers (issue 8): after
 * every change to the knowledge base, when main says a consumer is ready again, and every
 * few seconds while the knowledge base is open (an import notifies only when it ends).
 * The loop itself is core/streams/pump.ts.
 */
import { createPump } from '../../../core/streams/pump.ts';
import { invoke, subscribe } from '../ipc/client.ts';
import { knowledgeBase, knowledgeBaseStarted, onKnowledgeChanged } from '../kb/client.ts';

/**
 * How often the feed is looked at besides change notifications, which an import sends only
 * when it ends: consumers follow a long import while it runs, a few seconds behind.
 */
const POLL_MS = 5_000;
/** The first look waits for the window to settle: opening the KB worker is not start-up work. */
const FIRST_LOOK_MS = 3_000;

export function startStreamPump(onError: (message: string) => void): () => void {
  // What a stream leaves out follows the warninglists the analyst turned off or added
  // (issue 21): main is sent the lists in force whenever their revision moved.
  let sentRevision: string | undefined;
  async function followWarninglists(): Promise<void> {
    const { revision } = await knowledgeBase().warninglistRevision({});
    if (revision === sentRevision) return;
    const { lists } = await knowledgeBase().activeWarninglists({});
    await invoke('stream:warninglists', {
      lists: lists.map(({ matchingAttributes, values, ...list }) => ({ ...list, values: [...values], ...(matchingAttributes ? { matchingAttributes: [...matchingAttributes] } : {}) })),
    });
    sentRevision = revision;
  }
  const pump = createPump(
    {
      head: async () => (await knowledgeBase().changeHead({})).head,
      page: (after, limit) => knowledgeBase().changesAfter({ after, limit }),
    },
    {
      ready: (head) => invoke('stream:ready', { head }),
      deliver: async (id, page) => {
        await followWarninglists();
        return invoke('stream:deliver', { id, page });
      },
    },
    { onError: (error) => onError(error instanceof Error ? error.message : String(error)) },
  );
  const stops = [subscribe('stream:wake', () => pump.kick()), onKnowledgeChanged(() => pump.kick())];
  // Polling never starts the KB worker; only a consumer with work to do does.
  const timer = setInterval(() => knowledgeBaseStarted() && pump.kick(), POLL_MS);
  const first = setTimeout(() => {
    invoke('stream:list').then((consumers) => consumers.some((consumer) => consumer.enabled) && pump.kick(), () => undefined);
  }, FIRST_LOOK_MS);
  return () => {
    pump.stop();
    clearInterval(timer);
    clearTimeout(first);
    for (const stop of stops) stop();
  };
}

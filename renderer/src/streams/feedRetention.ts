/**
 * Keeps the change feed from growing without end: every ten minutes while the knowledge
 * base is open, rows that every follower has passed (each stream consumer, stopped ones
 * included, and the automatic enricher) are dropped, always keeping the newest 100,000
 * so a consumer added "from the beginning" still gets recent history.
 */
import { CURSOR_KEY } from '../enrich/autoEnricher.ts';
import { invoke } from '../ipc/client.ts';
import { trimPoint } from '../kb/changes.ts';
import { knowledgeBase, knowledgeBaseStarted } from '../kb/client.ts';

export const FEED_FLOOR = 100_000;
const EVERY_MS = 10 * 60_000;

export async function trimFeed(): Promise<number> {
  const kb = knowledgeBase();
  const { head } = await kb.changeHead({});
  if (head <= FEED_FLOOR) return 0;
  const followers = (await invoke('stream:list')).map((consumer) => consumer.cursor);
  const { value } = await kb.getState({ key: CURSOR_KEY });
  if (typeof value === 'number') followers.push(value);
  const through = trimPoint(head, followers, FEED_FLOOR);
  return through > 0 ? (await kb.trimChanges({ through })).trimmed : 0;
}

export function startFeedRetention(onError: (message: string) => void): () => void {
  const timer = setInterval(() => {
    if (knowledgeBaseStarted()) trimFeed().catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));
  }, EVERY_MS);
  return () => clearInterval(timer);
}

/**
 * Runs the knowledge base's expiry pass (kb/lifecycle/expireIndicators.ts) at start-up and
 * once a day while the app stays open (issue 21, point 2): indicators past `valid_until`
 * or decayed under the revoke score become revoked versions, so blocklists stop carrying
 * them without the analyst doing anything.
 */
import { knowledgeBase, knowledgeBaseStarted, notifyKnowledgeChanged } from '../kb/client.ts';

const EVERY_MS = 24 * 60 * 60_000;
/** Start-up runs once the knowledge base is open; checked this often until it is. */
const WAIT_MS = 30_000;

export async function expireNow(): Promise<number> {
  const { revoked } = await knowledgeBase().expireIndicators({});
  const total = revoked.expired + revoked.decayed;
  if (total > 0) notifyKnowledgeChanged();
  return total;
}

export function startIndicatorExpiry(onError: (message: string) => void): () => void {
  const run = () => {
    expireNow().catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));
  };
  let first: ReturnType<typeof setTimeout> | undefined;
  const whenOpen = () => {
    if (knowledgeBaseStarted()) run();
    else first = setTimeout(whenOpen, WAIT_MS);
  };
  whenOpen();
  const daily = setInterval(run, EVERY_MS);
  return () => {
    if (first !== undefined) clearTimeout(first);
    clearInterval(daily);
  };
}

/**
 * Runs the knowledge base's expiry pass (kb/lifecycle/expireIndicators.ts) at start-up and
 * once a day while the app stays open (issue 21, point 2): indicators past `valid_until`
 * or decayed under the revoke score become revoked versions, so blocklists stop carrying
 * them without the analyst doing anything.
 */
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { startDailyPass } from './dailyPass.ts';

export async function expireNow(): Promise<number> {
  const { revoked } = await knowledgeBase().expireIndicators({});
  const total = revoked.expired + revoked.decayed;
  if (total > 0) notifyKnowledgeChanged();
  return total;
}

export function startIndicatorExpiry(onError: (message: string) => void): () => void {
  return startDailyPass(expireNow, onError);
}

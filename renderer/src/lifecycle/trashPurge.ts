/**
 * Drops trash entries past the retention (issue 21, point 5) at start-up and once a day
 * while the app stays open, as the indicator expiry pass does.
 */
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { startDailyPass } from './dailyPass.ts';

export function startTrashPurge(onError: (message: string) => void): () => void {
  return startDailyPass(async () => {
    const { purged } = await knowledgeBase().purgeTrash({});
    if (purged > 0) notifyKnowledgeChanged();
  }, onError);
}

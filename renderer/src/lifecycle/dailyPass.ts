/**
 * A knowledge-base pass run at start-up (once the knowledge base is open) and once a day
 * while the app stays open: the indicator expiry (indicatorExpiry.ts) and the trash purge
 * (trashPurge.ts). Returns the stop function.
 */
import { knowledgeBaseStarted } from '../kb/client.ts';

const EVERY_MS = 24 * 60 * 60_000;
/** Start-up runs once the knowledge base is open; checked this often until it is. */
const WAIT_MS = 30_000;

export function startDailyPass(pass: () => Promise<unknown>, onError: (message: string) => void): () => void {
  const run = () => {
    pass().catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));
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

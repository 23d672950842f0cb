/**
 * Runs the graph's layouts off the UI thread. Cytoscape's layouts are synchronous on the
 * thread that owns the instance and it has no worker mode, so a headless instance here
 * computes the positions and the page applies them in one batch: the window stays
 * responsive (and the layout can be cancelled) however long fcose takes.
 */
import { runLayoutJob, type LayoutJob, type LayoutReply } from './layoutJob.ts';

self.addEventListener('message', (event: MessageEvent<LayoutJob>) => {
  let reply: LayoutReply;
  try {
    reply = runLayoutJob(event.data);
  } catch (error) {
    reply = { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  if (reply.kind === 'positions') self.postMessage(reply, { transfer: [reply.positions.buffer] });
  else self.postMessage(reply);
});

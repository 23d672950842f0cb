/** Starts a layout in its own worker; cancelling terminates the worker, so nothing is left running. */
import type { Point } from '../../../../core/investigation/placement.ts';
import type { LayoutJob, LayoutReply } from './layoutJob.ts';

export interface RunningLayout {
  done: Promise<Map<string, Point> | null>;
  cancel: () => void;
}

export function runLayout(job: LayoutJob): RunningLayout {
  const worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
  let settle: (value: Map<string, Point> | null) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<Map<string, Point> | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.addEventListener('message', (event: MessageEvent<LayoutReply>) => {
    worker.terminate();
    const reply = event.data;
    if (reply.kind === 'failed') {
      fail(new Error(reply.error));
      return;
    }
    const positions = new Map<string, Point>();
    job.nodes.forEach((node, index) => positions.set(node.id, { x: reply.positions[index * 2] ?? node.x, y: reply.positions[index * 2 + 1] ?? node.y }));
    settle(positions);
  });
  worker.addEventListener('error', (event) => {
    worker.terminate();
    fail(new Error(event.message || 'The layout worker stopped.'));
  });
  worker.postMessage(job);
  return {
    done,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
}

/** Memory figures shared by the knowledge-base benchmarks. */
import type { CDPSession } from 'playwright-core';

export const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * The KB worker's V8 heap after two forced GCs, through the DevTools protocol
 * (Runtime.getHeapUsage on the worker target), as STACK-MEASUREMENTS measured it. The
 * session is the browser's, or a page's where the browser has none (a persistent context);
 * it is detached when done.
 */
export async function workerHeap(cdp: CDPSession): Promise<{ usedMb: number; totalMb: number; target: string } | null> {
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'worker' && /\/worker-[^/]*\.js/.test(info.url));
    if (!target) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let nextId = 1;
    const waiting = new Map<number, (message: { result?: Record<string, unknown>; error?: { message: string } }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
      if (message.id !== undefined) waiting.get(message.id)?.(message);
    });
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((done, failed) => {
        const id = nextId++;
        setTimeout(() => failed(new Error(`${method}: no answer in 30 s`)), 30_000).unref();
        waiting.set(id, (message) => (message.error ? failed(new Error(message.error.message)) : done(message.result ?? {})));
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(failed);
      });
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return { usedMb: mb(Number(usage['usedSize'])), totalMb: mb(Number(usage['totalSize'])), target: new URL(target.url).pathname };
  } catch (error) {
    console.warn(`[bench:kb] worker heap unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

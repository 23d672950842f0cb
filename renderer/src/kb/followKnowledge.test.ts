import { describe, expect, it } from 'vitest';
import { followKnowledge, notifyKnowledgeChanged } from './client.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('following the knowledge base', () => {
  it('runs at once, one run at a time, with one more run for all the changes during a run, until unsubscribed', async () => {
    const finish: (() => void)[] = [];
    let started = 0;
    const stop = followKnowledge(
      () =>
        new Promise<void>((resolve) => {
          started += 1;
          finish.push(resolve);
        }),
    );
    expect(started).toBe(1);
    // Three changes while the first run is under way: one more run, after it.
    notifyKnowledgeChanged();
    notifyKnowledgeChanged();
    notifyKnowledgeChanged();
    expect(started).toBe(1);
    finish.shift()?.();
    await settle();
    expect(started).toBe(2);
    finish.shift()?.();
    await settle();
    expect(started).toBe(2);
    // A change with nothing running runs at once; none after unsubscribing.
    notifyKnowledgeChanged();
    expect(started).toBe(3);
    finish.shift()?.();
    await settle();
    stop();
    notifyKnowledgeChanged();
    expect(started).toBe(3);
  });

  it('goes on after a run that failed', async () => {
    let runs = 0;
    const stop = followKnowledge(() => {
      runs += 1;
      return runs === 1 ? Promise.reject(new Error('the worker stopped')) : Promise.resolve();
    });
    await settle();
    notifyKnowledgeChanged();
    await settle();
    expect(runs).toBe(2);
    stop();
  });
});

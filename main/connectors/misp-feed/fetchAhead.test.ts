import { describe, expect, it } from 'vitest';
import { fetchAhead } from './fetchAhead.ts';

describe('fetching ahead', () => {
  it('hands results over in order, failures included, with at most `ahead` downloads in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const fetch = async (n: number): Promise<number> => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, (5 - n) * 2));
      inFlight -= 1;
      if (n === 2) throw new Error('broken file');
      return n * 10;
    };
    const seen: string[] = [];
    for await (const [item, result] of fetchAhead([0, 1, 2, 3, 4], fetch, 2)) seen.push(result.ok ? `${String(item)}:${String(result.value)}` : `${String(item)}:failed`);
    expect(seen).toEqual(['0:0', '1:10', '2:failed', '3:30', '4:40']);
    expect(most).toBeLessThanOrEqual(2);
  });
});

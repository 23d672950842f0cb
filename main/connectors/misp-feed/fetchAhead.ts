/**
 * Downloads a few items ahead of the one being converted, so the network and the CPU
 * overlap, while results come back in order and at most `ahead` bodies wait in memory.
 * A failed download is handed over as a result, never left as an unhandled rejection.
 */
export type Fetched<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function* fetchAhead<Item, T>(items: readonly Item[], fetch: (item: Item) => Promise<T>, ahead: number): AsyncGenerator<[Item, Fetched<T>]> {
  const settle = (item: Item): Promise<Fetched<T>> =>
    fetch(item).then(
      (value): Fetched<T> => ({ ok: true, value }),
      (error: unknown): Fetched<T> => ({ ok: false, error }),
    );
  const pending: Promise<Fetched<T>>[] = [];
  let next = 0;
  for (let index = 0; index < items.length; index += 1) {
    while (next < items.length && next < index + Math.max(1, ahead)) {
      const item = items[next];
      if (item !== undefined) pending.push(settle(item));
      next += 1;
    }
    const item = items[index];
    const result = pending.shift();
    if (item === undefined || result === undefined) return;
    yield [item, await result];
  }
}

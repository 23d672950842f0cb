/**
 * Warnings for the analyst, counted by kind: a feed event with 5,000 domains and one
 * unmapped type gives one line with a count, not 5,000 lines. Nothing is dropped without
 * a line here.
 */
export class Warnings {
  readonly #counts = new Map<string, number>();

  /** `key` is the message, with `{n}` where the final count goes. */
  add(key: string, count = 1): void {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + count);
  }

  lines(): string[] {
    return [...this.#counts].map(([key, count]) => key.replaceAll('{n}', String(count)));
  }
}

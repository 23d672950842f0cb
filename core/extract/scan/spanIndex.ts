/**
 * "Does this span overlap any of those?" in O(log n). Scanners settle overlaps for every
 * candidate against every URL, e-mail or wallet found on the page; asking each of them in
 * turn made a page full of both quadratic (a hostile text of 1 MB took minutes).
 */
export interface Span {
  start: number;
  end: number;
}

export class SpanIndex<S extends Span = Span> {
  private readonly sorted: S[];
  /** Largest `end` among sorted[0..i]: spans may overlap each other. */
  private readonly maxEnd: number[];

  constructor(spans: Iterable<S>) {
    this.sorted = [...spans].sort((a, b) => a.start - b.start);
    this.maxEnd = [];
    let max = -Infinity;
    for (const span of this.sorted) {
      max = Math.max(max, span.end);
      this.maxEnd.push(max);
    }
  }

  get size(): number {
    return this.sorted.length;
  }

  /** Index of the last span starting before `position`, or -1. */
  private lastStartingBefore(position: number): number {
    let low = 0;
    let high = this.sorted.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.sorted[middle]?.start ?? Infinity) < position) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /** True when some span shares at least one position with `candidate`. */
  overlaps(candidate: Span): boolean {
    const index = this.lastStartingBefore(candidate.end);
    return index >= 0 && (this.maxEnd[index] ?? -Infinity) > candidate.start;
  }

  /**
   * A span that contains `candidate` whole, assuming the spans do not overlap each other
   * (true of URLs on one page): the last one starting at or before it.
   */
  containing(candidate: Span): S | undefined {
    const span = this.sorted[this.lastStartingBefore(candidate.start + 1)];
    return span !== undefined && span.start <= candidate.start && span.end >= candidate.end ? span : undefined;
  }
}

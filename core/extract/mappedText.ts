/**
 * Text rewritten for matching (normalised, refanged) that still knows, for every
 * character, where it came from in the page text, so occurrences point into the original.
 */
export interface MappedText {
  text: string;
  /** `origin[i]` is the original offset of `text[i]`; `origin[text.length]` is the original end. */
  origin: Int32Array;
  /** 1 where the character came from a defang form (`[.]`, `hxxp`, `(at)` …). */
  defanged: Uint8Array;
}

/** Pages up to this length share one identity mapping instead of allocating their own. */
const SHARED_IDENTITY_MAX = 1 << 20;
let sharedOrigin = new Int32Array(0);
let sharedZeros = new Uint8Array(0);

/**
 * The identity mapping of a page's text. Most pages of English reports need nothing
 * rewritten; they get read-only views of one shared 0, 1, 2, … array (issue 16: a fresh
 * pair per page was a good part of extraction's garbage). Nothing writes to a mapping.
 */
export function identityMapped(text: string): MappedText {
  const length = text.length;
  if (length > SHARED_IDENTITY_MAX) {
    const origin = new Int32Array(length + 1);
    for (let i = 0; i <= length; i++) origin[i] = i;
    return { text, origin, defanged: new Uint8Array(length) };
  }
  if (sharedOrigin.length < length + 1) {
    const size = Math.min(SHARED_IDENTITY_MAX + 1, Math.max(length + 1, sharedOrigin.length * 2, 4096));
    sharedOrigin = new Int32Array(size);
    for (let i = 0; i < size; i++) sharedOrigin[i] = i;
    sharedZeros = new Uint8Array(size);
  }
  return { text, origin: sharedOrigin.subarray(0, length + 1), defanged: sharedZeros.subarray(0, length) };
}

/**
 * Accumulates rewritten output while remembering each output character's source. The
 * offsets live in growable typed arrays, filled with `set`/`fill` a run at a time: a
 * page is mostly long verbatim runs, and a number pushed per character (the first
 * version) cost more than all the matching together, most of it in garbage collection.
 */
export class MappedBuilder {
  private readonly parts: string[] = [];
  private origins: Int32Array;
  private marks: Uint8Array;
  private length = 0;

  constructor(expected = 1024) {
    this.origins = new Int32Array(Math.max(16, expected + 1));
    this.marks = new Uint8Array(this.origins.length);
  }

  private reserve(extra: number): void {
    const needed = this.length + extra + 1;
    if (needed <= this.origins.length) return;
    const size = Math.max(needed, this.origins.length * 2);
    const origins = new Int32Array(size);
    origins.set(this.origins.subarray(0, this.length));
    const marks = new Uint8Array(size);
    marks.set(this.marks.subarray(0, this.length));
    this.origins = origins;
    this.marks = marks;
  }

  /** Appends `piece`, every character of which comes from original offset `from`. */
  push(piece: string, from: number, defanged: boolean): void {
    if (piece.length === 0) return;
    this.reserve(piece.length);
    this.parts.push(piece);
    this.origins.fill(from, this.length, this.length + piece.length);
    this.marks.fill(defanged ? 1 : 0, this.length, this.length + piece.length);
    this.length += piece.length;
  }

  /** Appends `piece` taken verbatim from original offsets `from`, `from + 1`, …. */
  pushVerbatim(piece: string, from: number): void {
    this.reserve(piece.length);
    this.parts.push(piece);
    const origins = this.origins;
    for (let i = 0, at = this.length; i < piece.length; i++, at++) origins[at] = from + i;
    this.marks.fill(0, this.length, this.length + piece.length);
    this.length += piece.length;
  }

  /** Copies `source.text[start, end)` unchanged with its mapping. */
  copy(source: MappedText, start: number, end: number): void {
    if (end <= start) return;
    this.reserve(end - start);
    this.parts.push(source.text.slice(start, end));
    this.origins.set(source.origin.subarray(start, end), this.length);
    this.marks.set(source.defanged.subarray(start, end), this.length);
    this.length += end - start;
  }

  build(end: number): MappedText {
    const text = this.parts.join('');
    const origin = this.origins.slice(0, text.length + 1);
    origin[text.length] = end;
    return { text, origin, defanged: this.marks.slice(0, text.length) };
  }
}

/** Original [start, end) of the mapped range [start, end). */
export function originalSpan(mapped: MappedText, start: number, end: number): { start: number; end: number } {
  const first = mapped.origin[start] ?? 0;
  // The end maps through the last character, so a match ending in an expanded ligature still covers it.
  const lastOrigin = end > start ? (mapped.origin[end - 1] ?? first) : first;
  const next = mapped.origin[end] ?? lastOrigin + 1;
  return { start: first, end: next > lastOrigin ? next : lastOrigin + 1 };
}

/** True when any character of the mapped range came from a defang form. */
export function isDefanged(mapped: MappedText, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (mapped.defanged[i] === 1) return true;
  return false;
}

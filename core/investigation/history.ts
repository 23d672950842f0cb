/**
 * Undo and redo as immutable values: each step returns a new history and shares the states
 * with the old one, so a store can keep it and React can compare it by reference.
 */

export interface History<T> {
  /** Oldest first; the last entry is what undo returns to. */
  readonly past: readonly T[];
  readonly present: T;
  /** Nearest first: the first entry is what redo returns to. */
  readonly future: readonly T[];
}

export const DEFAULT_HISTORY_LIMIT = 100;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/**
 * Makes `next` the present, keeping at most `limit` states to undo to (the oldest go first).
 * A new step forks the timeline, so whatever could be redone is dropped. Recording the present
 * itself returns the same history, so a no-op edit leaves nothing to undo.
 */
export function record<T>(history: History<T>, next: T, limit: number = DEFAULT_HISTORY_LIMIT): History<T> {
  if (next === history.present) return history;
  const keep = Math.max(0, Math.floor(limit));
  const past = keep === 0 ? [] : [...history.past, history.present].slice(-keep);
  return { past, present: next, future: [] };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

/** Steps back one state; with nothing to undo, returns the same history. */
export function undo<T>(history: History<T>): History<T> {
  if (history.past.length === 0) return history;
  // Not `?? fallback`: T may itself include undefined, and the length check above holds.
  const previous = history.past[history.past.length - 1] as T;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

/** Steps forward one state; with nothing to redo, returns the same history. */
export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future as [T, ...T[]];
  return { past: [...history.past, history.present], present: next, future: rest };
}

/**
 * Whether a TAXII query is getting anywhere (issue 18): TAXII 2.1 §3.4 lets a server answer
 * the same `next` on every page of one query (medallion does), so a loop shows in what the
 * pages bring, not in the token.
 */
/** Pages in a row with no object not already read and `more` still true: a server looping on itself. */
const MAX_STALLED_PAGES = 10;

/**
 * What one query has read so far, to tell a server that moves on from one that loops: the
 * id and version of every object (an object repeated across pages is passed on once).
 */
export function createPagingProgress() {
  const seen = new Set<string>();
  let stalledPages = 0;
  let repeats = 0;
  const state = {
    pages: 0,
    get unique() {
      return seen.size;
    },
    /** The objects of a page not read before in this query. */
    fresh(objects: readonly unknown[]): unknown[] {
      state.pages += 1;
      const kept = objects.filter((object) => {
        const key = versionKey(object);
        if (key === undefined) return true;
        if (seen.has(key)) {
          repeats += 1;
          return false;
        }
        seen.add(key);
        return true;
      });
      stalledPages = kept.length === 0 ? stalledPages + 1 : 0;
      return kept;
    },
    /** Why paging on would not end, or undefined while it makes progress. */
    stalled(limit: number): string | undefined {
      if (stalledPages >= MAX_STALLED_PAGES) return `its last ${String(stalledPages)} pages brought nothing new`;
      // A bound from what was read: a server that moves on repeats far fewer objects than it sends new ones.
      if (repeats > seen.size + limit) return `it has sent ${String(repeats)} objects again that it had already sent`;
      return undefined;
    },
  };
  return state;
}

function versionKey(object: unknown): string | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const record = object as Record<string, unknown>;
  if (typeof record['id'] !== 'string') return undefined;
  const version = record['modified'] ?? record['created'];
  return `${record['id']}|${typeof version === 'string' ? version : ''}`;
}

/**
 * Version 6: drops the single `type` index. Every object already has a [type+modified]
 * entry, whose ranges give the same rows by type (queries/byType.ts), so the `type` entry
 * was a second one per object that every ingest paid for (bench:kb, issue 14: index
 * entries are most of the gap to a bare `bulkPut`). [type+modified] is declared first so
 * Dexie answers a plain `where('type')` from it, relationships included. Data unchanged.
 */
export const v6 = {
  version: 6,
  stores: {
    objects: 'id, [type+modified], [type+name], *labels, *refs, *terms, *sources',
  },
} as const;

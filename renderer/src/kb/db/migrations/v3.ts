/**
 * Version 3: drops the single `modified` index. Dates are read through [type+modified]
 * (listing newest first, the dashboard's months), and the index cost every ingest an
 * entry per object for no query (bench:kb: index entries are most of ingest time).
 */
export const v3 = {
  version: 3,
  stores: {
    objects: 'id, type, [type+name], [type+modified], *labels, *refs, *terms, *sources',
  },
} as const;

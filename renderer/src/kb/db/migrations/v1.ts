/**
 * Version 1: objects with their indexes (id, type, name within type, modified, labels,
 * the edge index `refs`, search terms, provenance `sources`), sources, original files,
 * quarantine and key/value state.
 */
export const v1 = {
  version: 1,
  stores: {
    objects: 'id, type, [type+name], modified, *labels, *refs, *terms, *sources',
    sources: 'id, kind, lastImportedAt',
    files: 'sha256',
    quarantine: 'key, sourceId, objectId',
    state: 'key',
  },
} as const;

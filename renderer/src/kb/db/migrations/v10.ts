/**
 * Version 10: the trash (issue 21, point 5). A delete moves the objects, the relationships
 * and sightings that went with them and their kept versions into one entry here, restorable
 * whole for the retention days (kb/trash/). Keyed by the entry's own id (a UUID), with
 * `deletedAt` for the retention purge and a multi-entry index of every object id an entry
 * holds, so a re-import of one of them finds its entry. Only this table changes: existing
 * data is untouched.
 */
export const v10 = {
  version: 10,
  stores: {
    trash: 'id, deletedAt, *ids',
  },
} as const;

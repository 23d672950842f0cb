/**
 * Version 5: the change feed (issue 8). Every create, update and delete of a STIX object
 * appends one row with an auto-incremented `seq`, in the same transaction as the write,
 * so stream consumers can follow the knowledge base from a cursor and never miss or
 * reorder a change. Existing objects get no rows: the feed starts when the upgrade runs.
 */
export const v5 = {
  version: 5,
  stores: {
    changes: '++seq',
  },
} as const;

/**
 * Version 2: a [type+modified] index, so "newest first" within a type is read in index
 * order instead of loading every object of the type to sort it. The data is unchanged.
 */
export const v2 = {
  version: 2,
  stores: {
    objects: 'id, type, [type+name], [type+modified], modified, *labels, *refs, *terms, *sources',
  },
} as const;

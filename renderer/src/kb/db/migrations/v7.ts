/**
 * Version 7: the versions table (issue 17). Every SDO/SRO version that a write replaces —
 * a feed's newer version, an analyst's edit, a restore, a merge, a bulk action — is kept
 * here under `<id>|<modified>`, written in the transaction that replaced it, so an
 * object's history is listed by `id`. Creates write nothing here: only replaced versions.
 * Existing data is unchanged; histories start when the upgrade runs.
 */
export const v7 = {
  version: 7,
  stores: {
    versions: 'key, id',
  },
} as const;

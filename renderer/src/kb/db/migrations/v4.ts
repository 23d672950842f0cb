/**
 * Version 4: saved investigations (core/investigation/types.ts), kept beside the STIX
 * objects rather than as groupings among them, so node positions and filters need no
 * custom properties and an investigation is never exported or undone by accident.
 * Listed newest first through `modified`. Existing data is unchanged.
 */
export const v4 = {
  version: 4,
  stores: {
    investigations: 'id, modified',
  },
} as const;

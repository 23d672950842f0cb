/**
 * An investigation as a STIX 2.1 grouping (§4.7): "a set of content that is related, but
 * without a finished analysis" — what a graph of pivots is. The grouping carries the
 * investigation's id, so exporting it again gives a new version of the same object.
 */
import type { JsonObject } from '../stix/model/properties.ts';
import type { Investigation } from './types.ts';

export function investigationGrouping(investigation: Investigation, objectRefs: string[]): JsonObject {
  return {
    type: 'grouping',
    spec_version: '2.1',
    id: investigation.id,
    created: investigation.created,
    modified: investigation.modified,
    name: investigation.name,
    ...(investigation.description.trim() === '' ? {} : { description: investigation.description }),
    context: 'suspicious-activity',
    object_refs: objectRefs,
  };
}

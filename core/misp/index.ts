/**
 * MISP events to STIX 2.1, for `{"Event": …}` exports and feed files, bare events (PyMISP)
 * and REST search responses (several events, one result). The mapping follows MISP's
 * misp-stix and OpenCTI's MISP connector; where they differ, the choice is Magpie's:
 *
 * - event → `report` (`report--<event uuid>`), Orgc → `identity` (organization, the shared
 *   name-based id) as every SDO's `created_by_ref`; tags → labels; links → the report's
 *   external references; threat level and analysis → its description (event.ts).
 * - TLP tags → the predefined TLP marking-definitions, event-wide, overridden per
 *   attribute; distribution and sharing groups are not markings (tags.ts).
 * - attribute → SCOs with the spec's deterministic ids (no observed-data, as in OpenCTI),
 *   plus, when `to_ids`, an `indicator--<attribute uuid>` `based-on` them (observables.ts,
 *   attributes.ts); MISP objects → one combined observation each (objects.ts).
 * - galaxy clusters → SDOs; on the event they are only in the report, on an attribute its
 *   indicator `indicates` them or its observable is `related-to` them (galaxies.ts).
 * - sightings, proposals, deleted items and anything without a mapping are counted in
 *   the warnings, never dropped silently; every object returned passes the validator.
 */
import type { JsonObject } from '../stix/index.ts';
import { Collector } from './collector.ts';
import { convertEvent } from './event.ts';
import { readEvents } from './read.ts';
import { Warnings } from './warnings.ts';

export { MispError, type MispErrorCode } from './errors.ts';
export { isMispEvent } from './read.ts';

export interface MispConversion {
  /** Valid STIX 2.1 objects, each once: reports, their content and the TLP markings used. */
  objects: JsonObject[];
  /** What was not imported, and why, counted by kind. */
  warnings: string[];
}

export interface MispOptions {
  /** The time to use where an event carries none (default: the current time). */
  now?: string;
}

/** Converts MISP JSON (parsed, untrusted) to STIX; throws a MispError when it holds no event. */
export function mispEventToStix(json: unknown, options: MispOptions = {}): MispConversion {
  const events = readEvents(json);
  const collector = new Collector();
  const warnings = new Warnings();
  const now = options.now ?? new Date().toISOString();
  for (const event of events) convertEvent(event, { collector, warnings, now });
  return { objects: collector.all(), warnings: warnings.lines() };
}

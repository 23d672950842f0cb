/**
 * One feed event file to STIX 2.1. The mapping is core/misp's (`mispEventToStix`), the one
 * the MISP file import uses, after misp-stix and OpenCTI's MISP connectors:
 *
 * - event → `report--<event uuid>` (tags → labels, links → external references, threat
 *   level and analysis → description), Orgc → organization `identity`, the author of all;
 * - attribute → observables with the spec's deterministic ids; `to_ids` → also an
 *   `indicator--<attribute uuid>` with a STIX pattern, `based-on` the observables;
 * - MISP objects → combined observations; galaxies → intrusion sets, malware, attack
 *   patterns, tools, sectors, locations, vulnerabilities;
 * - TLP tags → TLP markings; an event without one gets the connector's default TLP, applied
 *   exactly as if the event carried the tag `tlp:<level>` (so attribute tags still win);
 * - sightings, proposals and deleted items are not imported and are counted in the notes.
 *
 * Only the default TLP is the connector's own; everything else is left to the core, so a
 * feed import and a dropped event file give the same objects.
 */
import { mispEventToStix, type MispConversion } from '../../../core/misp/index.ts';
import type { TlpLevel } from '../../../core/stix/index.ts';

type Json = Record<string, unknown>;

function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTlpTag(tag: unknown): boolean {
  return isJsonObject(tag) && typeof tag['name'] === 'string' && tag['name'].trim().toLowerCase().startsWith('tlp:');
}

/** The event with `tlp:<level>` added to its tags when it has no TLP tag; other shapes unchanged. */
export function withDefaultTlp(json: unknown, tlp: TlpLevel): unknown {
  if (!isJsonObject(json) || !isJsonObject(json['Event'])) return json;
  const event = json['Event'];
  const tags: unknown[] = Array.isArray(event['Tag']) ? event['Tag'] : [];
  if (tags.some(isTlpTag)) return json;
  return { ...json, Event: { ...event, Tag: [...tags, { name: `tlp:${tlp}` }] } };
}

export interface FeedEventOptions {
  defaultTlp: TlpLevel;
  /** For events that carry no time at all. */
  now: string;
}

/** Converts one parsed event file; throws a MispError when it holds no event. */
export function convertFeedEvent(json: unknown, options: FeedEventOptions): MispConversion {
  return mispEventToStix(withDefaultTlp(json, options.defaultTlp), { now: options.now });
}

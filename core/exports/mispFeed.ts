/**
 * A MISP feed folder (issue 20, point 4) in the format MISP's Sync → Feeds pulls from a URL
 * or a local folder, as PyMISP's feed generator writes it (pymisp/tools/feed.py and
 * `MISPEvent.to_feed`/`manifest`): one `<event uuid>.json` per event (`{"Event": …}`),
 * `manifest.json` (event uuid → info, date, timestamp, threat level, analysis, Orgc, Tag)
 * and `hashes.csv` (`<md5 of a value>,<event uuid>` per line; composite values such as
 * `filename|md5` hashed part by part), which MISP uses to correlate without fetching events.
 *
 * Grouping: one event per report in the bundle, holding what the report refers to, and one
 * event for whatever no report holds. A report's event takes the report's uuid, so a new
 * export of the same report updates it in MISP; the rest's uuid is derived from its title and organisation.
 * Each event's `timestamp` is the newest `modified` of what it holds, so an unchanged
 * report keeps its timestamp and MISP (or Magpie's feed connector) does not fetch it again.
 * Pure: it returns the files; the CLI and main write them.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { derivedId, identityId } from '../stix/ids.ts';
import type { JsonObject } from '../stix/model/properties.ts';
import { toMispEvent, type MispEventOut, type MispExportOptions, type MispNotExported } from './misp.ts';

export interface MispFeedOptions extends Omit<MispExportOptions, 'uuid' | 'info' | 'now'> {
  /** Title of the event for what no report holds (default "Magpie export"); its uuid derives from it. */
  readonly info?: string;
  /** The creating organisation every event names (MISP's feeds need one; default "Magpie"). */
  readonly orgName?: string;
  /** Time for events whose objects carry none (default: the newest in the whole export, else now). */
  readonly now?: Date;
}

export interface MispFeedFile {
  /** A file name inside the feed folder. */
  readonly name: string;
  readonly text: string;
}

export interface MispFeedEvent {
  readonly uuid: string;
  readonly info: string;
  readonly attributes: number;
  readonly objects: number;
}

export interface MispFeed {
  /** manifest.json, hashes.csv, then one file per event. */
  readonly files: MispFeedFile[];
  readonly events: MispFeedEvent[];
  /** What no event could hold, summed over the events, with why (toMispEvent's notExported). */
  readonly notExported: readonly MispNotExported[];
}

const DEFAULT_ORG = 'Magpie';
const DEFAULT_INFO = 'Magpie export';

function uuidOf(id: string): string {
  return id.slice(id.indexOf('--') + 2);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The newest `modified` (or `created`) among the objects, as a Date: an unchanged report keeps its event's timestamp. */
function newest(objects: readonly JsonObject[]): Date | undefined {
  // Marking definitions are shared by every event; their age says nothing about the event's.
  const times = objects.filter((object) => object['type'] !== 'marking-definition').flatMap((object) => [object['modified'], object['created']]).filter((time): time is string => typeof time === 'string').map((time) => Date.parse(time)).filter(Number.isFinite);
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}

interface Group {
  readonly uuid: string;
  readonly info: string;
  readonly objects: JsonObject[];
}

function refsOf(object: JsonObject): string[] {
  return Array.isArray(object['object_refs']) ? object['object_refs'].filter((ref): ref is string => typeof ref === 'string') : [];
}

/** Relationships and sightings about what a group holds travel with it (a detection's `based-on`, a sighting's count). */
function isAbout(object: JsonObject, ids: ReadonlySet<string>): boolean {
  if (object['type'] === 'relationship') return ids.has(String(object['source_ref'])) && ids.has(String(object['target_ref']));
  return object['type'] === 'sighting' && ids.has(String(object['sighting_of_ref']));
}

/**
 * One group per report (the report, what it refers to, the relationships and sightings among
 * them, and every marking definition so custom markings resolve), and one for what no report holds.
 */
function groupsOf(objects: readonly JsonObject[], info: string, orgName: string): Group[] {
  const byId = new Map(objects.map((object) => [String(object['id']), object]));
  const markings = objects.filter((object) => object['type'] === 'marking-definition');
  const held = new Set<string>(markings.map((object) => String(object['id'])));
  const groups: Group[] = [];
  for (const report of objects.filter((object) => object['type'] === 'report')) {
    const ids = new Set([String(report['id']), ...refsOf(report).filter((ref) => byId.has(ref))]);
    for (const object of objects) if (isAbout(object, ids)) ids.add(String(object['id']));
    for (const id of ids) held.add(id);
    const contents = [...ids].flatMap((id) => {
      const object = byId.get(id);
      return object === undefined || object['type'] === 'marking-definition' ? [] : [object];
    });
    groups.push({ uuid: uuidOf(String(report['id'])), info: text(report['name']) ?? `Report ${uuidOf(String(report['id']))}`, objects: [...contents, ...markings] });
  }
  const rest = objects.filter((object) => !held.has(String(object['id'])));
  // Named by its title and organisation, so two teams' feeds never share the event.
  groups.push({ uuid: uuidOf(derivedId('x-misp-feed-event', { info, org: orgName })), info, objects: [...rest, ...markings] });
  return groups;
}

/** MISP's `hash_values('md5')`: composite values (`filename|md5`) hashed part by part. */
function hashesOf(event: MispEventOut['Event']): string[] {
  const attributes = [...event.Attribute, ...event.Object.flatMap((object) => object.Attribute)];
  return attributes.flatMap((attribute) => (attribute.type.includes('|') ? attribute.value.split('|') : [attribute.value]).map((part) => bytesToHex(md5(utf8ToBytes(part)))));
}

/** PyMISP's `MISPEvent.manifest`, field for field: numbers as numbers, tags with MISP's defaults. */
function manifestEntry(event: MispEventOut['Event']): JsonObject {
  return {
    Orgc: event.Orgc ?? {}, Tag: event.Tag.map((tag) => ({ colour: '#ffffff', local: false, name: tag.name, relationship_type: '' })),
    info: event.info, date: event.date, analysis: Number(event.analysis), threat_level_id: Number(event.threat_level_id), timestamp: Number(event.timestamp),
  };
}

export function toMispFeed(objects: readonly JsonObject[], options: MispFeedOptions = {}): MispFeed {
  const orgName = options.orgName ?? DEFAULT_ORG;
  const orgc = { name: orgName, uuid: uuidOf(identityId(orgName, 'organization')) };
  // The newest time of the export, not the clock: the same knowledge exported twice gives the same files.
  const fallback = options.now ?? newest(objects) ?? new Date();
  const manifest: Record<string, JsonObject> = {};
  const hashes: string[] = [];
  const eventFiles: MispFeedFile[] = [];
  const events: MispFeedEvent[] = [];
  const notExported = new Map<string, MispNotExported>();
  for (const group of groupsOf(objects, options.info ?? DEFAULT_INFO, orgName)) {
    const out = toMispEvent(group.objects, { ...options, orgName, uuid: group.uuid, info: group.info, now: newest(group.objects) ?? fallback });
    // Counted before an empty event is dropped: what it could not hold is still not exported.
    for (const item of out.notExported) {
      const key = `${item.what}\u0000${item.reason}`;
      notExported.set(key, { ...item, count: (notExported.get(key)?.count ?? 0) + item.count });
    }
    // An event without a single value would be an empty shell in MISP: left out.
    if (out.attributes + out.objects === 0) continue;
    const event = { ...out.event.Event, uuid: group.uuid, Orgc: { ...out.event.Event.Orgc, ...orgc } };
    manifest[group.uuid] = manifestEntry(event);
    hashes.push(...hashesOf(event).map((hash) => `${hash},${group.uuid}`));
    eventFiles.push({ name: `${group.uuid}.json`, text: `${JSON.stringify({ Event: event }, null, 2)}\n` });
    events.push({ uuid: group.uuid, info: group.info, attributes: out.attributes, objects: out.objects });
  }
  return {
    files: [
      { name: 'manifest.json', text: `${JSON.stringify(manifest, null, 2)}\n` },
      { name: 'hashes.csv', text: hashes.map((line) => `${line}\n`).join('') },
      ...eventFiles,
    ],
    events,
    notExported: [...notExported.values()],
  };
}

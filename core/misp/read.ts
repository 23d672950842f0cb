/**
 * Finds the MISP events in a parsed JSON document, in the shapes MISP and its clients
 * write: `{"Event": {...}}` (event export, feeds), a bare event (PyMISP `to_json`), the
 * REST search response `{"response": [{"Event": ...}, ...]}`, and a plain list of either.
 */
import { MispError } from './errors.ts';
import { MispEvent } from './schema.ts';

type Json = Record<string, unknown>;

function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A bare event carries its title and at least one field only events have. */
function looksLikeEvent(value: Json): boolean {
  return typeof value['info'] === 'string' && ['uuid', 'date', 'Attribute', 'Object', 'Orgc'].some((key) => value[key] !== undefined);
}

/** A feed's manifest.json maps event uuids to event summaries; people pick it by mistake. */
function looksLikeManifest(value: Json): boolean {
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((entry) => isJsonObject(entry) && typeof entry['info'] === 'string' && entry['Attribute'] === undefined);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function parseEvent(candidate: unknown, where: string): MispEvent {
  const parsed = MispEvent.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`);
  throw new MispError('invalid-event', `The MISP event ${where} cannot be read (${problems.join('; ')}). An event needs at least an "info" text.`);
}

/** One entry of a response or list: `{"Event": {...}}` or a bare event. */
function eventOfEntry(entry: unknown, index: number): MispEvent {
  const where = `at position ${index + 1}`;
  if (isJsonObject(entry) && entry['Event'] !== undefined) return parseEvent(entry['Event'], where);
  if (isJsonObject(entry) && looksLikeEvent(entry)) return parseEvent(entry, where);
  throw new MispError('not-a-misp-event', `Entry ${index + 1} of the list is not a MISP event (expected {"Event": {...}}, found ${describe(entry)}).`);
}

function eventsOfList(list: readonly unknown[]): MispEvent[] {
  if (list.length === 0) throw new MispError('empty-response', 'The MISP response holds no events: the search found nothing to import.');
  return list.map(eventOfEntry);
}

/** The events in a MISP document. Throws a MispError when it holds none. */
export function readEvents(json: unknown): MispEvent[] {
  if (Array.isArray(json)) return eventsOfList(json);
  if (!isJsonObject(json)) {
    throw new MispError('not-an-object', `This is not a MISP event: expected a JSON object such as {"Event": {...}}, found ${describe(json)}.`);
  }
  if (Array.isArray(json['response'])) return eventsOfList(json['response']);
  if (isJsonObject(json['response'])) return eventsOfList([json['response']]);
  if (json['Event'] !== undefined) return [parseEvent(json['Event'], 'under "Event"')];
  if (looksLikeEvent(json)) return [parseEvent(json, 'in this file')];
  if (json['type'] === 'bundle') {
    throw new MispError('not-a-misp-event', 'This is a STIX bundle, not a MISP event: import it as STIX instead.');
  }
  if (looksLikeManifest(json)) {
    throw new MispError('feed-manifest', 'This is a MISP feed manifest (an index of events), not an event: import the event files the feed lists next to it.');
  }
  throw new MispError('not-a-misp-event', 'This JSON is not a MISP event: expected {"Event": {...}}, a bare event with "info" and "uuid", or {"response": [...]}.');
}

/** Format sniffing: whether `json` holds at least one MISP event the converter can read. */
export function isMispEvent(json: unknown): boolean {
  try {
    readEvents(json);
    return true;
  } catch (error: unknown) {
    if (error instanceof MispError) return false;
    throw error;
  }
}

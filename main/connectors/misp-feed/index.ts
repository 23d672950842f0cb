/**
 * MISP feeds (OpenCTI's `misp-feed` connector): a feed is a folder of event files indexed by
 * manifest.json. Each run asks for the manifest conditionally, fetches only the events
 * that are new or changed since the last run (by their manifest timestamp), converts each
 * with core/misp and emits it on its own, so memory stays flat however large the feed.
 * MISP's hashes.csv (for its own correlation cache) is not needed and not read.
 */
import { MispError } from '../../../core/misp/index.ts';
import { HttpError } from '../../services/http/httpError.ts';
import type { ImportConnector, ImportRunContext } from '../types.ts';
import { createFeedClient } from './client.ts';
import { convertFeedEvent } from './converter.ts';
import { eventsToFetch, eventsToRetry, keepListed, readCursor } from './cursor.ts';
import { fetchAhead } from './fetchAhead.ts';
import type { ManifestEntry } from './manifest.ts';
import { configSchema, feedUrlOf, importFromEpoch, type MispFeedConfig } from './settings.ts';

/** Event files downloaded ahead of the one being converted. */
const AHEAD = 4;

/** Problems confined to one event file; anything else (network down, cancelled) ends the run. */
function isEventProblem(error: unknown): error is Error {
  if (error instanceof MispError) return true;
  return error instanceof HttpError && (error.code === 'status' || error.code === 'invalid-json' || error.code === 'too-large' || error.code === 'content-type');
}

interface Tally {
  events: number;
  added: number;
  changed: number;
  objects: number;
  skipped: number;
}

function summarise(tally: Tally, listed: number | undefined): string {
  const parts = tally.events === 0
    ? [listed === undefined ? 'The feed has not changed since the last run' : `No new or changed events among ${listed.toLocaleString('en-US')}`]
    : [`${tally.events.toLocaleString('en-US')} event(s) (${String(tally.added)} new, ${String(tally.changed)} changed), ${tally.objects.toLocaleString('en-US')} objects`];
  if (tally.skipped > 0) parts.push(`${String(tally.skipped)} event(s) skipped`);
  return parts.join('; ');
}

async function run(context: ImportRunContext<MispFeedConfig>): Promise<{ cursor: Record<string, unknown>; summary: string }> {
  const { config, log } = context;
  const feedUrl = feedUrlOf(config);
  const cursor = readCursor(context.cursor, feedUrl);
  const client = createFeedClient(context.http, feedUrl);
  const manifest = await client.manifest();
  if (manifest !== undefined && manifest.unusable.length > 0) {
    log.warn(`Ignored ${String(manifest.unusable.length)} manifest entr${manifest.unusable.length === 1 ? 'y' : 'ies'} without an event uuid and a time (${manifest.unusable.slice(0, 3).join(', ')}).`);
  }
  const since = importFromEpoch(config.importFrom, context.now());
  const wanted: ManifestEntry[] = manifest === undefined ? eventsToRetry(cursor) : eventsToFetch(manifest.entries, cursor, since);
  log.info(manifest === undefined ? `${client.manifestUrl} has not changed.` : `${String(wanted.length)} of ${String(manifest.entries.length)} event(s) in the manifest are new or changed.`);

  const events = keepListed(cursor.events, manifest?.entries);
  const failed: Record<string, number> = {};
  const tally: Tally = { events: 0, added: 0, changed: 0, objects: 0, skipped: 0 };
  const now = context.now().toISOString();
  for await (const [entry, fetched] of fetchAhead(wanted, (item) => client.event(item.uuid), AHEAD)) {
    context.signal.throwIfAborted();
    try {
      if (!fetched.ok) throw fetched.error;
      const { objects, warnings } = convertFeedEvent(fetched.value, { defaultTlp: config.tlp, now });
      if (warnings.length > 0) log.info(`Event "${entry.info}" (${entry.uuid}): ${warnings.join(' ')}`);
      if (objects.length > 0) await context.emit(objects);
      if (Object.hasOwn(events, entry.uuid)) tally.changed += 1;
      else tally.added += 1;
      events[entry.uuid] = entry.timestamp;
      tally.events += 1;
      tally.objects += objects.length;
    } catch (error: unknown) {
      if (!isEventProblem(error)) throw error;
      log.warn(`Skipped the event "${entry.info}" (${client.eventUrl(entry.uuid)}): ${error.message}`);
      failed[entry.uuid] = entry.timestamp;
      tally.skipped += 1;
    }
  }
  return { cursor: { feed: feedUrl, events, failed }, summary: summarise(tally, manifest?.entries.length) };
}

export const connector: ImportConnector<typeof configSchema> = {
  id: 'misp-feed',
  kind: 'external-import',
  name: 'MISP feed',
  description: 'Imports the events of a MISP feed (CIRCL, DigitalSide, Botvrij, abuse.ch, Infoblox or your own) as reports with their indicators and observables.',
  config: configSchema,
  defaultSchedule: 'PT6H',
  run,
};

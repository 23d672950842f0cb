/**
 * A MISP feed's manifest.json: `{ "<event uuid>": { info, date, timestamp, Orgc, Tag, … } }`
 * (MISP's feed format, written by MISP's `PUT /feeds/…` export and misp-feed generators).
 * `timestamp` is when the event last changed (epoch seconds), so it is what tells a new
 * or changed event from one already imported; feeds that omit it are read by `date`.
 */
import { z } from 'zod';
import { MispFeedError } from './errors.ts';

/** Event uuids become file names: anything else (`../x`) is refused rather than fetched. */
const EVENT_UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const Entry = z.looseObject({
  info: z.string().nullish(),
  date: z.string().nullish(),
  timestamp: z.union([z.number(), z.string()]).nullish(),
});

export interface ManifestEntry {
  uuid: string;
  info: string;
  /** When the event last changed, in epoch seconds. */
  timestamp: number;
}

function epochOf(entry: z.infer<typeof Entry>): number | undefined {
  const timestamp = Number(entry.timestamp ?? Number.NaN);
  if (Number.isFinite(timestamp) && timestamp > 0) return Math.floor(timestamp);
  const date = entry.date === null || entry.date === undefined ? Number.NaN : Date.parse(`${entry.date.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(date) ? Math.floor(date / 1000) : undefined;
}

export interface Manifest {
  entries: ManifestEntry[];
  /** Entries that cannot be imported (bad uuid, no time), for one warning. */
  unusable: string[];
}

/** Reads a parsed manifest; throws a MispFeedError when it is not one. */
export function readManifest(json: unknown, where: string): Manifest {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new MispFeedError('bad-manifest', `${where} is not a MISP feed manifest: expected an object mapping event uuids to event summaries. Check the feed URL.`);
  }
  const entries: ManifestEntry[] = [];
  const unusable: string[] = [];
  for (const [uuid, value] of Object.entries(json)) {
    const parsed = Entry.safeParse(value);
    const timestamp = parsed.success ? epochOf(parsed.data) : undefined;
    if (!EVENT_UUID.test(uuid) || timestamp === undefined || !parsed.success) unusable.push(uuid);
    else entries.push({ uuid: uuid.toLowerCase(), info: parsed.data.info ?? uuid, timestamp });
  }
  if (entries.length === 0 && unusable.length > 0) {
    throw new MispFeedError('bad-manifest', `${where} is not a MISP feed manifest: none of its ${String(unusable.length)} entries is an event uuid with a timestamp or date.`);
  }
  return { entries, unusable };
}

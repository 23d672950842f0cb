/**
 * Malpedia (issue 18), after OpenCTI's `malpedia` connector: the library's malware
 * families, the actors using them and their YARA rules (and, with an API key, the rules
 * shared with registered users and the sample hashes). Malpedia raises one version number
 * on every change, so a run first asks for it and imports only when it moved (or the
 * settings did), and then emits only the objects whose content changed (cursor.ts).
 * Everything is read and checked before the first object is emitted: an answer that does
 * not fit Malpedia's documented shape stops the run with nothing imported.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { JsonObject } from '../../../core/stix/index.ts';
import { fetchAhead } from '../misp-feed/fetchAhead.ts';
import type { ImportConnector, ImportRunContext, ImportRunResult } from '../types.ts';
import { actorIdOf, MalpediaApi } from './client.ts';
import { dayTime, MalpediaStix } from './converter.ts';
import { changedSince, isUpToDate, readCursor } from './cursor.ts';
import type { MalpediaActor, MalpediaSamples, MalpediaYara } from './schema.ts';
import { configSchema, settingsFingerprint, type MalpediaConfig } from './settings.ts';

const BATCH_SIZE = 2_000;
/** Families whose rules and samples are downloaded while one is converted. */
const AHEAD = 4;
const count = (value: number): string => value.toLocaleString('en-US');

/** Malpedia's version date (`2024-10-02`, or with a time) as a STIX timestamp. */
function versionTime(date: string): string | undefined {
  const day = dayTime(date);
  if (day !== undefined || date === '') return day;
  const normal = date.replace(' ', 'T');
  const time = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(normal) ? normal : `${normal}Z`);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

interface Extras {
  yara: MalpediaYara;
  samples: MalpediaSamples;
}

/** How a run waits out Malpedia's rate limit; tests pass one that does not really wait. */
export type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

const realWait: Wait = (ms, signal) => delay(ms, undefined, { signal });

async function run(context: ImportRunContext<MalpediaConfig>, wait: Wait): Promise<ImportRunResult> {
  const { config, log } = context;
  const api = new MalpediaApi(context.http, config.baseUrl, { apiKey: config.apiKey, log, sleep: (ms) => wait(ms, context.signal) });
  if (api.keyed) await api.checkKey();
  const { version, date } = await api.version();
  const settings = settingsFingerprint(config);
  const previous = readCursor(context.cursor);
  if (previous !== undefined && isUpToDate(previous, version, settings)) {
    log.info(`Malpedia is still at version ${String(version)}, already imported with these settings.`);
    return { cursor: previous, summary: `Malpedia version ${String(version)} already imported; nothing new` };
  }
  log.info(`Malpedia is at version ${String(version)}${previous === undefined ? '' : ` (last imported: ${String(previous.version)})`}; ${api.keyed ? 'with' : 'without'} an API key.`);

  const families = await api.families();
  const actorIds = config.importIntrusionSets ? new Set(await api.actorIds()) : new Set<string>();
  const time = versionTime(date) ?? context.now().toISOString();
  const stix = new MalpediaStix({ baseUrl: config.baseUrl, tlp: config.tlp, samplesTlp: config.samplesTlp, time });
  const withSamples = config.importSamples && api.keyed;
  if (config.importSamples && !api.keyed) log.info('Sample hashes need a Malpedia API key; importing the public library without them.');
  const extras = async (familyId: string): Promise<Extras> => ({
    yara: config.importYara ? await api.yara(familyId) : {},
    samples: withSamples ? await api.samples(familyId) : [],
  });

  const actors = new Map<string, MalpediaActor | undefined>();
  const tally = { families: 0, rules: 0, samples: 0, unknownActors: new Set<string>() };
  const familyIds = Object.keys(families).sort();
  for await (const [familyId, fetched] of fetchAhead(familyIds, extras, AHEAD)) {
    context.signal.throwIfAborted();
    if (!fetched.ok) throw fetched.error;
    const family = families[familyId];
    const malwareId = family === undefined ? undefined : stix.family(familyId, family);
    if (family === undefined || malwareId === undefined) continue;
    tally.families += 1;
    const familyTime = dayTime(family.updated) ?? time;
    tally.rules += stix.yara(familyId, fetched.value.yara, malwareId, familyTime);
    tally.samples += stix.samples(familyId, fetched.value.samples, malwareId, familyTime);
    if (!config.importIntrusionSets) continue;
    for (const name of family.attribution) {
      const actorId = actorIdOf(name);
      if (!actors.has(actorId)) {
        const actor = actorIds.has(actorId) ? await api.actor(actorId) : undefined;
        actors.set(actorId, actor?.value === '' ? undefined : actor);
      }
      const actor = actors.get(actorId);
      if (actor === undefined) tally.unknownActors.add(name);
      else stix.actor(actorId, actor, malwareId);
    }
  }
  if (tally.unknownActors.size > 0) log.info(`No Malpedia actor page for ${[...tally.unknownActors].sort().join(', ')}; those attributions were left out.`);
  for (const [message, times] of stix.warnings) log.warn(times > 1 ? `${message} (${String(times)} times)` : message);

  const objects: JsonObject[] = [...stix.objects.values()];
  const { changed, digests } = changedSince(previous, objects);
  for (let start = 0; start < changed.length; start += BATCH_SIZE) {
    context.signal.throwIfAborted();
    await context.emit(changed.slice(start, start + BATCH_SIZE));
  }
  const knownActors = [...actors.values()].filter((actor) => actor !== undefined).length;
  const parts = [`${count(tally.families)} families`, `${count(knownActors)} actors`, `${count(tally.rules)} YARA rules`];
  if (withSamples) parts.push(`${count(tally.samples)} samples`);
  return {
    cursor: { version, settings, digests },
    summary: `Malpedia version ${String(version)}: ${parts.join(', ')} (${count(objects.length)} objects, ${count(changed.length)} new or changed)`,
  };
}

export function createMalpediaConnector(wait: Wait = realWait): ImportConnector<typeof configSchema> {
  return {
    id: 'malpedia',
    kind: 'external-import',
    name: 'Malpedia',
    description: 'Imports Malpedia\'s malware families with their aliases and references, the actors using them and their countries, and YARA rules by TLP; runs again only when the library\'s version changes.',
    config: configSchema,
    defaultSchedule: 'P1D',
    run: (context) => run(context, wait),
  };
}

export const connector = createMalpediaConnector();

/**
 * Where a lifetime restarts (issue 21, point 2), decided at ingest's merge: an indicator a
 * source brings again (a feed's next pull, a re-import) or one a new sighting points at is
 * live again, so its `valid_until` moves one lifetime from now, written as a new version
 * by "Indicator lifecycle". An analyst's edit of the indicator itself does not restart it
 * (they may have set `valid_until` by hand); their sighting does. A revoked indicator
 * stays revoked (STIX 2.1 §3.6; core/stix/merge.ts rule 3).
 *
 * Also here: what a feed leaves out of its indicators is filled from the model
 * (fillFromModel), with the reliability of the identity that created them.
 */
import { fillFromModel, restartedLifetime, type DecaySettings } from '../../../../core/lifecycle/decay.ts';
import { isObject, type JsonObject } from '../../../../core/stix/model/properties.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { IngestSource } from '../ingest.ts';
import { nextContent } from '../versions/editObject.ts';
import { lifecycleSource } from './lifecycleSource.ts';

/**
 * Adds to `into` the stored indicators whose lifetime this write restarts: those a new
 * sighting names, and those a feed (a connector) brings again. Called before the write, so
 * an indicator new to the store is not "restarted" by its own arrival; a file read again
 * is a snapshot of what was known then, not new evidence, and restarts nothing by itself.
 */
export async function collectRestarts(db: KbDatabase, objects: readonly unknown[], source: Pick<IngestSource, 'id' | 'kind'>, into: Set<string>): Promise<void> {
  if (source.id === lifecycleSource.id) return;
  const candidates = new Set<string>();
  for (const object of objects) {
    if (!isObject(object)) continue;
    if (object['type'] === 'sighting' && typeof object['sighting_of_ref'] === 'string' && object['sighting_of_ref'].startsWith('indicator--')) candidates.add(object['sighting_of_ref']);
    else if (object['type'] === 'indicator' && typeof object['id'] === 'string' && source.kind === 'connector') candidates.add(object['id']);
  }
  if (candidates.size === 0) return;
  const ids = [...candidates];
  (await db.objects.bulkGet(ids)).forEach((record, index) => {
    if (record) into.add(ids[index] ?? record.id);
  });
}

/** The new versions that restart the stored indicators `ids` at `at` (none for those restarted within the day). */
export async function restartVersions(db: KbDatabase, ids: ReadonlySet<string>, at: Date, settings: DecaySettings): Promise<JsonObject[]> {
  if (ids.size === 0) return [];
  const records = await db.objects.bulkGet([...ids]);
  return records.flatMap((record) => {
    const restarted = record ? restartedLifetime(record.stix, at, settings) : undefined;
    return record && restarted ? [nextContent(record, restarted, at.toISOString())] : [];
  });
}

/** A feed's batch with its indicators' missing validity, confidence and score filled from the model. */
export function fillFeedObjects(objects: readonly unknown[], at: Date, settings: DecaySettings, reliabilityOf: ReadonlyMap<string, string>): unknown[] {
  return objects.map((object) => {
    if (!isObject(object) || object['type'] !== 'indicator') return object;
    const author = object['created_by_ref'];
    const reliability = typeof author === 'string' ? reliabilityOf.get(author) : undefined;
    return fillFromModel(object, at, { settings, ...(reliability ? { reliability } : {}) });
  });
}

/** The Admiralty reliability (OpenCTI's `x_opencti_reliability`) of the identities in a batch and of the stored authors its indicators name. */
export async function reliabilities(db: KbDatabase, objects: readonly unknown[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const wanted = new Set<string>();
  for (const object of objects) {
    if (!isObject(object)) continue;
    if (object['type'] === 'identity' && typeof object['id'] === 'string' && typeof object['x_opencti_reliability'] === 'string') found.set(object['id'], object['x_opencti_reliability']);
    if (object['type'] === 'indicator' && typeof object['created_by_ref'] === 'string') wanted.add(object['created_by_ref']);
  }
  const missing = [...wanted].filter((id) => !found.has(id));
  for (const record of missing.length > 0 ? await db.objects.bulkGet(missing) : []) {
    const reliability = record?.stix['x_opencti_reliability'];
    if (record && typeof reliability === 'string') found.set(record.id, reliability);
  }
  return found;
}

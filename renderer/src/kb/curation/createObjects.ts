/**
 * Objects the analyst creates by hand (issue 17, point 1): what the forms produce, written
 * through `ingest` under the "Analyst edits" source like every other hand edit (edits.ts),
 * so the change feed, provenance and undo treat them as any write. In one ingest:
 *
 * - every object is validated by core/stix/validate.ts first; one error saves nothing;
 * - an SCO must carry its deterministic id (core/stix/ids.ts); one that is already stored
 *   is not written again (its stored version is what the analyst meant) and comes back
 *   marked `existed`, so the UI opens it;
 * - SDOs and SROs without a creator get the analyst's identity as `created_by_ref`, and the
 *   identity itself is written when the store does not hold it (after a Delete everything);
 * - the predefined TLP marking-definitions the objects name are stored with them, so an
 *   export of what the analyst made stands alone;
 * - a group, technique or software carrying its ATT&CK id is written as a placeholder that
 *   the next ATT&CK import merges into the real object, or refused, naming that object,
 *   when it is already stored (merge/handPlaceholders.ts);
 * - each create is undoable on its own, like every hand change (versions/undo.ts).
 */
import { generateScoId, idContribution } from '../../../../core/stix/ids.ts';
import { TLP_1, TLP_2 } from '../../../../core/stix/markings.ts';
import { isScoType, specCategory } from '../../../../core/stix/model/categories.ts';
import { isObject, type JsonObject } from '../../../../core/stix/model/properties.ts';
import type { Issue } from '../../../../core/stix/issues.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { analystEditsSource } from '../edits.ts';
import { KbError } from '../errors.ts';
import { ingest, type IngestItem } from '../ingest.ts';
import { markHandPlaceholders, rememberHandPlaceholders } from '../merge/handPlaceholders.ts';
import { summarize, type ObjectSummary } from '../queries/summary.ts';
import { undoable } from '../versions/undo.ts';
import { getAnalystProfile, identityObject, putAnalystProfile, type AnalystProfile } from './analystProfile.ts';

export interface CreateObjectsRequest {
  objects: unknown[];
}

export interface CreatedObject {
  summary: ObjectSummary;
  /** An SCO with this deterministic id was already stored; nothing was written for it. */
  existed: boolean;
}

type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();

const PREDEFINED_MARKINGS = new Map<string, JsonObject>([...Object.values(TLP_2), ...Object.values(TLP_1)].map((marking) => [marking.id, marking]));

/** The first errors, said as "path: message", for a KbError the form can show as a whole. */
function describe(issues: readonly { index: number; issue: Issue }[]): string {
  return issues.slice(0, 5).map(({ index, issue }) => `object ${index + 1}${issue.path} ${issue.message}`).join('; ');
}

function checkScoId(object: JsonObject): string | null {
  const type = String(object['type']);
  if (!isScoType(type) || idContribution(type, object) === undefined) return null;
  const expected = generateScoId(type, object);
  return object['id'] === expected ? null : `${String(object['id'])} is not the id STIX 2.1 gives this ${type}; use ${expected}.`;
}

export async function createObjects(db: KbDatabase, request: CreateObjectsRequest, now: Clock = systemClock): Promise<{ objects: CreatedObject[]; undoId: string }> {
  if (!Array.isArray(request.objects) || request.objects.length === 0) throw new KbError('invalid-argument', 'There is nothing to create. Fill in the form first.');
  const profile = await getAnalystProfile(db);
  const objects = request.objects.map((input): JsonObject => {
    if (!isObject(input)) throw new KbError('invalid-object', 'Nothing was saved: each object to create must be a STIX object.');
    const category = specCategory(String(input['type']));
    const authored = profile && (category === 'sdo' || category === 'sro') && input['created_by_ref'] === undefined;
    return authored ? { ...input, created_by_ref: profile.identityId } : { ...input };
  });

  const errors = objects.flatMap((object, index) => validateObject(object).filter((issue) => issue.severity === 'error').map((issue) => ({ index, issue })));
  if (errors.length > 0) throw new KbError('invalid-object', `Nothing was saved: ${describe(errors)}`);
  const wrongIds = objects.map(checkScoId).filter((message): message is string => message !== null);
  if (wrongIds.length > 0) throw new KbError('invalid-object', `Nothing was saved: ${wrongIds.join('; ')}`);

  const stored = await db.objects.bulkGet(objects.map((object) => String(object['id'])));
  const existed = objects.map((object, index) => isScoType(String(object['type'])) && stored[index] !== undefined);
  // An ATT&CK id typed before ATT&CK is imported makes a placeholder; one already imported is opened instead.
  const toWrite = await markHandPlaceholders(db, objects.filter((_, index) => !existed[index]));
  const extras = await missingSupport(db, toWrite, profile);
  const written = [...extras, ...toWrite];
  const items: IngestItem[] = written.map((object, index) => ({ object, path: `/${index}`, issues: validateObject(object) }));
  // Undoable one create at a time like every hand change: the undo removes what this wrote (identity and markings included).
  const { undoId } = await undoable(db, written.map((object) => String(object['id'])), createLabel(toWrite), async () => {
    if (toWrite.length === 0) return {};
    const result = await ingest(db, items, analystEditsSource, { now });
    if (result.counts.rejected > 0) throw new KbError('invalid-object', `Nothing was saved: the knowledge base refused ${result.rejections[0]?.objectId ?? 'an object'}.`);
    await rememberHandPlaceholders(db, toWrite);
    return {};
  });
  const records = await db.objects.bulkGet(objects.map((object) => String(object['id'])));
  return {
    undoId,
    objects: records.map((record, index) => {
      if (!record) throw new KbError('not-found', `${String(objects[index]?.['id'])} was not stored; try again.`);
      return { summary: summarize(record), existed: existed[index] ?? false };
    }),
  };
}

/** "Create PlugX", or "Create 2 objects" for an object with its relationship. */
function createLabel(objects: readonly JsonObject[]): string {
  const [first] = objects;
  if (objects.length === 1 && first) return `Create ${typeof first['name'] === 'string' ? first['name'] : String(first['id'])}`;
  return `Create ${objects.length} objects`;
}

/** The analyst's identity and the predefined markings the new objects name, where the store lacks them. */
async function missingSupport(db: KbDatabase, objects: readonly JsonObject[], profile: AnalystProfile | null): Promise<JsonObject[]> {
  const wanted = new Map<string, JsonObject>();
  for (const object of objects) {
    const refs = Array.isArray(object['object_marking_refs']) ? object['object_marking_refs'] : [];
    for (const ref of refs) {
      const marking = typeof ref === 'string' ? PREDEFINED_MARKINGS.get(ref) : undefined;
      if (marking) wanted.set(marking.id as string, marking);
    }
    if (profile && object['created_by_ref'] === profile.identityId) wanted.set(profile.identityId, identityObject(profile, profile.created));
  }
  const present = await db.objects.bulkGet([...wanted.keys()]);
  return [...wanted.values()].filter((_, index) => present[index] === undefined);
}

/** §3.6: a new version is modified strictly later than the one it replaces. */
function laterThan(previous: unknown, now: string): string {
  const before = typeof previous === 'string' ? Date.parse(previous) : Number.NaN;
  return Number.isNaN(before) || Date.parse(now) > before ? now : new Date(before + 1).toISOString();
}

/** Saves the analyst's profile and writes their identity as a new version when it changed. */
export async function saveAnalystProfile(db: KbDatabase, input: unknown, now: Clock = systemClock): Promise<AnalystProfile> {
  const at = now();
  const profile = await putAnalystProfile(db, input, at);
  const stored = await db.objects.get(profile.identityId);
  const next = identityObject(profile, stored ? laterThan(stored.stix['modified'], at) : profile.created);
  const same = stored && ['name', 'description', 'contact_information'].every((key) => stored.stix[key] === next[key]);
  if (!same) await ingest(db, [{ object: next, path: '/0', issues: validateObject(next) }], analystEditsSource, { now });
  return profile;
}

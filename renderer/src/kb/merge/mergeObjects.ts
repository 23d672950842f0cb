/**
 * The analyst's merge of duplicates (issue 17, point 4): two or more objects of one type,
 * one of them kept. Its new version combines the others (core/curation/combineDuplicates.ts)
 * with the name and description the analyst chose; everything that referred to the others
 * refers to it; the others are removed. One transaction, recorded in the kept object's
 * history (its previous version goes to `versions`) and undoable like every hand change.
 */
import { combineDuplicates, mergeableType, type MergeResolution } from '../../../../core/curation/combineDuplicates.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { KbError } from '../errors.ts';
import type { StoredObject } from '../records.ts';
import { checkValid, nextContent } from '../versions/editObject.ts';
import { undoable } from '../versions/undo.ts';
import { applyMerges, referringIds } from './applyMerges.ts';

export interface MergeObjectsRequest {
  keepId: string;
  otherIds: string[];
  resolved?: MergeResolution;
}

export interface MergeObjectsResult {
  object: JsonObject;
  undoId: string;
  repointed: number;
  removed: number;
}

type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();

function label(record: StoredObject): string {
  return typeof record.stix['name'] === 'string' ? record.stix['name'] : record.id;
}

async function recordsOf(db: KbDatabase, request: MergeObjectsRequest): Promise<{ keep: StoredObject; others: StoredObject[] }> {
  const otherIds = [...new Set(request.otherIds)].filter((id) => id !== request.keepId);
  if (otherIds.length === 0) throw new KbError('invalid-argument', 'Choose at least two objects to merge: the one to keep and one or more to merge into it. Nothing was changed.');
  const records = await db.objects.bulkGet([request.keepId, ...otherIds]);
  const missing = [request.keepId, ...otherIds].filter((_, index) => records[index] === undefined);
  if (missing.length > 0) throw new KbError('not-found', `${missing.join(', ')} is no longer in the knowledge base (deleted or merged since). Reload and choose again; nothing was changed.`);
  const [keep, ...others] = records as StoredObject[];
  if (!keep) throw new KbError('not-found', `${request.keepId} is not in the knowledge base. Nothing was changed.`);
  if (!mergeableType(keep.type)) throw new KbError('invalid-argument', `A ${keep.type} cannot be merged: relationships and sightings follow the objects they join, and observables and markings are defined by their content. Nothing was changed.`);
  const otherType = others.find((record) => record.type !== keep.type);
  if (otherType) throw new KbError('invalid-argument', `Only objects of one type can be merged: ${label(keep)} is a ${keep.type} and ${label(otherType)} a ${otherType.type}. Nothing was changed.`);
  return { keep, others };
}

export async function mergeObjects(db: KbDatabase, request: MergeObjectsRequest, now: Clock = systemClock): Promise<MergeObjectsResult> {
  const { keep, others } = await recordsOf(db, request);
  const at = now();
  const content = combineDuplicates(keep.stix, others.map((record) => record.stix), request.resolved ?? {});
  checkValid(nextContent(keep, content, at));
  const otherIds = others.map((record) => record.id);
  const referring = await referringIds(db, otherIds, new Set([keep.type]));
  const text = `Merge ${others.map(label).join(', ')} into ${label(keep)}`;
  const result = await undoable(db, [keep.id, ...otherIds, ...referring], text, () =>
    db.transaction('rw', [db.objects, db.versions, db.changes, db.sources], () => applyMerges(db, [{ keepId: keep.id, otherIds, content, reason: { merged: others.map((record) => ({ id: record.id, name: label(record) })) } }], referring, at)),
  );
  const stored = await db.objects.get(keep.id);
  return { object: stored?.stix ?? content, undoId: result.undoId, repointed: result.repointed, removed: result.removed };
}

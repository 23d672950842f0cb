/**
 * The analyst's edit of one object, and its history (issue 17, point 2). An edit of an
 * SDO or SRO is a new version as STIX 2.1 §3.6 defines it: same `id` and `created`, a
 * `modified` strictly later than the stored one (max(now, stored + 1 ms)); the replaced
 * version goes to history in the same transaction (history.ts). It is validated by the
 * same validator as imports and written through `ingest` under "Analyst edits", so the
 * change feed, provenance and undo see it like any write. SCOs have no versions: their
 * edit replaces the stored object.
 */
import { isObject, type JsonObject } from '../../../../core/stix/model/properties.ts';
import { compareTimestamps, isTimestamp, nextModified } from '../../../../core/stix/model/timestamp.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { analystEditsSource } from '../edits.ts';
import { KbError } from '../errors.ts';
import { ingest } from '../ingest.ts';
import type { SourceKind, StoredObject, VersionReason } from '../records.ts';
import { versionKey, writerOf } from './history.ts';
import { undoable } from './undo.ts';

type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();

export interface EditObjectRequest {
  id: string;
  /** The whole new content (same id, type and created as the stored object). */
  object: unknown;
  /** The stored `modified` the form was opened on; a different one now is a conflict. */
  expectedModified?: string;
}

export interface VersionSource {
  id: string;
  name: string;
  kind: SourceKind | 'unknown';
}

export interface ObjectVersion {
  modified: string;
  stix: JsonObject;
  source: VersionSource;
  at: string;
  current: boolean;
  /** Set on a version a merge wrote: the objects merged into this one. */
  reason?: VersionReason;
}

export async function storedObject(db: KbDatabase, id: string): Promise<StoredObject> {
  const record = await db.objects.get(id);
  if (!record) throw new KbError('not-found', `${id} is not in the knowledge base; it may have been deleted. Nothing was changed.`);
  return record;
}

/** The next version of a stored object with `content`, its `modified` moved on when it has versions. */
export function nextContent(record: StoredObject, content: JsonObject, now: string): JsonObject {
  const versioned = isTimestamp(record.stix['modified']);
  const next: JsonObject = { ...content, id: record.id, type: record.type };
  if (versioned) next['modified'] = nextModified(record.stix['modified'], now);
  else delete next['modified'];
  return next;
}

/** Refuses invalid content with the validator's own words. */
export function checkValid(object: JsonObject): void {
  const errors = validateObject(object).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    throw new KbError('invalid-object', `Nothing was saved: ${errors.slice(0, 8).map((issue) => `${issue.path || String(object['type'])} ${issue.message}`).join('; ')}`);
  }
}

/** Writes analyst versions (already checked) in one ingest transaction. */
export async function writeVersions(db: KbDatabase, objects: readonly JsonObject[], now: Clock): Promise<void> {
  if (objects.length === 0) return;
  const result = await ingest(db, objects.map((object, index) => ({ object, path: `/${index}`, issues: [] })), analystEditsSource, { now, batchSize: objects.length });
  if (result.counts.rejected > 0) throw new KbError('invalid-object', `Nothing was saved: the knowledge base refused ${result.rejections[0]?.objectId ?? 'an object'}.`);
}

export async function editObject(db: KbDatabase, request: EditObjectRequest, now: Clock = systemClock, verb = 'Edit'): Promise<{ object: JsonObject; undoId: string }> {
  const record = await storedObject(db, request.id);
  if (!isObject(request.object)) throw new KbError('invalid-argument', 'The edit must be a whole STIX object. Nothing was saved.');
  const content = request.object;
  if (content['id'] !== record.id || content['type'] !== record.type) throw new KbError('invalid-argument', `An edit keeps the object's id and type (${record.id}). Nothing was saved.`);
  if (record.stix['created'] !== undefined && content['created'] !== record.stix['created']) {
    throw new KbError('invalid-argument', `An edit keeps the object's created time (${JSON.stringify(record.stix['created'])}); make a new object instead. Nothing was saved.`);
  }
  const stored = record.stix['modified'];
  if (request.expectedModified !== undefined && typeof stored === 'string' && stored !== request.expectedModified) {
    throw new KbError('conflict', `${record.name ?? record.id} changed since you opened it (another edit or an import). Reload it and make your edit again; nothing was saved.`);
  }
  const next = nextContent(record, content, now());
  checkValid(next);
  const name = typeof next['name'] === 'string' ? next['name'] : record.id;
  const { undoId } = await undoable(db, [record.id], `${verb} ${name}`, async () => {
    await writeVersions(db, [next], now);
    return {};
  });
  return { object: (await storedObject(db, record.id)).stix, undoId };
}

export async function listVersions(db: KbDatabase, id: string): Promise<{ versions: ObjectVersion[] }> {
  const record = await storedObject(db, id);
  const previous = (await db.versions.where('id').equals(id).toArray()).filter((row) => row.modified !== record.stix['modified']);
  const sourceIds = [...new Set([writerOf(record) ?? '', ...previous.map((row) => row.source)])];
  const sources = await db.sources.bulkGet(sourceIds);
  const byId = new Map(sources.flatMap((source) => (source ? [[source.id, source] as const] : [])));
  // A source undone since is named by its id, which says what it was (file:…, connector:…).
  const sourceOf = (sourceId: string): VersionSource => {
    const source = byId.get(sourceId);
    return source ? { id: source.id, name: source.name, kind: source.kind } : { id: sourceId, name: sourceId || '—', kind: 'unknown' };
  };
  const current: ObjectVersion = { modified: typeof record.stix['modified'] === 'string' ? record.stix['modified'] : record.modified, stix: record.stix, source: sourceOf(writerOf(record) ?? ''), at: record.updatedAt, current: true, ...(record.reason ? { reason: record.reason } : {}) };
  const older = previous
    .sort((a, b) => compareTimestamps(b.modified, a.modified))
    .map((row): ObjectVersion => ({ modified: row.modified, stix: row.stix, source: sourceOf(row.source), at: row.at, current: false, ...(row.reason ? { reason: row.reason } : {}) }));
  return { versions: [current, ...older] };
}

/** A past version's content made the current one, as a new version (history keeps what it replaces). */
export async function restoreVersion(db: KbDatabase, request: { id: string; modified: string }, now: Clock = systemClock): Promise<{ object: JsonObject; undoId: string }> {
  const record = await storedObject(db, request.id);
  const row = await db.versions.get(versionKey(request.id, request.modified));
  if (!row) throw new KbError('not-found', `That version of ${record.name ?? request.id} is not in its history any more. Reload the history and choose another.`);
  return editObject(db, { id: request.id, object: row.stix }, now, 'Restore');
}

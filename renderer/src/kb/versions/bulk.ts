/**
 * Bulk actions on ticked rows or a graph selection (issue 17, point 3): add or remove
 * labels, set TLP, set confidence, revoke, delete. Each is one transaction through
 * `ingest` under "Analyst edits" (each changed SDO/SRO becomes a new version, its old one
 * kept in history), validated first, undoable as a whole, and reports progress while the
 * new versions are prepared. What an action cannot apply to is skipped and counted: STIX
 * 2.1 gives observables (SCOs) no labels, confidence or `revoked`.
 */
import { TLP_2, tlpLevelOf, type TlpLevel } from '../../../../core/stix/markings.ts';
import { isScoType } from '../../../../core/stix/model/categories.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { moveToTrash } from '../trash/moveToTrash.ts';
import { restoreFromTrash } from '../trash/restoreFromTrash.ts';
import { KbError } from '../errors.ts';
import type { StoredObject } from '../records.ts';
import { checkValid, nextContent, writeVersions } from './editObject.ts';
import { rememberUndo, undoable } from './undo.ts';

type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();
const CHUNK = 500;

export interface BulkProgress {
  done: number;
  total: number;
}

export interface BulkAction {
  addLabels?: string[];
  removeLabels?: string[];
  tlp?: TlpLevel;
  confidence?: number;
}

export interface BulkResult {
  changed: number;
  /** Objects the action did not apply to (an observable's labels) or that already had it. */
  skipped: number;
  undoId: string;
}

/** The new content of one object, or null when the action leaves it as it is. */
export type Transform = (stix: JsonObject, record: StoredObject) => JsonObject | null;

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function withList(stix: JsonObject, key: string, values: string[]): JsonObject {
  const next: JsonObject = { ...stix };
  if (values.length === 0) Reflect.deleteProperty(next, key);
  else next[key] = values;
  return next;
}

function same(a: JsonObject, b: JsonObject): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies `transform` to the stored objects `ids` as one undoable change written in one
 * transaction. Reading and validating go a chunk at a time with progress; a failure
 * anywhere writes nothing.
 */
export async function applyToObjects(db: KbDatabase, ids: readonly string[], label: string, transform: Transform, options: { now?: Clock; onProgress?: (progress: BulkProgress) => void; extra?: JsonObject[] } = {}): Promise<BulkResult> {
  const now = options.now ?? systemClock;
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new KbError('invalid-argument', 'Tick at least one object first. Nothing was changed.');
  const at = now();
  const next: JsonObject[] = [];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const records = await db.objects.bulkGet(unique.slice(start, start + CHUNK));
    for (const record of records) {
      if (!record) continue;
      const content = transform(record.stix, record);
      if (content === null || same(content, record.stix)) continue;
      const version = nextContent(record, content, at);
      checkValid(version);
      next.push(version);
    }
    options.onProgress?.({ done: Math.min(start + CHUNK, unique.length), total: unique.length });
  }
  const extra = next.length > 0 ? await missing(db, options.extra ?? []) : [];
  const { undoId } = await undoable(db, [...next.map((object) => String(object['id'])), ...extra.map((object) => String(object['id']))], label, async () => {
    await writeVersions(db, [...extra, ...next], () => at);
    return {};
  });
  return { changed: next.length, skipped: unique.length - next.length, undoId };
}

async function missing(db: KbDatabase, objects: readonly JsonObject[]): Promise<JsonObject[]> {
  const present = await db.objects.bulkGet(objects.map((object) => String(object['id'])));
  return objects.filter((_, index) => present[index] === undefined);
}

function typeOf(record: StoredObject): string {
  return record.type;
}

/** The one bulk edit: labels, TLP and confidence at once. */
export function bulkEditTransform(action: BulkAction): Transform {
  const add = (action.addLabels ?? []).map((label) => label.trim()).filter((label) => label !== '');
  const remove = new Set(action.removeLabels ?? []);
  return (stix, record) => {
    let next: JsonObject = stix;
    const sco = isScoType(typeOf(record));
    if (!sco && (add.length > 0 || remove.size > 0)) {
      const labels = listOf(stix['labels']).filter((label) => !remove.has(label));
      for (const label of add) if (!labels.includes(label)) labels.push(label);
      next = withList(next, 'labels', labels);
    }
    if (action.tlp !== undefined) {
      // Other TLP markings go: an object has one TLP level; other markings (statements) stay.
      const markings = listOf(stix['object_marking_refs']).filter((ref) => tlpLevelOf(ref) === undefined);
      next = withList(next, 'object_marking_refs', [...markings, TLP_2[action.tlp].id]);
    }
    if (action.confidence !== undefined && !sco) next = { ...next, confidence: action.confidence };
    return next === stix ? null : next;
  };
}

export async function bulkEdit(db: KbDatabase, request: { ids: string[]; action: BulkAction }, onProgress?: (progress: BulkProgress) => void): Promise<BulkResult> {
  const { action } = request;
  if (action.confidence !== undefined && (!Number.isInteger(action.confidence) || action.confidence < 0 || action.confidence > 100)) {
    throw new KbError('invalid-argument', 'Confidence is a whole number from 0 to 100. Nothing was changed.');
  }
  const marking = action.tlp === undefined ? [] : [TLP_2[action.tlp] as JsonObject];
  return applyToObjects(db, request.ids, `Edit ${request.ids.length} objects`, bulkEditTransform(action), { extra: marking, ...(onProgress ? { onProgress } : {}) });
}

/** STIX 2.1 §3.6: revoked as a new version; revoked stays revoked. Observables cannot be revoked. */
export function revokeObjects(db: KbDatabase, request: { ids: string[] }, onProgress?: (progress: BulkProgress) => void): Promise<BulkResult> {
  return applyToObjects(db, request.ids, `Revoke ${request.ids.length} objects`, (stix, record) => (isScoType(record.type) || stix['revoked'] === true ? null : { ...stix, revoked: true }), onProgress ? { onProgress } : {});
}

/**
 * Moves to the trash with the relationships and sightings that hang on them (issue 21,
 * point 5); Undo restores the trash entry, as the Trash page would.
 */
export async function deleteUndoably(db: KbDatabase, request: { ids: string[]; why?: string }): Promise<{ deleted: number; undoId: string; entryId: string | null }> {
  const { deleted, entryId } = await moveToTrash(db, request);
  const undoId = rememberUndo(db, `Delete ${request.ids.length} objects`, async () => (entryId === null ? 0 : (await restoreFromTrash(db, entryId)).restored));
  return { deleted, undoId, entryId };
}

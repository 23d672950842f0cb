/**
 * The analyst's own edits from the graph: relationships drawn, changed and removed, notes
 * and opinions. Each is a STIX object written through `ingest` under one source, so edits
 * show in provenance, merge by the usual versioning rules and can be undone together like
 * an import. Every object is validated first; an invalid one writes nothing.
 */
import { relationshipTypesFor } from '../../../core/stix/model/sros.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { nextModified } from '../../../core/stix/model/timestamp.ts';
import { typeOfId } from '../../../core/stix/model/identifier.ts';
import { validateObject } from '../../../core/stix/validate.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import { deleteObjects, type DeleteResult } from './deletion.ts';
import { KbError } from './errors.ts';
import { ingest, type IngestSource } from './ingest.ts';
import { summarize, type ObjectSummary } from './queries/summary.ts';
import type { StoredObject } from './records.ts';

/** One source for every edit, named like the others (`file:…`, `connector:…`). */
export const analystEditsSource: IngestSource = { id: 'manual:analyst-edits', kind: 'manual', name: 'Analyst edits' };

type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();

export interface CreateRelationshipRequest {
  sourceRef: string;
  targetRef: string;
  relationshipType: string;
  description?: string;
  confidence?: number;
}

export interface UpdateRelationshipRequest {
  id: string;
  relationshipType?: string;
  /** An empty description removes it. */
  description?: string;
}

export interface CreateNoteRequest {
  objectRefs: string[];
  abstract?: string;
  content: string;
}

/** STIX 2.1 §4.14, opinion-enum. */
export const opinionValues = ['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'] as const;
export type OpinionValue = (typeof opinionValues)[number];

export interface CreateOpinionRequest {
  objectRefs: string[];
  opinion: OpinionValue;
  explanation?: string;
}

async function existing(db: KbDatabase, id: string): Promise<StoredObject> {
  const record = await db.objects.get(id);
  if (!record) throw new KbError('not-found', `${id} is not in the knowledge base; it may have been deleted. Nothing was changed.`);
  return record;
}

async function relationshipRecord(db: KbDatabase, id: string): Promise<StoredObject> {
  const record = await existing(db, id);
  if (record.type !== 'relationship') throw new KbError('invalid-argument', `${id} is a ${record.type}, not a relationship. Nothing was changed.`);
  return record;
}

function checkRelationshipType(kind: string, sourceType: string, targetType: string): void {
  const allowed = relationshipTypesFor(sourceType, targetType);
  if (!allowed.includes(kind)) {
    throw new KbError('invalid-object', `STIX 2.1 does not define "${kind}" from ${sourceType} to ${targetType}; choose one of: ${allowed.join(', ')}. Nothing was saved.`);
  }
}

/** Text the analyst typed, or nothing when it is blank (STIX has no use for an empty description). */
function text(key: string, value: string | undefined): JsonObject {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? {} : { [key]: trimmed };
}

/** Validates and writes one object under the analyst's source, and returns it as stored. */
async function write(db: KbDatabase, object: JsonObject, now: Clock): Promise<ObjectSummary> {
  const issues = validateObject(object);
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    throw new KbError('invalid-object', `Nothing was saved: ${errors.map((issue) => `${issue.path || String(object['type'])} ${issue.message}`).join('; ')}`);
  }
  const result = await ingest(db, [{ object, path: '/0', issues }], analystEditsSource, { now });
  const record = await db.objects.get(String(object['id']));
  // Ingest quarantines rather than throws; after validation above this is a bug, said plainly.
  if (result.counts.rejected > 0 || !record) throw new KbError('invalid-object', `Nothing was saved: the knowledge base refused ${String(object['id'])}.`);
  return summarize(record);
}

function newId(type: string): string {
  return `${type}--${crypto.randomUUID()}`;
}

export async function createRelationship(db: KbDatabase, request: CreateRelationshipRequest, now: Clock = systemClock): Promise<ObjectSummary> {
  const [source, target] = [await existing(db, request.sourceRef), await existing(db, request.targetRef)];
  checkRelationshipType(request.relationshipType, source.type, target.type);
  const at = now();
  return write(db, {
    type: 'relationship',
    spec_version: '2.1',
    id: newId('relationship'),
    created: at,
    modified: at,
    relationship_type: request.relationshipType,
    source_ref: source.id,
    target_ref: target.id,
    ...text('description', request.description),
    ...(request.confidence === undefined ? {} : { confidence: request.confidence }),
  }, now);
}

export async function updateRelationship(db: KbDatabase, request: UpdateRelationshipRequest, now: Clock = systemClock): Promise<ObjectSummary> {
  const { stix } = await relationshipRecord(db, request.id);
  const next: JsonObject = { ...stix, modified: nextModified(stix['modified'], now()) };
  if (request.relationshipType !== undefined && request.relationshipType !== stix['relationship_type']) {
    // The ends' types are read from their ids: an end deleted since still names its type.
    checkRelationshipType(request.relationshipType, typeOfId(stix['source_ref']) ?? '', typeOfId(stix['target_ref']) ?? '');
    next['relationship_type'] = request.relationshipType;
  }
  if (request.description !== undefined) {
    delete next['description'];
    Object.assign(next, text('description', request.description));
  }
  return write(db, next, now);
}

/** Deletes one relationship by the usual path (with whatever hangs on it); anything else is refused. */
export async function deleteRelationship(db: KbDatabase, id: string): Promise<DeleteResult> {
  await relationshipRecord(db, id);
  return deleteObjects(db, [id]);
}

async function existingRefs(db: KbDatabase, refs: readonly string[]): Promise<string[]> {
  const unique = [...new Set(refs)];
  if (unique.length === 0) throw new KbError('invalid-argument', 'Choose at least one object for it to be about. Nothing was saved.');
  for (const id of unique) await existing(db, id);
  return unique;
}

export async function createNote(db: KbDatabase, request: CreateNoteRequest, now: Clock = systemClock): Promise<ObjectSummary> {
  if (request.content.trim() === '') throw new KbError('invalid-argument', 'Write something in the note before saving it.');
  const objectRefs = await existingRefs(db, request.objectRefs);
  const at = now();
  return write(db, {
    type: 'note', spec_version: '2.1', id: newId('note'), created: at, modified: at,
    ...text('abstract', request.abstract), content: request.content.trim(), object_refs: objectRefs,
  }, now);
}

export async function createOpinion(db: KbDatabase, request: CreateOpinionRequest, now: Clock = systemClock): Promise<ObjectSummary> {
  const objectRefs = await existingRefs(db, request.objectRefs);
  const at = now();
  return write(db, {
    type: 'opinion', spec_version: '2.1', id: newId('opinion'), created: at, modified: at,
    opinion: request.opinion, ...text('explanation', request.explanation), object_refs: objectRefs,
  }, now);
}

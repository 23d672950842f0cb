/**
 * How a STIX object is kept in IndexedDB: the object as merged from every source, plus the
 * few derived fields the indexes need. Provenance lives on the record (source ids and when
 * the object was first stored); per-source times live in the sources table, so importing
 * the same data again writes nothing.
 */
import { displayName, edgeIds, searchTerms } from '../../../core/knowledge/objectFacts.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';

export interface StoredObject {
  id: string;
  type: string;
  /** The STIX object itself, exactly as merged. */
  stix: JsonObject;
  /**
   * Lowercased display name, for listing and sorting by name within a type. Relationships
   * and sightings have none: they are found through their ends, and an index entry each
   * would cost every ingest.
   */
  name?: string;
  /** `modified`, or `created`, or when Magpie first stored it (SCOs are not versioned). */
  modified: string;
  labels: string[];
  /** Edge index: the ids this object is about (relationship ends, object_refs, sighting_of_ref…), not its creator or markings. */
  refs: string[];
  terms: string[];
  /** Provenance: the ids of the sources (imports, connectors) that brought this object. */
  sources: string[];
  /**
   * The source that wrote the current version, when it is not `sources[0]` (issue 17: the
   * history says who made each version, and an analyst's version is kept from older feed
   * versions). Omitted on creates, so a bulk import stores nothing more.
   */
  by?: string;
  /** Why the analyst wrote the current version, when it was more than an edit (a merge). */
  reason?: VersionReason;
  firstSeen: string;
  /** When Magpie last changed the stored object. */
  updatedAt: string;
}

/** A merge's version names the objects merged into it, so the history can say so in any language. */
export interface VersionReason {
  merged: { id: string; name: string }[];
}

export function toRecord(stix: JsonObject, sources: string[], firstSeen: string, now: string): StoredObject {
  const modified = stix['modified'] ?? stix['created'];
  const labels = stix['labels'];
  return {
    id: String(stix['id']),
    type: String(stix['type']),
    stix,
    ...(stix['type'] === 'relationship' || stix['type'] === 'sighting' ? {} : { name: displayName(stix).toLowerCase() }),
    modified: typeof modified === 'string' ? modified : firstSeen,
    labels: Array.isArray(labels) ? labels.filter((label): label is string => typeof label === 'string') : [],
    refs: edgeIds(stix),
    terms: searchTerms(stix),
    sources,
    firstSeen,
    updatedAt: now,
  };
}

export type SourceKind = 'file' | 'connector' | 'manual';
export type SourceStatus = 'running' | 'committed' | 'failed';

export interface IngestCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** One import: a file, a connector run, or the analyst's own edits. */
export interface SourceRecord {
  id: string;
  kind: SourceKind;
  name: string;
  /** SHA-256 of the imported file, when there is one (the original is kept in `files`). */
  sha256?: string;
  firstImportedAt: string;
  lastImportedAt: string;
  status: SourceStatus;
  /** Objects whose batch committed, across all runs of this source. */
  committedObjects: number;
  counts: IngestCounts;
  /** Warnings of the latest run (issue 15); absent on sources recorded before they were counted. */
  warnings?: number;
  error?: string;
}

export interface StoredFile {
  sha256: string;
  name: string;
  size: number;
  mediaType: string;
  blob: Blob;
  addedAt: string;
}

export interface QuarantineEntry {
  /** sourceId|path|objectId: the same rejection from the same source is kept once. */
  key: string;
  sourceId: string;
  /** The object's id when it had a readable one. */
  objectId: string;
  /** JSON pointer of the object in what was imported, e.g. /objects/12. */
  path: string;
  object: unknown;
  reasons: { path: string; rule: string; message: string }[];
  at: string;
}

/**
 * One change in the feed. Creates and updates name the object only: a consumer reads its
 * current version when it delivers, so 100,000 imported objects cost 100,000 small
 * entries, not a second copy of the store. A delete keeps the last version, since nothing
 * else will.
 */
export interface ChangeRecord {
  /** Increasing, never reused, even after a delete or a wipe (changes.ts). */
  seq?: number;
  op: 'create' | 'update' | 'delete';
  at: string;
  id: string;
  type: string;
  /** The source (import, connector, analyst edits) that made the change; none for deletes. */
  source?: string;
  object?: JsonObject;
}

/**
 * One write's changes as one row of the `changes` table (changes.ts), keyed by the number
 * of its last change; the first is numbered `first`. Rows written before the feed was
 * batched are single ChangeRecords keyed by their own number, and are still read.
 */
export interface ChangeBatch {
  seq?: number;
  first: number;
  changes: Omit<ChangeRecord, 'seq'>[];
}

export type ChangeRow = ChangeRecord | ChangeBatch;

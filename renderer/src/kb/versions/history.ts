/**
 * Versions (issue 17, STIX 2.1 §3.6): the knowledge base keeps every SDO/SRO version a
 * write replaces, with the source that had written it, in the `versions` table (schema
 * v7). The current version stays in `objects`; its writer is `by`, or the first source.
 * SCOs are not versioned by the spec: their edits simply replace.
 *
 * Which version wins is decided by core/stix/merge.ts (`mergeAuthored`, rule 7: an
 * analyst's version is kept from a feed's same or older version). This module applies it
 * for every write that goes through `ingest`, so feeds, files, edits, restores, merges and
 * bulk actions all keep history the same way and in the same transaction.
 */
import { mergeAuthored } from '../../../../core/stix/merge.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { isTimestamp } from '../../../../core/stix/model/timestamp.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { analystEditsSource } from '../edits.ts';
import type { StoredObject, VersionReason } from '../records.ts';

export interface VersionRecord {
  /** `<id>|<modified>`: one row per version, so no two versions share a `modified`. */
  key: string;
  id: string;
  modified: string;
  stix: JsonObject;
  /** The id of the source (import, connector, analyst edits) that wrote this version. */
  source: string;
  /** When Magpie stored this version. */
  at: string;
  /** Why it was written, when more than an edit (a merge); absent on most rows. */
  reason?: VersionReason;
}

export function versionKey(id: string, modified: string): string {
  return `${id}|${modified}`;
}

/** The source that wrote the stored version. */
export function writerOf(record: Pick<StoredObject, 'by' | 'sources'>): string | undefined {
  return record.by ?? record.sources[0];
}

export function isAnalystSource(sourceId: string | undefined): boolean {
  return sourceId === analystEditsSource.id;
}

/** The stored version as a history row, when it has a `modified` to be known by. */
export function asVersion(record: StoredObject): VersionRecord | undefined {
  const modified = record.stix['modified'];
  if (!isTimestamp(modified)) return undefined;
  return { key: versionKey(record.id, modified), id: record.id, modified, stix: record.stix, source: writerOf(record) ?? '', at: record.updatedAt, ...(record.reason ? { reason: record.reason } : {}) };
}

export interface NextVersion {
  object: JsonObject;
  changed: boolean;
  /** The stored version, when this write replaces it with another `modified`. */
  replaced?: VersionRecord;
}

/** What `sourceId` bringing `incoming` makes of the stored record (called by ingest). */
export function nextVersion(existing: StoredObject, incoming: JsonObject, sourceId: string): NextVersion {
  const merged = mergeAuthored(existing.stix, incoming, { storedByAnalyst: isAnalystSource(writerOf(existing)), incomingByAnalyst: isAnalystSource(sourceId) });
  if (!merged.changed) return { object: merged.object, changed: false };
  // Labels accumulating under the same `modified` are the same version, not a new one.
  const replaced = merged.object['modified'] !== existing.stix['modified'] ? asVersion(existing) : undefined;
  return { object: merged.object, changed: true, ...(replaced ? { replaced } : {}) };
}

/** The writer field of a record that `sourceId` has just written a version of. */
export function writtenBy(sources: readonly string[], sourceId: string): Pick<StoredObject, 'by'> {
  return sources[0] === sourceId ? {} : { by: sourceId };
}

/** Keeps replaced versions; the caller's transaction must include `db.versions`. */
export async function keepVersions(db: Pick<KbDatabase, 'versions'>, rows: readonly VersionRecord[]): Promise<void> {
  if (rows.length > 0) await db.versions.bulkPut([...rows]);
}

/**
 * Magpie's backup archive (issue 14): one zip of JSON-lines files, readable by the KB worker
 * and by the CLI alike. Every entry is listed in `manifest.json`, written last, with its
 * record count (lines), its size and the SHA-256 of its uncompressed bytes, so a reader
 * can prove the whole archive before anything is changed.
 *
 *   objects.jsonl        the stored objects: the STIX object, its provenance (sources,
 *                        firstSeen, updatedAt) and the index fields, one record a line
 *   versions.jsonl       every replaced version of an object (schema v7 history)
 *   sources.jsonl        imports, connector runs and the analyst's edits
 *   quarantine.jsonl     rejected objects with their reasons
 *   investigations.jsonl saved investigations
 *   state.jsonl          the KB's small key/value state (extraction lists, feed positions)
 *   trash.jsonl          deleted objects kept for restore, one trash entry a line (schema
 *                        v10: the objects, their relationships, sightings and versions)
 *   files.jsonl          the kept original files' metadata; their bytes in files/<sha256>
 *   connectors.json      main's connector settings, enabled flags and schedules (never a
 *                        secret, never a cursor)
 *   manifest.json        format, formatVersion, schemaVersion, appVersion, createdAt, entries
 *
 * Readers take the entries the manifest lists, so a new entry (as versions.jsonl was)
 * needs a new formatVersion only when old readers must refuse it; an archive from before
 * an entry existed simply restores that table empty.
 */
import { z } from 'zod';
import { CodedError } from '../errors.ts';

export const BACKUP_FORMAT = 'magpie-backup';
/** Raised when an archive changes so that an older Magpie would misread it. */
export const BACKUP_FORMAT_VERSION = 1;
/**
 * The knowledge base's newest Dexie schema version, which records in an archive follow.
 * renderer/src/kb/backup tests that it equals the migrations' latest, so a new schema
 * version cannot be added without this line.
 */
export const NEWEST_SCHEMA_VERSION = 11;

export const MANIFEST_PATH = 'manifest.json';
export const FILES_FOLDER = 'files/';

export const ManifestEntry = z
  .object({
    path: z.string().min(1).max(200),
    /** Lines of a .jsonl entry (one record each); null for other entries. */
    records: z.number().int().nonnegative().nullable(),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** Read loosely on purpose: a newer manifest may carry fields this version does not know. */
export const Manifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  appVersion: z.string(),
  createdAt: z.string(),
  entries: z.array(ManifestEntry),
});
export type Manifest = z.infer<typeof Manifest>;

export type BackupErrorCode = 'not-a-backup' | 'incomplete' | 'damaged' | 'newer' | 'write-failed';

/** A refused archive; the message names the first problem and what to do. */
export class BackupError extends CodedError<BackupErrorCode> {
  constructor(code: BackupErrorCode, message: string) {
    super('BackupError', code, message);
  }
}

/** The count shown for a table: the records of its .jsonl entry. */
export function recordCount(manifest: Manifest, path: string): number {
  return manifest.entries.find((entry) => entry.path === path)?.records ?? 0;
}

/**
 * What a restore accepts as a record of each table. An archive that passed its hashes was
 * written by Magpie, but one made by hand could carry anything: each record is checked
 * before it is written, and one bad record aborts the whole restore (nothing changes).
 */
import { z } from 'zod';
import { parseInvestigation } from '../../../../core/investigation/schema.ts';
import { BackupError } from '../../../../core/backup/format.ts';

const text = z.string();
const texts = z.array(z.string());

const StoredObjectRecord = z.looseObject({
  id: text,
  type: text,
  stix: z.record(z.string(), z.unknown()),
  name: text.optional(),
  modified: text,
  labels: texts,
  refs: texts,
  terms: texts,
  sources: texts,
  firstSeen: text,
  updatedAt: text,
}).refine((record) => record.stix['id'] === record.id && record.stix['type'] === record.type, 'its id and type differ from its STIX object');

const VersionRecord = z.looseObject({ key: text, id: text, modified: text, stix: z.record(z.string(), z.unknown()), source: text, at: text }).refine((record) => record.key === `${record.id}|${record.modified}`, 'its key is not <id>|<modified>');

const Counts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number() });
const SourceRecord = z.looseObject({ id: text, kind: z.enum(['file', 'connector', 'manual']), name: text, firstImportedAt: text, lastImportedAt: text, status: z.enum(['running', 'committed', 'failed']), committedObjects: z.number(), counts: Counts });
const QuarantineRecord = z.looseObject({ key: text, sourceId: text, objectId: text, path: text, reasons: z.array(z.looseObject({ path: text, rule: text, message: text })), at: text });
const StateRecord = z.object({ key: text, value: z.unknown() });
const TrashContainer = z.looseObject({ id: text, type: text, name: text, refs: texts });
const TrashRecord = z
  .looseObject({ id: text, deletedAt: text, by: text, why: text, roots: texts, ids: texts, objects: z.array(StoredObjectRecord), versions: z.array(VersionRecord), containers: z.array(TrashContainer) })
  .refine((entry) => entry.objects.every((record) => entry.ids.includes(record.id)), 'it holds an object its ids do not name');
export const FileMetadata = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: text, size: z.number().int().nonnegative(), mediaType: text, addedAt: text });
export type FileMetadata = z.infer<typeof FileMetadata>;

/** The table each .jsonl entry restores, with its record check. */
export const tableEntries = {
  'objects.jsonl': { table: 'objects', parse: (value: unknown) => StoredObjectRecord.parse(value) },
  'versions.jsonl': { table: 'versions', parse: (value: unknown) => VersionRecord.parse(value) },
  'sources.jsonl': { table: 'sources', parse: (value: unknown) => SourceRecord.parse(value) },
  'quarantine.jsonl': { table: 'quarantine', parse: (value: unknown) => QuarantineRecord.parse(value) },
  'investigations.jsonl': { table: 'investigations', parse: (value: unknown) => parseInvestigation(value) },
  'state.jsonl': { table: 'state', parse: (value: unknown) => StateRecord.parse(value) },
  // Schema v10 (issue 21, point 5): an archive from before it restores an empty trash.
  'trash.jsonl': { table: 'trash', parse: (value: unknown) => TrashRecord.parse(value) },
  'files.jsonl': { table: null, parse: (value: unknown) => FileMetadata.parse(value) },
} as const;

export type TableEntry = keyof typeof tableEntries;

export function isTableEntry(path: string): path is TableEntry {
  return Object.hasOwn(tableEntries, path);
}

/** Each record checked; the first bad one names its entry and line. */
export function parseRecords<T>(path: string, records: readonly unknown[], parse: (value: unknown) => T, firstLine: number): T[] {
  return records.map((record, index) => {
    try {
      return parse(record);
    } catch (error) {
      const reason = error instanceof z.ZodError ? (error.issues[0]?.message ?? 'unreadable') : error instanceof Error ? error.message : String(error);
      throw new BackupError('damaged', `${path}, record ${firstLine + index + 1}, is not one Magpie wrote (${reason}); nothing was restored.`);
    }
  });
}

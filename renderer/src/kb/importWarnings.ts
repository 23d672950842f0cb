/**
 * The warnings of an import, kept so the analyst can open them (issue 15, point 7: "807
 * warnings" that cannot be opened explain nothing). A warning breaks a SHOULD of STIX 2.1
 * or records a repair; the object was stored. Each keeps the object's id, type and name as
 * read, so it reads by name even after the object is gone, and the rule's code, which the
 * UI translates. The first WARNINGS_KEPT of the latest run of a source are kept in the
 * `state` table (no schema change); the source records how many there were in all.
 */
import { displayName } from '../../../core/knowledge/objectFacts.ts';
import type { IssueRule } from '../../../core/stix/issues.ts';
import { isObject } from '../../../core/stix/model/properties.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import type { IngestItem } from './ingest.ts';

export interface ImportWarning {
  objectId: string;
  type: string;
  name: string;
  /** JSON pointer of the object in what was imported, and of the value inside it. */
  objectPath: string;
  path: string;
  rule: IssueRule;
  /** The validator's English sentence: shown as detail under the translated rule. */
  message: string;
}

export const WARNINGS_KEPT = 2000;

const stateKey = (sourceId: string) => `import-warnings:${sourceId}`;

/** The warnings of one item, with what names the object. */
export function warningsOf(item: IngestItem): ImportWarning[] {
  const warnings = item.issues.filter((issue) => issue.severity === 'warning');
  if (warnings.length === 0) return [];
  const object = isObject(item.object) ? item.object : {};
  const objectId = typeof object['id'] === 'string' ? object['id'] : '';
  const type = typeof object['type'] === 'string' ? object['type'] : '';
  const name = isObject(item.object) ? displayName(object) : '';
  return warnings.map((issue) => ({ objectId, type, name: name === objectId ? '' : name, objectPath: item.path, path: issue.path, rule: issue.rule, message: issue.message }));
}

/** Records this run's warnings: the first ones in `state`, the count on the source. */
export async function keepImportWarnings(db: KbDatabase, sourceId: string, total: number, kept: readonly ImportWarning[]): Promise<void> {
  await db.transaction('rw', [db.state, db.sources], async () => {
    if (kept.length > 0) await db.state.put({ key: stateKey(sourceId), value: { total, rows: kept } });
    else await db.state.delete(stateKey(sourceId));
    await db.sources.update(sourceId, { warnings: total });
  });
}

export interface WarningPage {
  rows: ImportWarning[];
  /** How many the import had; `kept` of them can be listed. */
  total: number;
  kept: number;
}

export async function listImportWarnings(db: KbDatabase, request: { sourceId: string; offset?: number; limit?: number }): Promise<WarningPage> {
  const row = await db.state.get(stateKey(request.sourceId));
  const value = row?.value as { total?: unknown; rows?: unknown } | undefined;
  const rows = Array.isArray(value?.rows) ? (value.rows as ImportWarning[]) : [];
  const offset = Math.max(0, request.offset ?? 0);
  const limit = Math.min(Math.max(1, request.limit ?? 100), 500);
  return { rows: rows.slice(offset, offset + limit), total: typeof value?.total === 'number' ? value.total : rows.length, kept: rows.length };
}

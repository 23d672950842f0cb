/**
 * Commit of a reviewed extraction (issue 9): the report, the observables, indicators and
 * `based-on` relationships for the ticked values, links to the vulnerabilities and ATT&CK
 * objects the knowledge base already holds, the TLP marking, the author, and the original
 * file with its hash — all in one transaction, so a failure leaves nothing behind.
 */
import type { ExtractedIndicator } from '../../../core/extract/types.ts';
import { authorIdentity, reportFor, toStixObjects, type ExtractionStix } from '../../../core/extractToStix/index.ts';
import { formatTimestamp, hasErrors, TLP_2, validateObject, type TlpLevel } from '../../../core/stix/index.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { attackIdsOf, placeholderAttackId } from '../../../core/attack/placeholders.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import { KbError } from './errors.ts';
import { currentDecaySettings } from './lifecycle/decaySettings.ts';
import { sha256Hex } from './importFile.ts';
import { ingest, type IngestItem } from './ingest.ts';

export interface CommitExtractionRequest {
  file: Blob;
  fileName: string;
  mediaType: string;
  report: {
    name: string;
    /** yyyy-mm-dd. */
    published: string;
    author: string;
    lang?: string;
  };
  tlp: TlpLevel;
  indicators: ExtractedIndicator[];
  /** Issue 16: known groups, software, campaigns… the document names, ticked in the review; they join the report's object_refs. */
  entityIds?: string[];
}

export interface CommitExtractionResult {
  reportId: string;
  sourceId: string;
  counts: ExtractionStix['counts'];
  skipped: ExtractionStix['skipped'];
  /** ATT&CK ids written as placeholders, since ATT&CK is not in the store yet (the summary lists them). */
  placeholders: ExtractionStix['placeholders'];
  /** Known threats and entities ticked in the review that joined the report (still in the store, not already among its refs). */
  entities: number;
}

/** The ATT&CK object named by an id such as T1059.001 or G0016, when the store holds it. */
async function findAttackObject(db: KbDatabase, attackId: string): Promise<string | undefined> {
  const candidates = await db.objects.where('terms').equals(attackId.toLowerCase()).toArray();
  const matches = candidates.filter(({ stix }) => attackIdsOf(stix).includes(attackId));
  // The real object first; a revoked or deprecated copy, or a placeholder, only when nothing better names the id.
  const real = matches.filter(({ stix }) => placeholderAttackId(stix) === undefined);
  const current = real.find(({ stix }) => stix['revoked'] !== true && stix['x_mitre_deprecated'] !== true);
  return (current ?? real[0] ?? matches[0])?.id;
}

async function findVulnerability(db: KbDatabase, cve: string): Promise<string | undefined> {
  const record = await db.objects.where('[type+name]').equals(['vulnerability', cve.toLowerCase()]).first();
  return record?.id;
}

/** What the store already holds for the CVE and ATT&CK ids being committed. */
async function existingObjects(db: KbDatabase, indicators: readonly ExtractedIndicator[]): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  for (const indicator of indicators) {
    const key = indicator.value.toUpperCase();
    if (indicator.type === 'vulnerability') {
      const id = await findVulnerability(db, key);
      if (id) existing.set(key, id);
    } else if (indicator.type === 'attack-pattern') {
      const id = await findAttackObject(db, key);
      if (id) existing.set(key, id);
    }
  }
  return existing;
}

function publishedTimestamp(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new KbError('invalid-argument', `"${date}" is not a date; give the report's publication date as year-month-day.`);
  }
  return `${date}T00:00:00.000Z`;
}

export async function commitExtraction(db: KbDatabase, request: CommitExtractionRequest): Promise<CommitExtractionResult> {
  const name = request.report.name.trim();
  if (name === '') throw new KbError('invalid-argument', 'Give the report a name before saving it.');
  // Only objects still in the store are referred to (one may have been deleted since the review opened).
  const entityIds = (await db.objects.bulkGet([...new Set(request.entityIds ?? [])])).flatMap((record) => (record ? [record.id] : []));
  if (request.indicators.length === 0 && entityIds.length === 0) throw new KbError('invalid-argument', 'Tick at least one indicator or known threat to save a report: a STIX report must refer to something.');
  const published = publishedTimestamp(request.report.published);
  const sha256 = await sha256Hex(request.file);
  const now = formatTimestamp(new Date());
  const marking = TLP_2[request.tlp];
  const author = request.report.author.trim() === '' ? undefined : authorIdentity(request.report.author.trim(), now);
  const options = { now, markingRefs: [marking.id], ...(author ? { createdByRef: String(author['id']) } : {}) };

  const existing = await existingObjects(db, request.indicators);
  const extraction = toStixObjects(request.indicators, { ...options, existing, decay: await currentDecaySettings(db) });
  if (extraction.refs.length === 0 && entityIds.length === 0) throw new KbError('invalid-argument', `None of the ticked values can be saved: ${extraction.skipped.map((entry) => entry.reason).join(' ')}`);
  const addedEntities = entityIds.filter((id) => !extraction.refs.includes(id));
  const report = reportFor(
    {
      name,
      published,
      description: `Indicators extracted by Magpie from ${request.fileName}.`,
      ...(request.report.lang ? { lang: request.report.lang } : {}),
      file: { name: request.fileName, sha256 },
    },
    [...extraction.refs, ...addedEntities],
    options,
  );
  const objects: JsonObject[] = [marking, ...(author ? [author] : []), ...extraction.objects, report];
  const items: IngestItem[] = objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) }));
  const invalid = items.find((item) => hasErrors(item.issues));
  if (invalid) {
    // Magpie wrote these objects itself; one failing validation is a bug, and nothing is saved.
    throw new KbError('invalid-argument', `Nothing was saved: Magpie built an invalid object (${invalid.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}). Please report this.`);
  }

  const source = { id: `file:${sha256}`, kind: 'file' as const, name: request.fileName, sha256 };
  // One batch, one transaction: the objects, the source's counts and the original file.
  const result = await ingest(db, items, source, {
    batchSize: items.length,
    now: () => now,
    alsoWrite: () => db.files.put({ sha256, name: request.fileName, size: request.file.size, mediaType: request.mediaType || 'application/octet-stream', blob: request.file, addedAt: now }),
  });
  return { reportId: String(report['id']), sourceId: result.sourceId, counts: extraction.counts, skipped: extraction.skipped, placeholders: extraction.placeholders, entities: addedEntities.length };
}

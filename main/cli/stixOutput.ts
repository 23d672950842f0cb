/**
 * `magpie extract --format stix`: one bundle for all files, with the same conversion the
 * review screen commits (core/extractToStix), plus a report per file keyed by the file's
 * SHA-256 so importing the bundle twice merges.
 */
import { authorIdentity, reportFor, toStixObjects } from '../../core/extractToStix/index.ts';
import { bundleToString, formatTimestamp, type JsonObject } from '../../core/stix/index.ts';
import type { DocumentText } from '../../core/documents/types.ts';
import type { FileResult } from './formats.ts';

export interface StixFileResult extends FileResult {
  /** SHA-256 of the file's bytes (hex), or undefined for stdin. */
  sha256?: string;
  /** The document's pages, until the extraction has run. */
  pages?: DocumentText['pages'];
  /** A MISP event's objects as core/misp converted them: written as they are, with their own reports. */
  objects?: JsonObject[];
  /** What reading the file left out (a MISP event's unmapped parts). */
  notes?: string[];
}

/**
 * `entityObjects`: with --entities, the bundle's named objects; those a file names (ticked
 * by the default rule, as the app's review would) join its report's object_refs and the bundle.
 */
export async function stixOutput(results: readonly StixFileResult[], now: Date, entityObjects?: ReadonlyMap<string, JsonObject>): Promise<{ text: string; skipped: string[] }> {
  const timestamp = formatTimestamp(now);
  const objects = new Map<string, JsonObject>();
  const skipped: string[] = [];
  for (const result of results) {
    if (result.objects !== undefined) {
      for (const object of result.objects) if (!objects.has(String(object['id']))) objects.set(String(object['id']), object);
      continue;
    }
    const author = result.metadata.author;
    const identity = author ? authorIdentity(author, timestamp) : undefined;
    const options = { now: timestamp, ...(identity ? { createdByRef: String(identity['id']) } : {}) };
    const converted = toStixObjects(result.indicators, options);
    skipped.push(...converted.skipped.map((entry) => `${result.file}: ${entry.reason}`));
    const named = (result.entities ?? []).filter((entity) => entity.ticked).flatMap((entity) => {
      const object = entityObjects?.get(entity.id);
      return object ? [object] : [];
    });
    const report = reportFor(
      {
        name: result.metadata.title ?? result.file,
        published: result.metadata.date ? formatTimestamp(new Date(result.metadata.date)) : timestamp,
        ...(author ? { author } : {}),
        ...(result.sha256 ? { file: { name: result.file, sha256: result.sha256 } } : {}),
      },
      [...converted.refs, ...named.map((object) => String(object['id']))],
      options,
    );
    for (const object of [...(identity ? [identity] : []), ...converted.objects, ...named, report]) {
      const id = String(object['id']);
      if (!objects.has(id)) objects.set(id, object);
    }
  }
  return { text: `${await bundleToString(objects.values())}\n`, skipped };
}

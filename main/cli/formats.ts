/** The outputs of `magpie extract`: JSON, CSV and plain text (STIX is in stixOutput.ts). */
import type { DocumentFormat, DocumentMetadata } from '../../core/documents/types.ts';
import type { ExtractedIndicator } from '../../core/extract/types.ts';
import type { EntityItem } from './entities.ts';

/** `--format`'s values; read by run.ts before the engine is loaded. */
export const OUTPUT_FORMATS = ['json', 'stix', 'csv', 'txt'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FileResult {
  file: string;
  /** 'misp': a MISP event, converted rather than read as a document (extractMisp.ts). */
  format: DocumentFormat | 'misp';
  metadata: DocumentMetadata;
  indicators: ExtractedIndicator[];
  /** With --entities: the known objects named in the file. */
  entities?: EntityItem[];
}

export function jsonOutput(results: readonly FileResult[]): string {
  // A MISP event's STIX objects are --format stix's output; json lists its values like any file's.
  const rows = results.map((result) => ('objects' in result ? { ...result, objects: undefined } : result));
  const body = rows.length === 1 && rows[0] ? rows[0] : { results: rows };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvOutput(results: readonly FileResult[]): string {
  const withFile = results.length > 1;
  const rows: string[] = [['type', 'value', 'flags', 'page', 'context', ...(withFile ? ['file'] : [])].join(',')];
  for (const result of results) {
    for (const indicator of result.indicators) {
      const flags = indicator.flags.map((flag) => flag.code).join(' ');
      const occurrences = indicator.occurrences.length > 0 ? indicator.occurrences : [undefined];
      for (const occurrence of occurrences) {
        const fields = [indicator.type, indicator.value, flags, occurrence?.page ?? '', occurrence?.context ?? '', ...(withFile ? [result.file] : [])];
        rows.push(fields.map(csvField).join(','));
      }
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function txtOutput(results: readonly FileResult[]): string {
  const values = new Set(results.flatMap((result) => result.indicators.map((indicator) => indicator.value)));
  return values.size === 0 ? '' : `${[...values].join('\n')}\n`;
}

/** `magpie extract`: read each file, run the extraction engine, print in the chosen format. */
import { createHash } from 'node:crypto';
import { readDocument } from '../../core/documents/readDocument.ts';
import { DocumentError, defaultDocumentLimits } from '../../core/documents/types.ts';
import { readDocumentFile } from '../documents/readFile.ts';
import { readFile } from 'node:fs/promises';
import { csvOutput, jsonOutput, txtOutput } from './formats.ts';
import { stixOutput, type StixFileResult } from './stixOutput.ts';
import type { CliIo } from './io.ts';
import { entityItems, EntitiesFileError, loadEntityNames, type EntityNames } from './entities.ts';

export const OUTPUT_FORMATS = ['json', 'stix', 'csv', 'txt'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const noPdfFromStdin = (): Promise<never> => Promise.reject(new DocumentError('unsupported', 'stdin is read as plain text; pass a PDF as a file.'));

async function readInput(input: string, io: CliIo): Promise<{ document: Awaited<ReturnType<typeof readDocumentFile>>; sha256?: string }> {
  if (input === '-') {
    const bytes = await io.readStdin();
    return { document: await readDocument(bytes, 'stdin', { limits: defaultDocumentLimits, readPdf: noPdfFromStdin, format: 'text' }) };
  }
  const document = await readDocumentFile(input);
  // Hashed after a successful read, so an oversized file is never loaded twice.
  const sha256 = createHash('sha256').update(await readFile(input)).digest('hex');
  return { document, sha256 };
}

function describe(error: unknown): string {
  if (error instanceof DocumentError) return error.message;
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Returns the exit code: 0, or 1 when any input could not be read (the others are still printed). */
export async function runExtract(inputs: readonly string[], format: OutputFormat, io: CliIo, now: () => Date = () => new Date(), entitiesPath?: string): Promise<number> {
  // Loaded on use: `validate` and `--help` do not pay for the engine and its lists.
  const { extractIndicators } = await import('../../core/extract/index.ts');
  let names: EntityNames | undefined;
  if (entitiesPath !== undefined) {
    try {
      names = await loadEntityNames(entitiesPath);
    } catch (error: unknown) {
      if (!(error instanceof EntitiesFileError)) throw error;
      io.stderr(`magpie: ${error.message}\n`);
      return 1;
    }
  }
  const results: StixFileResult[] = [];
  let failed = false;
  for (const input of inputs) {
    const label = input === '-' ? 'stdin' : input;
    try {
      const { document, sha256 } = await readInput(input, io);
      const extraction = extractIndicators(document.pages, { publisherDomains: document.metadata.publisherDomains ?? [] });
      const entities = names ? entityItems(document.pages, names) : undefined;
      results.push({ file: label, format: document.format, metadata: document.metadata, indicators: extraction.indicators, ...(entities ? { entities } : {}), ...(sha256 ? { sha256 } : {}) });
    } catch (error: unknown) {
      failed = true;
      io.stderr(`magpie: ${label}: ${describe(error)}\n`);
    }
  }
  if (results.length > 0 || !failed) {
    if (format === 'json') io.stdout(jsonOutput(results));
    else if (format === 'csv') io.stdout(csvOutput(results));
    else if (format === 'txt') io.stdout(txtOutput(results));
    else {
      const { text, skipped } = await stixOutput(results, now(), names?.objects);
      io.stdout(text);
      for (const line of skipped) io.stderr(`magpie: note: ${line}\n`);
    }
  }
  return failed ? 1 : 0;
}

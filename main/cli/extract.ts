/** `magpie extract`: read each file, run the extraction engine, print in the chosen format. */
import { createHash } from 'node:crypto';
import { readDocument } from '../../core/documents/readDocument.ts';
import { DocumentError, defaultDocumentLimits } from '../../core/documents/types.ts';
import pLimit from 'p-limit';
import { pdfReadThreads, readDocumentFile } from '../documents/readFile.ts';
import { readFile, stat } from 'node:fs/promises';
import { detectFormat, SNIFF_BYTES } from '../../core/documents/detectFormat.ts';
import { tooLarge } from '../../core/documents/pdf.ts';
import { MispError } from '../../core/misp/index.ts';
import { extractMisp } from './extractMisp.ts';
import { csvOutput, jsonOutput, txtOutput, type OutputFormat } from './formats.ts';
import { stixOutput, type StixFileResult } from './stixOutput.ts';
import type { CliIo } from './io.ts';
import type * as Entities from './entities.ts';

const noPdfFromStdin = (): Promise<never> => Promise.reject(new DocumentError('unsupported', 'stdin is read as plain text; pass a PDF as a file.'));

async function readInput(input: string, io: CliIo, now: Date): Promise<StixFileResult> {
  const label = input === '-' ? 'stdin' : input;
  if (input === '-') {
    const bytes = await io.readStdin();
    // A MISP event piped in (e.g. from MISP's REST API) is converted; anything else is read as text.
    if (detectFormat('stdin.json', bytes.subarray(0, SNIFF_BYTES)).kind === 'misp-event') return mispResult(label, bytes, now);
    const document = await readDocument(bytes, 'stdin', { limits: defaultDocumentLimits, readPdf: noPdfFromStdin, format: 'text' });
    return documentResult(label, document);
  }
  const { size } = await stat(input);
  if (size > defaultDocumentLimits.maxBytes) throw tooLarge(size, defaultDocumentLimits);
  const bytes = new Uint8Array(await readFile(input));
  if (detectFormat(input, bytes.subarray(0, SNIFF_BYTES)).kind === 'misp-event') return mispResult(label, bytes, now);
  const document = await readDocumentFile(input);
  return { ...documentResult(label, document), sha256: createHash('sha256').update(bytes).digest('hex') };
}

function documentResult(file: string, document: Awaited<ReturnType<typeof readDocumentFile>>): StixFileResult {
  return { file, format: document.format, metadata: document.metadata, indicators: [], pages: document.pages };
}

/** A MISP event in any of its four shapes, converted rather than mined (extractMisp.ts). */
function mispResult(file: string, bytes: Uint8Array, now: Date): StixFileResult {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error: unknown) {
    throw new DocumentError('unsupported', `the MISP event is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const { objects, indicators, warnings } = extractMisp(json, now);
  return { file, format: 'misp', metadata: {}, indicators, objects, notes: warnings };
}

function describe(error: unknown): string {
  if (error instanceof DocumentError || error instanceof MispError) return error.message;
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
  let names: Entities.EntityNames | undefined;
  let entityItems: typeof Entities.entityItems | undefined;
  if (entitiesPath !== undefined) {
    // Loaded on use too: the name matcher and its word lists only when --entities asks for them.
    const entities = await import('./entities.ts');
    entityItems = entities.entityItems;
    try {
      names = await entities.loadEntityNames(entitiesPath);
    } catch (error: unknown) {
      if (!(error instanceof entities.EntitiesFileError)) throw error;
      io.stderr(`magpie: ${error.message}\n`);
      return 1;
    }
  }
  // Files are read and mined side by side, as many at once as the PDF reader has threads
  // (each PDF is parsed on its own core), and reported in the order they were named.
  const limit = pLimit(pdfReadThreads);
  const extractOne = async (input: string): Promise<StixFileResult> => {
    const { pages, ...read } = await readInput(input, io, now());
    if (pages === undefined) return read;
    const extraction = extractIndicators(pages, { publisherDomains: read.metadata.publisherDomains ?? [] });
    const entities = names && entityItems ? entityItems(pages, names) : undefined;
    return { ...read, indicators: extraction.indicators, ...(entities ? { entities } : {}) };
  };
  // The largest files start first, so no thread is left reading a long report alone at the
  // end while the others sit idle; the results are still reported in the order named.
  const sizes = await Promise.all(inputs.map((input) => (input === '-' ? Promise.resolve(0) : stat(input).then((info) => info.size, () => 0))));
  const outcomes: Promise<{ result: StixFileResult } | { error: unknown }>[] = [];
  for (const index of Array.from(inputs.keys()).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b)) {
    const input = inputs[index] ?? '';
    outcomes[index] = limit(() => extractOne(input)).then((result) => ({ result }), (error: unknown) => ({ error }));
  }
  const results: StixFileResult[] = [];
  let failed = false;
  for (const [index, input] of inputs.entries()) {
    const label = input === '-' ? 'stdin' : input;
    const outcome = await outcomes[index];
    if (outcome === undefined) continue;
    if ('error' in outcome) {
      failed = true;
      io.stderr(`magpie: ${label}: ${describe(outcome.error)}\n`);
      continue;
    }
    const { notes, ...result } = outcome.result;
    for (const note of notes ?? []) io.stderr(`magpie: note: ${label}: ${note}\n`);
    results.push(result);
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

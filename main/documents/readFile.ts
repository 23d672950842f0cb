/** Reading a document from disk in Node, for the CLI and the benchmark. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readDocument } from '../../core/documents/readDocument.ts';
import { tooLarge } from '../../core/documents/pdf.ts';
import { defaultDocumentLimits, type DocumentLimits, type DocumentText, type PdfProgress } from '../../core/documents/types.ts';
import { createNodePdfReader } from './nodePdfReader.ts';

const readPdf = createNodePdfReader();

export async function readDocumentFile(
  path: string,
  options: { limits?: DocumentLimits; onProgress?: (progress: PdfProgress) => void } = {},
): Promise<DocumentText> {
  const limits = options.limits ?? defaultDocumentLimits;
  // Checked before reading, so a 10 GB file is refused without loading it.
  const { size } = await stat(path);
  if (size > limits.maxBytes) throw tooLarge(size, limits);
  const bytes = new Uint8Array(await readFile(path));
  return readDocument(bytes, basename(path), { limits, readPdf, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
}

/** How many files the CLI reads at once: one per thread of the PDF reader. */
export const pdfReadThreads = readPdf.threads;

/** Starts loading pdf.js in as many threads as `pdfFiles` will use, before the first is read. */
export function warmUpPdfReader(pdfFiles: number): void {
  readPdf.warmUp(pdfFiles);
}

/**
 * The one entry point of the document readers: bytes and a file name in, page texts and
 * metadata out, or a DocumentError saying what the analyst can do. PDFs go to the injected
 * reader (pdf.js in a worker the caller can kill); every other format is read here, in
 * whatever worker called this.
 */
import { csvToText } from './csv.ts';
import { detectFormat } from './detectFormat.ts';
import { emailToText } from './eml.ts';
import { htmlToText } from './html.ts';
import { tooLarge } from './pdf.ts';
import { decodeText } from './text.ts';
import { DocumentError, type DocumentFormat, type DocumentLimits, type DocumentMetadata, type DocumentText, type PdfProgress, type PdfReader } from './types.ts';

export interface ReadDocumentOptions {
  limits: DocumentLimits;
  readPdf: PdfReader;
  onProgress?: (progress: PdfProgress) => void;
  /** Skip detection (the CLI's stdin is text whatever it looks like). */
  format?: DocumentFormat;
}

function routedElsewhere(kind: 'stix-bundle' | 'misp-event'): DocumentError {
  const what = kind === 'stix-bundle' ? 'a STIX bundle' : 'a MISP event';
  return new DocumentError('unsupported', `This file is ${what}: import it as such (its objects are kept as they are), not as a document to extract from.`);
}

export async function readDocument(bytes: Uint8Array, name: string, options: ReadDocumentOptions): Promise<DocumentText> {
  const { limits } = options;
  if (bytes.byteLength > limits.maxBytes) throw tooLarge(bytes.byteLength, limits);
  let format = options.format;
  if (format === undefined) {
    const detected = detectFormat(name, bytes.subarray(0, 64 * 1024));
    if (detected.kind === 'unsupported') throw new DocumentError('unsupported', detected.reason);
    if (detected.kind !== 'document') throw routedElsewhere(detected.kind);
    format = detected.format;
  }
  const { text, pages, metadata } = await readFormat(format, bytes, options);
  const result: DocumentText = { format, pages: pages ?? [{ page: 1, text: text ?? '' }], metadata };
  if (result.pages.every((page) => page.text.trim() === '')) {
    throw new DocumentError(
      'empty',
      format === 'pdf'
        ? 'This PDF has no text layer (it is probably scanned images). Run it through OCR and import the result.'
        : 'This file has no text to extract indicators from.',
    );
  }
  return result;
}

async function readFormat(
  format: DocumentFormat,
  bytes: Uint8Array,
  options: ReadDocumentOptions,
): Promise<{ text?: string; pages?: DocumentText['pages']; metadata: DocumentMetadata }> {
  switch (format) {
    case 'pdf':
      return options.readPdf(bytes, options.limits, options.onProgress);
    case 'text':
    case 'markdown':
      return { text: normaliseNewlines(decodeText(bytes).text), metadata: {} };
    case 'csv':
      return { text: csvToText(decodeText(bytes).text), metadata: {} };
    case 'html':
      return htmlToText(decodeText(bytes).text);
    case 'eml':
      return emailToText(bytes);
  }
}

function normaliseNewlines(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

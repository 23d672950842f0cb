/**
 * What a document reader hands to the extraction engine: the text of each page with page
 * numbers kept, and the metadata that prefills the report. Readers run where untrusted
 * files may be parsed (renderer workers, the CLI's worker thread), never in Electron's main.
 */
import { CodedError } from '../errors.ts';
import type { TextPage } from '../extract/types.ts';

export type DocumentFormat = 'pdf' | 'text' | 'markdown' | 'html' | 'csv' | 'eml';

export interface DocumentMetadata {
  title?: string;
  author?: string;
  /** ISO 8601 date-time, when the document states one. */
  date?: string;
  /** The HTML page's canonical URL or an e-mail's sender domain, used to flag the publisher. */
  publisherDomains?: string[];
  /** An e-mail's attachments, by name: listed for the analyst, never read. */
  attachments?: string[];
}

export interface DocumentText {
  format: DocumentFormat;
  pages: TextPage[];
  metadata: DocumentMetadata;
}

export interface DocumentLimits {
  maxBytes: number;
  maxPages: number;
  /** Time allowed for one page's text before the whole read is abandoned. */
  msPerPage: number;
}

export const defaultDocumentLimits: DocumentLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxPages: 2000,
  msPerPage: 10_000,
};

/** Progress of a PDF read; other formats are read in one step. */
export interface PdfProgress {
  pagesDone: number;
  pagesTotal: number;
}

/**
 * Reads a PDF's text: the browser implementation runs pdf.js in the document worker, the
 * Node one in a worker thread. Injected into readDocument so core stays platform-free.
 */
export type PdfReader = (bytes: Uint8Array, limits: DocumentLimits, onProgress?: (progress: PdfProgress) => void) => Promise<{ pages: TextPage[]; metadata: DocumentMetadata }>;

export type DocumentErrorCode = 'too-large' | 'too-many-pages' | 'encrypted' | 'corrupt' | 'timeout' | 'unsupported' | 'empty';

/** A document that cannot be read; `message` says what the analyst can do about it. */
export class DocumentError extends CodedError<DocumentErrorCode> {
  constructor(code: DocumentErrorCode, message: string) {
    super('DocumentError', code, message);
  }
}

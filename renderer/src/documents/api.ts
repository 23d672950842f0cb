/** The document worker's API, served over the RPC of core/rpc. */
import type { DocumentFormat, DocumentLimits, DocumentMetadata, PdfProgress } from '../../../core/documents/types.ts';
import type { EntityMatch, KnownEntity } from '../../../core/extract/entityNames/types.ts';
import type { ExtractionResult, ExtractOptions, TextPage } from '../../../core/extract/types.ts';
import type { PastedValue } from '../../../core/lookup/pastedValues.ts';
import type { Warninglist } from '../../../core/warninglists/types.ts';
import type { PageWindow } from './pageWindow.ts';

export interface ReadRequest {
  /** Names the document in later calls (pageWindow, release); chosen by the client. */
  documentId: number;
  /** A File is cloned to the worker cheaply (by reference); the worker reads its bytes. */
  file: Blob;
  name: string;
  limits: DocumentLimits;
  /**
   * Extraction runs in the worker too, right after reading (issue 16: a 20 MB text froze
   * the window for seconds on the UI thread). The document's own publisher (metadata) is
   * added there.
   */
  extract: Omit<ExtractOptions, 'publisherDomains'>;
  /** The knowledge base's names and aliases, matched in the worker too (issue 16, point 2). */
  knownEntities: KnownEntity[];
}

/**
 * What the UI needs of a read document. The full text stays in the worker until released:
 * cloning a 20 MB text (or 500 pages) to the UI thread took a long task of its own
 * (issue 16, point 3); the context view asks for the window it shows.
 */
export interface DocumentSummary {
  format: DocumentFormat;
  metadata: DocumentMetadata;
  pageCount: number;
  /** The first pages, each cut to `FIRST_PAGE_CHARS`: enough for the default name, date and language. */
  firstPages: TextPage[];
}

export const FIRST_PAGE_CHARS = 20_000;

export interface ReadResult {
  document: DocumentSummary;
  extraction: ExtractionResult;
  entities: EntityMatch[];
}

export interface PageWindowRequest {
  documentId: number;
  page: number;
  offset: number;
  length: number;
}

/** Look up's pasted list (issue 21): the text, and the warninglists whose hits each value carries. */
export interface FindValuesRequest {
  text: string;
  warninglists: readonly Warninglist[];
}

export type DocumentApi = {
  read(request: ReadRequest, progress: (report: PdfProgress) => void): Promise<ReadResult>;
  /** Null when the worker no longer holds that document or the range is not in it. */
  pageWindow(request: PageWindowRequest): Promise<PageWindow | null>;
  release(request: { documentId: number }): Promise<void>;
  /** The values in a pasted list, found and refanged by the extraction engine (core/lookup pastedValues). */
  findValues(request: FindValuesRequest): Promise<PastedValue[]>;
};

export const documentMethods = ['read', 'pageWindow', 'release', 'findValues'] as const satisfies readonly (keyof DocumentApi)[];

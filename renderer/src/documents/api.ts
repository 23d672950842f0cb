/** The document worker's API, served over the RPC of core/rpc. */
import type { DocumentLimits, DocumentText, PdfProgress } from '../../../core/documents/types.ts';
import type { EntityMatch, KnownEntity } from '../../../core/extract/entityNames/types.ts';
import type { ExtractionResult, ExtractOptions } from '../../../core/extract/types.ts';

export interface ReadRequest {
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

export interface ReadResult {
  document: DocumentText;
  extraction: ExtractionResult;
  entities: EntityMatch[];
}

export type DocumentApi = {
  read(request: ReadRequest, progress: (report: PdfProgress) => void): Promise<ReadResult>;
};

export const documentMethods = ['read'] as const satisfies readonly (keyof DocumentApi)[];

/** The document worker's API, served over the RPC of core/rpc. */
import type { DocumentLimits, DocumentText, PdfProgress } from '../../../core/documents/types.ts';

export interface ReadRequest {
  /** A File is cloned to the worker cheaply (by reference); the worker reads its bytes. */
  file: Blob;
  name: string;
  limits: DocumentLimits;
}

export type DocumentApi = {
  read(request: ReadRequest, progress: (report: PdfProgress) => void): Promise<DocumentText>;
};

export const documentMethods = ['read'] as const satisfies readonly (keyof DocumentApi)[];

/** Messages between the Node PDF reader and its worker thread; `id` pairs a reply with its read. */
import type { DocumentErrorCode, DocumentLimits, DocumentMetadata, PdfProgress } from '../../core/documents/types.ts';
import type { TextPage } from '../../core/extract/types.ts';

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  limits: DocumentLimits;
}

export type WorkerReply = { id: number } & (
  | ({ type: 'progress' } & PdfProgress)
  | { type: 'result'; pages: TextPage[]; metadata: DocumentMetadata }
  | { type: 'error'; code: DocumentErrorCode; message: string }
);

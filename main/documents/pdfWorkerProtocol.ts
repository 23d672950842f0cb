/** Messages between the Node PDF reader and its worker thread; `id` pairs a reply with its read. */
import type { DocumentErrorCode, DocumentLimits, DocumentMetadata, PdfProgress } from '../../core/documents/types.ts';
import type { TextPage } from '../../core/extract/types.ts';

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  limits: DocumentLimits;
}

/** `heapMb`: the thread's heap in use once the read is over, so the reader can replace a thread that grows. */
export type WorkerReply = { id: number } & (
  | ({ type: 'progress' } & PdfProgress)
  | { type: 'result'; pages: TextPage[]; metadata: DocumentMetadata; heapMb: number }
  | { type: 'error'; code: DocumentErrorCode; message: string; heapMb: number }
);

/**
 * The UI's one call for reading a dropped document and mining it for indicators:
 * `readDocumentFile(file, onProgress, { extract })`,
 * progress as (pages read, pages in all) for PDFs; other formats are read in one step.
 * One worker stays warm between files (pdf.js, its fonts and CMaps load once, issue 16)
 * and reads them one at a time; a watchdog ends it when no page has been read for
 * `msPerPage` (a PDF built to stall pdf.js), the call then rejects with
 * DocumentError('timeout'), and the next file starts a fresh worker. After 25 files the
 * worker is replaced, once it holds no document under review.
 *
 * The worker keeps each document's text until `releaseDocument` (issue 16, point 3: the UI
 * thread never receives a whole document); `documentPageWindow` asks it for the text
 * around one occurrence. If the worker was ended meanwhile, the text is gone and the
 * window is null.
 */
import { DocumentError, defaultDocumentLimits, type DocumentErrorCode, type DocumentLimits } from '../../../core/documents/types.ts';
import { createRpcClient, RpcError } from '../../../core/rpc/rpc.ts';
import type { PastedValue } from '../../../core/lookup/pastedValues.ts';
import { documentMethods, type DocumentApi, type FindValuesRequest, type PageWindowRequest, type ReadRequest, type ReadResult } from './api.ts';
import type { PageWindow } from './pageWindow.ts';

export { detectFormat, SNIFF_BYTES, type DetectedFormat } from '../../../core/documents/detectFormat.ts';
export { DocumentError, type DocumentErrorCode, type PdfProgress } from '../../../core/documents/types.ts';
export type { DocumentSummary, ReadResult } from './api.ts';
export type { PageWindow } from './pageWindow.ts';

const CODES: ReadonlySet<string> = new Set<DocumentErrorCode>(['too-large', 'too-many-pages', 'encrypted', 'corrupt', 'timeout', 'unsupported', 'empty']);

/** Errors cross the worker boundary as RpcErrors; the UI gets DocumentErrors back. */
function asDocumentError(error: unknown): DocumentError {
  if (error instanceof DocumentError) return error;
  if (error instanceof RpcError && CODES.has(error.code)) return new DocumentError(error.code as DocumentErrorCode, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new DocumentError('corrupt', `The document could not be read: ${message}`);
}

export interface ReadDocumentFileOptions {
  limits?: DocumentLimits;
  /** The analyst's lists and other extraction options; extraction runs in the worker. */
  extract?: ReadRequest['extract'];
  /** Known threats and entities to find by name, in the worker too. */
  knownEntities?: ReadRequest['knownEntities'];
}

interface WarmReader {
  worker: Worker;
  port: MessagePort;
  api: ReturnType<typeof createRpcClient<DocumentApi>>['api'];
  reads: number;
  /** The documents this worker holds for review, by id. */
  held: Set<number>;
  /** Set while a read is under way: how to fail it if the worker dies. */
  onCrash?: () => void;
}

/** Files one worker reads before it is replaced, so what one document left behind cannot pile up. */
const RECYCLE_AFTER = 25;
let warm: WarmReader | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextDocumentId = 1;

function startWorker(): WarmReader {
  // Written inline so Vite bundles the worker as its own file (same origin, allowed by the CSP).
  const worker = new Worker(new URL('./documentWorker.ts', import.meta.url), { type: 'module', name: 'document-reader' });
  const channel = new MessageChannel();
  worker.postMessage({ documents: 'connect' }, [channel.port2]);
  channel.port1.start();
  const state: WarmReader = { worker, port: channel.port1, api: createRpcClient<DocumentApi>(channel.port1, documentMethods).api, reads: 0, held: new Set() };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    stopWorker(state);
    state.onCrash?.();
  });
  return state;
}

function stopWorker(state: WarmReader): void {
  if (warm === state) warm = undefined;
  state.worker.terminate();
  state.port.close();
}

/** A document read and held by the worker: `documentId` names it in the calls below. */
export interface HeldDocument extends ReadResult {
  documentId: number;
}

export function readDocumentFile(file: File, onProgress?: (pagesDone: number, pagesTotal: number) => void, options: ReadDocumentFileOptions = {}): Promise<HeldDocument> {
  const limits = options.limits ?? defaultDocumentLimits;
  if (file.size > limits.maxBytes) {
    const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    return Promise.reject(new DocumentError('too-large', `This file is ${mb(file.size)}; Magpie reads files up to ${mb(limits.maxBytes)}.`));
  }
  const result = queue.then(() => readWithWarmWorker(file, limits, { extract: options.extract ?? {}, knownEntities: options.knownEntities ?? [] }, onProgress));
  queue = result.catch(() => undefined);
  return result;
}

/**
 * The values in a pasted list, found by the extraction engine in the document worker (the
 * engine's home, off the UI thread), after any document being read.
 */
export function findPastedValues(request: FindValuesRequest): Promise<PastedValue[]> {
  const result = queue.then(
    () =>
      new Promise<PastedValue[]>((resolve, reject) => {
        const state = warm ?? startWorker();
        warm = state;
        state.onCrash = () => reject(new Error('The extraction engine stopped unexpectedly while finding the values. Try again, or look up a shorter list.'));
        state.api.findValues(request).then(resolve, reject).finally(() => (state.onCrash = undefined));
      }),
  );
  queue = result.catch(() => undefined);
  return result;
}

/** The text around one occurrence, from the worker that holds the document; null once it is gone. */
export async function documentPageWindow(request: PageWindowRequest): Promise<PageWindow | null> {
  const state = warm;
  if (!state?.held.has(request.documentId)) return null;
  return state.api.pageWindow(request);
}

/** The review of a document is over: its worker may let go of the text. */
export function releaseDocument(documentId: number): void {
  const state = warm;
  if (!state?.held.delete(documentId)) return;
  if (state.reads >= RECYCLE_AFTER && state.held.size === 0) stopWorker(state);
  else void state.api.release({ documentId }).catch(() => undefined);
}

function readWithWarmWorker(file: File, limits: DocumentLimits, mining: Pick<ReadRequest, 'extract' | 'knownEntities'>, onProgress?: (pagesDone: number, pagesTotal: number) => void): Promise<HeldDocument> {
  const state = warm ?? startWorker();
  warm = state;
  const documentId = nextDocumentId++;
  return new Promise<HeldDocument>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const finish = (outcome: () => void, keep: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      state.onCrash = undefined;
      state.reads += 1;
      if (!keep || (state.reads >= RECYCLE_AFTER && state.held.size === 0)) stopWorker(state);
      outcome();
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const seconds = Math.round(limits.msPerPage / 1000);
        finish(() => reject(new DocumentError('timeout', `Reading this document stalled for more than ${seconds} s, so it was stopped. The file may be damaged or built to stall readers.`)), false);
      }, limits.msPerPage);
    };
    state.onCrash = () => finish(() => reject(new DocumentError('corrupt', 'The document reader stopped unexpectedly while reading this file.')), false);
    arm();
    state.api
      .read(
        { documentId, file, name: file.name, limits, ...mining },
        {
          onProgress: (progress) => {
            arm();
            onProgress?.(progress.pagesDone, progress.pagesTotal);
          },
        },
      )
      .then(
        (result) => {
          state.held.add(documentId);
          finish(() => resolve({ ...result, documentId }), true);
        },
        (error: unknown) => finish(() => reject(asDocumentError(error)), true),
      );
  });
}

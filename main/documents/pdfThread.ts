/**
 * One warm PDF worker thread of the Node reader's pool (nodePdfReader.ts): pdf.js runs in a
 * worker thread with a memory cap, watched from here, and stays loaded between files, so
 * pdf.js, its fonts and CMaps load once per thread instead of once per file (issue 16: that
 * load was most of a small PDF's time). It reads one file at a time; the pool never hands
 * it a second before the first settles. The watchdog allows `msPerPage` for opening the
 * file and for each page after it; a thread that stays silent longer — a PDF built to make
 * pdf.js loop — is terminated, the read fails with `timeout`, and the next read starts a
 * fresh thread. A thread whose heap in use after a read has grown to `recycleAtHeapMb`
 * is replaced, so whatever documents left behind cannot pile up; so is one that has read
 * `recycleAfter` files, whatever its heap says. Starting a thread costs about 0.6 s of
 * pdf.js loading and compiling, so a long batch keeps its threads as long as they stay lean.
 */
import { Worker } from 'node:worker_threads';
import { DocumentError, type DocumentLimits, type PdfProgress, type PdfReader } from '../../core/documents/types.ts';
import type { WorkerReply, WorkerRequest } from './pdfWorkerProtocol.ts';

export interface PdfThreadOptions {
  /** Heap cap of the worker thread, in MB: a PDF that needs more fails as corrupt. */
  maxMemoryMb: number;
  /** Files read by one thread before it is replaced. */
  recycleAfter: number;
  /** Heap in use after a read, in MB, at which the thread is replaced. */
  recycleAtHeapMb: number;
}

export interface PdfThread {
  read: PdfReader;
  /** Whether a worker thread is started now (it is started on the first read, or by warmUp). */
  running(): boolean;
  /** Starts the thread now, so pdf.js loads while the caller does other work; idle, it does not keep the process alive. */
  warmUp(): void;
  /** Stops the thread, if started; a later read starts a fresh one. */
  close(): Promise<void>;
}

/**
 * From source (Node strips the types) the thread runs the `.ts` file beside this one; in
 * the built CLI, the `.mjs` file the build writes beside the bundle. Kept out of a literal
 * `new URL('…', import.meta.url)` so the bundler does not rewrite it into an asset.
 */
function workerUrl(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.mjs';
  const name = './pdfWorkerThread' + extension;
  return new URL(name, import.meta.url);
}

interface Warm {
  worker: Worker;
  reads: number;
  /** Why the thread ended, when it did on its own (out of memory, a crash). */
  onEnd?: (error: DocumentError) => void;
}

/** Ids are unique per process, so a reply can never be taken for another thread's read. */
let nextId = 1;

export function createPdfThread(options: PdfThreadOptions): PdfThread {
  let warm: Warm | undefined;

  function start(): Warm {
    const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb }, stdout: true, stderr: true });
    const state: Warm = { worker, reads: 0 };
    const ended = (error: DocumentError): void => {
      if (warm === state) warm = undefined;
      state.onEnd?.(error);
    };
    worker.on('error', (error: Error & { code?: string }) => {
      const message = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'Reading this PDF needed more memory than allowed; it may be damaged or built to exhaust readers.' : `The PDF reader failed: ${error.message}`;
      ended(new DocumentError('corrupt', message));
    });
    worker.on('exit', () => ended(new DocumentError('corrupt', 'The PDF reader stopped before it finished.')));
    worker.unref();
    return state;
  }

  function stop(state: Warm): void {
    if (warm === state) warm = undefined;
    state.onEnd = undefined;
    void state.worker.terminate();
  }

  const read: PdfReader = (bytes: Uint8Array, limits: DocumentLimits, onProgress?: (progress: PdfProgress) => void) => {
    const state = warm ?? start();
    warm = state;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: () => void, keep: boolean, heapMb = 0): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        state.worker.off('message', onMessage);
        state.onEnd = undefined;
        state.reads += 1;
        if (!keep || state.reads >= options.recycleAfter || heapMb >= options.recycleAtHeapMb) stop(state);
        else state.worker.unref();
        outcome();
      };
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          finish(() => reject(new DocumentError('timeout', `Reading this PDF stalled for more than ${Math.round(limits.msPerPage / 1000)} s on one page, so it was stopped. The file may be damaged or built to stall readers.`)), false);
        }, limits.msPerPage);
      };
      function onMessage(reply: WorkerReply): void {
        if (reply.id !== id) return;
        if (reply.type === 'progress') {
          arm();
          onProgress?.({ pagesDone: reply.pagesDone, pagesTotal: reply.pagesTotal });
        } else if (reply.type === 'result') finish(() => resolve({ pages: reply.pages, metadata: reply.metadata }), true, reply.heapMb);
        else finish(() => reject(new DocumentError(reply.code, reply.message)), true, reply.heapMb);
      }
      state.onEnd = (error) => finish(() => reject(error), false);
      state.worker.on('message', onMessage);
      // While a read is under way the thread keeps the process alive; idle, it does not.
      state.worker.ref();
      arm();
      // A copy, so the caller's buffer stays usable; the copy is moved, not cloned again.
      const copy = bytes.slice();
      state.worker.postMessage({ id, bytes: copy, limits } satisfies WorkerRequest, [copy.buffer]);
    });
  };

  return {
    read,
    running: () => warm !== undefined,
    warmUp(): void {
      warm ??= start();
    },
    async close(): Promise<void> {
      if (!warm) return;
      const { worker } = warm;
      warm.onEnd = undefined;
      warm = undefined;
      await worker.terminate();
    },
  };
}

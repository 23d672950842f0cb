/**
 * The PdfReader for Node (the CLI and the benchmark): each PDF is parsed in a fresh
 * worker thread with a memory cap, watched from here. The watchdog allows `msPerPage` for
 * opening the file and for each page after it; a thread that stays silent longer — a PDF
 * built to make pdf.js loop — is terminated and the read fails with `timeout`.
 */
import { Worker } from 'node:worker_threads';
import { DocumentError, type PdfReader } from '../../core/documents/types.ts';
import type { WorkerReply, WorkerRequest } from './pdfWorkerProtocol.ts';

export interface NodePdfReaderOptions {
  /** Heap cap of each worker thread, in MB: a PDF that needs more fails as corrupt. */
  maxMemoryMb?: number;
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

export function createNodePdfReader(options: NodePdfReaderOptions = {}): PdfReader {
  return (bytes, limits, onProgress) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl(), {
        resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 1024 },
        stdout: true,
        stderr: true,
      });
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        outcome();
      };
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          finish(() => reject(new DocumentError('timeout', `Reading this PDF stalled for more than ${Math.round(limits.msPerPage / 1000)} s on one page, so it was stopped. The file may be damaged or built to stall readers.`)));
        }, limits.msPerPage);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') {
          arm();
          onProgress?.({ pagesDone: reply.pagesDone, pagesTotal: reply.pagesTotal });
        } else if (reply.type === 'result') finish(() => resolve({ pages: reply.pages, metadata: reply.metadata }));
        else finish(() => reject(new DocumentError(reply.code, reply.message)));
      });
      worker.on('error', (error: Error & { code?: string }) => {
        const message = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'Reading this PDF needed more memory than allowed; it may be damaged or built to exhaust readers.' : `The PDF reader failed: ${error.message}`;
        finish(() => reject(new DocumentError('corrupt', message)));
      });
      worker.on('exit', () => finish(() => reject(new DocumentError('corrupt', 'The PDF reader stopped before it finished.'))));
      arm();
      // A copy, so the caller's buffer stays usable; the copy is moved, not cloned again.
      const copy = bytes.slice();
      worker.postMessage({ bytes: copy, limits } satisfies WorkerRequest, [copy.buffer]);
    });
}

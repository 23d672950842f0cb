/**
 * The CLI's PDF worker thread: pdf.js (legacy build, for Node) parses untrusted PDFs
 * here, one at a time, away from the CLI's own thread, so the parent can terminate it on a time limit and
 * cap its memory. pdf.js's own worker code is loaded into this thread ("fake worker")
 * rather than spawning yet another thread.
 */
// First: it must run before pdf.js's modules evaluate.
import './nodeCompat.ts';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
// The minified builds: the same code, parsed faster when each thread starts (issue 16).
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.min.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
import { pdfError, readPdfText, type PdfJsLike } from '../../core/documents/pdf.ts';
import type { DocumentLimits } from '../../core/documents/types.ts';
import type { WorkerReply, WorkerRequest } from './pdfWorkerProtocol.ts';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

// pdf.js inflates a large Flate stream through `DecompressionStream` when there is one. In
// Node that is a web stream over zlib on the libuv pool: a round trip of promises and a
// thread hop per stream, which cost this thread about a fifth of its reading time on the
// fixture reports (issue 16). Without it pdf.js inflates in its own code, synchronously,
// to the same bytes. Only this thread's global is removed.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

/** CMaps and standard fonts from the installed pdfjs-dist, as paths with a trailing slash. */
function assetDir(name: string): string {
  return fileURLToPath(new URL(`${name}/`, import.meta.resolve('pdfjs-dist/package.json')));
}

const heapMb = (): number => getHeapStatistics().used_heap_size / (1024 * 1024);

const port = parentPort;
if (!port) throw new Error('pdfWorkerThread runs as a worker thread only.');

// One read at a time, for as long as the parent keeps this thread: pdf.js and its fonts load
// once, not once per file (issue 16).
port.on('message', (request: WorkerRequest) => {
  const post = (reply: WorkerReply): void => port.postMessage(reply);
  const limits: DocumentLimits = request.limits;
  readPdfText(pdfjs as unknown as PdfJsLike, request.bytes, limits, {
    cMapUrl: assetDir('cmaps'),
    standardFontDataUrl: assetDir('standard_fonts'),
    onProgress: (progress) => post({ id: request.id, type: 'progress', ...progress }),
  }).then(
    (text) => post({ id: request.id, type: 'result', ...text, heapMb: heapMb() }),
    (error: unknown) => {
      const failure = pdfError(error);
      post({ id: request.id, type: 'error', code: failure.code, message: failure.message, heapMb: heapMb() });
    },
  );
});

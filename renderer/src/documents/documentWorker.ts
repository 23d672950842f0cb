/**
 * The document worker: reads untrusted documents (PDF, HTML, e-mail, CSV, text), one at a
 * time, and mines them for indicators, off the UI thread, in the sandboxed renderer. The client keeps it warm between
 * files and terminates it when a file stalls, which also ends pdf.js.
 *
 * pdf.js's parser runs in this same worker ("fake worker": its worker module is imported
 * here and registered as `globalThis.pdfjsWorker`), so there is no nested worker to load
 * under the CSP and one `terminate()` stops everything. CMaps and standard font data are
 * fetched from this origin (`/pdfjs/…`, copied there by the renderer build), allowed by
 * `connect-src 'self'`.
 */
import * as pdfjs from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { readPdfText } from '../../../core/documents/pdf.ts';
import { readDocument } from '../../../core/documents/readDocument.ts';
import { buildNameIndex, findEntityNames } from '../../../core/extract/entityNames/index.ts';
import { extractIndicators } from '../../../core/extract/index.ts';
import { pastedValues } from '../../../core/lookup/pastedValues.ts';
import { warninglistIndex } from '../../../core/warninglists/index.ts';
import type { PdfReader } from '../../../core/documents/types.ts';
import type { TextPage } from '../../../core/extract/types.ts';
import { serveRpc } from '../../../core/rpc/rpc.ts';
import { FIRST_PAGE_CHARS, type DocumentApi } from './api.ts';
import { pageWindow } from './pageWindow.ts';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

/** Same origin as the app, whatever serves it (app://magpie, the harness, the dev server). */
const cMapUrl = new URL('/pdfjs/cmaps/', self.location.href).href;
const standardFontDataUrl = new URL('/pdfjs/standard_fonts/', self.location.href).href;

const readPdf: PdfReader = (bytes, limits, onProgress) =>
  readPdfText(pdfjs, bytes, limits, {
    cMapUrl,
    standardFontDataUrl,
    // There is no `document` in a worker: pdf.js must fetch CMaps itself.
    useWorkerFetch: true,
    ...(onProgress ? { onProgress } : {}),
  });

/** The pages of the documents under review, until the UI releases them. */
const held = new Map<number, TextPage[]>();

const api: DocumentApi = {
  async read({ documentId, file, name, limits, extract, knownEntities }, progress) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const document = await readDocument(bytes, name, { limits, readPdf, onProgress: progress });
    const extraction = extractIndicators(document.pages, { ...extract, publisherDomains: document.metadata.publisherDomains ?? [] });
    const entities = knownEntities.length === 0 ? [] : findEntityNames(document.pages, buildNameIndex(knownEntities));
    held.set(documentId, document.pages);
    const firstPages = document.pages.slice(0, 3).map(({ page, text }) => ({ page, text: text.slice(0, FIRST_PAGE_CHARS) }));
    return { document: { format: document.format, metadata: document.metadata, pageCount: document.pages.length, firstPages }, extraction, entities };
  },
  pageWindow({ documentId, page, offset, length }) {
    const pages = held.get(documentId);
    return Promise.resolve(pages ? pageWindow(pages, page, offset, length) : null);
  },
  release({ documentId }) {
    held.delete(documentId);
    return Promise.resolve();
  },
  // Look up's list: 10,000 values took the engine seconds on the UI thread (issue 21, point 1).
  findValues({ text, warninglists }) {
    return Promise.resolve(pastedValues(text, warninglistIndex(warninglists)));
  },
};

// Served on a port of its own: importing pdf.js's worker module makes it listen and post on
// `self` (it thinks it is pdf.js's worker), so the RPC keeps out of its way.
self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const port = event.ports[0];
  if ((event.data as { documents?: unknown } | null)?.documents !== 'connect' || !port) return;
  serveRpc(port, api);
  port.start();
});

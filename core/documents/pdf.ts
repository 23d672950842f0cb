/**
 * Reading a PDF's text with pdf.js, the same way in the renderer's document worker and in
 * the CLI's worker thread: each passes in its own build of pdf.js (browser or legacy/Node)
 * and the URL of the bundled CMaps, and runs this inside the worker that a watchdog can
 * terminate. Nothing here can stop a pdf.js call that never returns; the watchdog outside
 * (it sees the progress reports) does.
 */
import { assemblePageText, type PdfTextItem, type PdfViewport } from './pdfLayout.ts';
import { parsePdfDate } from './pdfDate.ts';
import { DocumentError, type DocumentLimits, type DocumentMetadata, type PdfProgress } from './types.ts';
import type { TextPage } from '../extract/types.ts';

/** The parts of pdf.js this uses, typed structurally so core needs neither build. */
export interface PdfJsLike {
  getDocument(params: PdfLoadParams): { promise: Promise<PdfDocumentLike>; destroy(): Promise<void> };
}

interface PdfDocumentLike {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<PdfPageLike>;
  getMetadata(): Promise<{ info: object; metadata: { get(name: string): unknown } | null }>;
}

interface PdfPageLike {
  getViewport(params: { scale: number }): PdfViewport;
  getTextContent(): Promise<{ items: readonly unknown[] }>;
  cleanup(): unknown;
}

/**
 * What pdf.js is told. pdf.js 5 removed its `eval` font path and `isEvalSupported` with it,
 * so there is nothing left to switch off there; scripting is off unless a viewer enables it.
 */
export interface PdfLoadParams {
  data: Uint8Array;
  /** Where the packed CJK CMaps are, ending in `/`: Japanese reports need them. */
  cMapUrl: string;
  cMapPacked: true;
  standardFontDataUrl?: string;
  enableXfa: false;
  /** Lenient: a report with a damaged object still gives the text of its other pages. */
  stopAtErrors: false;
  disableFontFace: true;
  useSystemFonts: false;
  useWasm: false;
  isOffscreenCanvasSupported: false;
  isImageDecoderSupported: false;
  disableAutoFetch: true;
  disableStream: true;
  /** Errors only: pdf.js's warnings about fonts are noise in a CLI or a worker console. */
  verbosity: 0;
  useWorkerFetch?: boolean;
  disableWorkerRendering?: boolean;
}

export interface PdfReadOptions {
  cMapUrl: string;
  standardFontDataUrl?: string;
  /** The browser worker has no `document`: pdf.js must then fetch CMaps itself. */
  useWorkerFetch?: boolean;
  onProgress?: (progress: PdfProgress) => void;
}

export interface PdfText {
  pages: TextPage[];
  metadata: DocumentMetadata;
}

export const ENCRYPTED_MESSAGE =
  'This PDF is password-protected. Remove the password (for example, print it to a new PDF) and import it again.';

/** pdf.js's own exceptions → what the analyst is told. */
export function pdfError(error: unknown): DocumentError {
  if (error instanceof DocumentError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new DocumentError('encrypted', ENCRYPTED_MESSAGE);
  return new DocumentError('corrupt', `This PDF could not be read (${message || name || 'unknown error'}). It may be damaged or not a PDF; try saving it again from the program that made it.`);
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as { str?: unknown }).str === 'string' && Array.isArray((item as { transform?: unknown }).transform);
}

function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value !== 'string') return undefined;
  // Info strings may carry NULs and stray whitespace from UTF-16 producers.
  const cleaned = value.replaceAll('\u0000', '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

/** Info Title/Author/CreationDate, with XMP dc:title/dc:creator/xmp:CreateDate where Info lacks them. */
export function pdfMetadata(info: object, xmp: { get(name: string): unknown } | null): DocumentMetadata {
  const record = info as Record<string, unknown>;
  const metadata: DocumentMetadata = {};
  const title = text(record['Title']) ?? text(xmp?.get('dc:title'));
  const author = text(record['Author']) ?? text(xmp?.get('dc:creator'));
  const rawDate = text(record['CreationDate']) ?? text(xmp?.get('xmp:createdate'));
  const date = rawDate === undefined ? undefined : parsePdfDate(rawDate);
  if (title !== undefined) metadata.title = title;
  if (author !== undefined) metadata.author = author;
  if (date !== undefined) metadata.date = date;
  return metadata;
}

export async function readPdfText(pdfjs: PdfJsLike, bytes: Uint8Array, limits: DocumentLimits, options: PdfReadOptions): Promise<PdfText> {
  if (bytes.byteLength > limits.maxBytes) throw tooLarge(bytes.byteLength, limits);
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl: options.cMapUrl,
    cMapPacked: true,
    ...(options.standardFontDataUrl === undefined ? {} : { standardFontDataUrl: options.standardFontDataUrl }),
    ...(options.useWorkerFetch === undefined ? {} : { useWorkerFetch: options.useWorkerFetch }),
    enableXfa: false,
    stopAtErrors: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableWorkerRendering: true,
    verbosity: 0,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw pdfError(error);
    });
    const total = document.numPages;
    if (total > limits.maxPages) {
      throw new DocumentError('too-many-pages', `This PDF has ${total} pages; Magpie reads at most ${limits.maxPages}. Split it and import the parts.`);
    }
    options.onProgress?.({ pagesDone: 0, pagesTotal: total });
    const pages: TextPage[] = [];
    for (let number = 1; number <= total; number++) {
      pages.push({ page: number, text: await pageText(document, number) });
      options.onProgress?.({ pagesDone: number, pagesTotal: total });
    }
    const { info, metadata } = await document.getMetadata().catch(() => ({ info: {}, metadata: null }));
    return { pages, metadata: pdfMetadata(info, metadata) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function pageText(document: PdfDocumentLike, number: number): Promise<string> {
  try {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    page.cleanup();
    return assemblePageText(content.items.filter(isTextItem), viewport);
  } catch (error: unknown) {
    throw pdfError(error);
  }
}

export function tooLarge(size: number, limits: DocumentLimits): DocumentError {
  const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return new DocumentError('too-large', `This file is ${mb(size)}; Magpie reads files up to ${mb(limits.maxBytes)}.`);
}

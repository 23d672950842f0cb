import { describe, expect, it } from 'vitest';
import { readDocument } from './readDocument.ts';
import { DocumentError, defaultDocumentLimits, type PdfReader } from './types.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const noPdf: PdfReader = () => Promise.reject(new Error('not expected'));
const options = { limits: defaultDocumentLimits, readPdf: noPdf };

async function failure(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof DocumentError)) throw new Error(`expected a DocumentError, got ${String(error)}`);
  return error;
}

describe('readDocument', () => {
  it('reads text formats as one page', async () => {
    expect(await readDocument(bytes('\ufeffC2: 198.51.100.7\r\nnext'), 'iocs.txt', options)).toEqual({ format: 'text', pages: [{ page: 1, text: 'C2: 198.51.100.7\nnext' }], metadata: {} });
    expect((await readDocument(bytes('a,b\n1,2'), 'x.csv', options)).pages[0]?.text).toBe('a\tb\n1\t2');
    expect((await readDocument(bytes('<title>T</title><p>x</p>'), 'x.html', options)).metadata.title).toBe('T');
  });

  it('hands PDFs to the injected reader and passes its progress on', async () => {
    const progress: number[] = [];
    const readPdf: PdfReader = (_bytes, _limits, onProgress) => {
      onProgress?.({ pagesDone: 1, pagesTotal: 1 });
      return Promise.resolve({ pages: [{ page: 1, text: 'pdf text' }], metadata: { title: 'T' } });
    };
    const result = await readDocument(bytes('%PDF-1.4'), 'r.pdf', { limits: defaultDocumentLimits, readPdf, onProgress: (p) => progress.push(p.pagesDone) });
    expect(result).toEqual({ format: 'pdf', pages: [{ page: 1, text: 'pdf text' }], metadata: { title: 'T' } });
    expect(progress).toEqual([1]);
  });

  it('refuses files over the size limit before reading them', async () => {
    const error = await failure(readDocument(bytes('x'.repeat(100)), 'big.txt', { ...options, limits: { ...defaultDocumentLimits, maxBytes: 10 } }));
    expect(error.code).toBe('too-large');
  });

  it('sends STIX bundles and MISP events to their importers', async () => {
    const error = await failure(readDocument(bytes('{"type":"bundle","id":"bundle--x"}'), 'b.json', options));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('STIX bundle');
  });

  it('says when there is no text', async () => {
    expect((await failure(readDocument(bytes('  \n '), 'blank.txt', options))).code).toBe('empty');
    const scanned: PdfReader = () => Promise.resolve({ pages: [{ page: 1, text: '' }], metadata: {} });
    const error = await failure(readDocument(bytes('%PDF-1.4'), 'scan.pdf', { ...options, readPdf: scanned }));
    expect(error.message).toContain('OCR');
  });
});

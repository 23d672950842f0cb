/** The document readers: what the renderer's document worker, the CLI and the benchmark import. */
export { readDocument, type ReadDocumentOptions } from './readDocument.ts';
export { detectFormat, SNIFF_BYTES, type DetectedFormat } from './detectFormat.ts';
export { readPdfText, pdfError, pdfMetadata, ENCRYPTED_MESSAGE, type PdfJsLike, type PdfReadOptions, type PdfText } from './pdf.ts';
export { assemblePageText, type PdfTextItem, type PdfViewport } from './pdfLayout.ts';
export { parsePdfDate } from './pdfDate.ts';
export { decodeText, type DecodedText } from './text.ts';
export { htmlToText } from './html.ts';
export { csvToText } from './csv.ts';
export { emailToText } from './eml.ts';
export * from './types.ts';

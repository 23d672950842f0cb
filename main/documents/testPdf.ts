/**
 * Tiny PDFs written byte by byte for tests that must run everywhere (no shared fixtures):
 * one text line per page in Helvetica, with a correct cross-reference table so pdf.js
 * reads them without repair. Options make the hostile variants the readers must refuse.
 */
import { seededRandom } from '../../testkit/seededRandom.ts';

export interface TestPdfOptions {
  title?: string;
  creationDate?: string;
  /** Declared page count, to fake a page bomb (pdf.js trusts /Count for numPages). */
  declaredPages?: number;
  /** Adds a Standard security handler with a password that is not empty. */
  encrypted?: boolean;
}

function escapeText(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

export function testPdf(pages: readonly string[], options: TestPdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${options.declaredPages ?? pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((text, i) => {
    const lines = text.split('\n');
    const stream = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((line) => `(${escapeText(line)}) Tj T*`).join(' ')} ET`;
    objects[4 + i * 2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`;
    objects[5 + i * 2] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  const infoId = objects.length;
  const info = [options.title ? `/Title (${escapeText(options.title)})` : '', options.creationDate ? `/CreationDate (${options.creationDate})` : ''].join(' ');
  objects[infoId] = `<< ${info} >>`;
  let encryptRef = '';
  if (options.encrypted) {
    const encryptId = objects.length;
    const hex = (seed: number): string => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
    objects[encryptId] = `<< /Filter /Standard /V 1 /R 2 /O <${hex(11)}> /U <${hex(97)}> /P -4 >>`;
    encryptRef = ` /Encrypt ${encryptId} 0 R`;
  }
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id] ?? 'null'}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R${encryptRef} /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** Bytes of a small PDF with seeded damage: flipped bytes, a cut, a duplicated slice. */
export function mutatedPdf(seed: number): Uint8Array {
  const random = seededRandom(seed);
  const bytes = Uint8Array.from(testPdf(['C2 198.51.100.7 and evil[.]example', 'page two'], { title: 'fuzz' }));
  const flips = 1 + Math.floor(random() * 8);
  for (let index = 0; index < flips; index++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
  const cut = random() < 0.3 ? Math.floor(random() * bytes.length) : bytes.length;
  const start = Math.floor(random() * bytes.length);
  const slice = bytes.subarray(start, Math.min(bytes.length, start + Math.floor(random() * 64)));
  return random() < 0.3 ? Uint8Array.from([...bytes.subarray(0, cut), ...slice, ...slice]) : bytes.subarray(0, cut);
}


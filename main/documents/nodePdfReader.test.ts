import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentError, defaultDocumentLimits, type DocumentLimits } from '../../core/documents/types.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { createNodePdfReader } from './nodePdfReader.ts';
import { mutatedPdf, testPdf } from './testPdf.ts';

const readPdf = createNodePdfReader();

async function failure(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof DocumentError)) throw new Error(`expected a DocumentError, got ${String(error)}`);
  return error;
}

// The first read starts the worker that loads pdf.js cold: a second normally, more on a loaded 2-core machine.
describe('Node PDF reader (own tiny PDFs)', { timeout: 30_000 }, () => {
  it('reads each page with its number, metadata and progress', async () => {
    const progress: string[] = [];
    const pdf = testPdf(['C2 server 198.51.100.7', 'Second page: evil[.]example\nnext line'], { title: 'Test Report', creationDate: "D:20160512103000+09'00'" });
    const { pages, metadata } = await readPdf(pdf, defaultDocumentLimits, (p) => progress.push(`${p.pagesDone}/${p.pagesTotal}`));
    expect(pages).toEqual([
      { page: 1, text: 'C2 server 198.51.100.7' },
      { page: 2, text: 'Second page: evil[.]example\nnext line' },
    ]);
    expect(metadata).toEqual({ title: 'Test Report', date: '2016-05-12T01:30:00.000Z' });
    expect(progress).toEqual(['0/2', '1/2', '2/2']);
  });

  it('refuses a password-protected PDF with a message saying what to do', async () => {
    const error = await failure(readPdf(testPdf(['secret'], { encrypted: true }), defaultDocumentLimits));
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/password-protected.*import it again/);
  });

  it('refuses a PDF with more pages than allowed', async () => {
    const error = await failure(readPdf(testPdf(['1', '2', '3', '4', '5']), { ...defaultDocumentLimits, maxPages: 3 }));
    expect(error.code).toBe('too-many-pages');
    expect(error.message).toContain('5 pages');
  });

  it('is not fooled by a page tree that claims millions of pages', async () => {
    // pdf.js checks the last page and falls back to counting the real ones.
    const { pages } = await readPdf(testPdf(['one real page'], { declaredPages: 5_000_000 }), defaultDocumentLimits);
    expect(pages).toEqual([{ page: 1, text: 'one real page' }]);
  });

  it('refuses a file over the size limit', async () => {
    const limits: DocumentLimits = { ...defaultDocumentLimits, maxBytes: 100 };
    expect((await failure(readPdf(testPdf(['x'.repeat(200)]), limits))).code).toBe('too-large');
  });

  it('fails a corrupt or truncated PDF as corrupt, in bounded time', async () => {
    const garbage = new TextEncoder().encode('%PDF-1.7\n' + '\u0000\u00ff garbage '.repeat(500));
    const started = Date.now();
    expect((await failure(readPdf(garbage, defaultDocumentLimits))).code).toBe('corrupt');
    const whole = testPdf(['some text']);
    expect((await failure(readPdf(whole.subarray(0, 40), defaultDocumentLimits))).code).toBe('corrupt');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('terminates a read that stalls past the time limit, and the next file reads on a fresh thread', async () => {
    const error = await failure(readPdf(testPdf(['slow']), { ...defaultDocumentLimits, msPerPage: 1 }));
    expect(error.code).toBe('timeout');
    const { pages } = await readPdf(testPdf(['after the stall']), defaultDocumentLimits);
    expect(pages).toEqual([{ page: 1, text: 'after the stall' }]);
  });

  it('keeps one warm thread: files asked for at once each get their own text, a failure in between harms none', async () => {
    const warm = createNodePdfReader();
    try {
      const reads = await Promise.allSettled([
        warm(testPdf(['first file 198.51.100.1']), defaultDocumentLimits),
        warm(testPdf(['secret'], { encrypted: true }), defaultDocumentLimits),
        warm(testPdf(['third file', 'its page two']), defaultDocumentLimits),
      ]);
      expect(reads[0]).toMatchObject({ status: 'fulfilled', value: { pages: [{ page: 1, text: 'first file 198.51.100.1' }] } });
      expect(reads[1]).toMatchObject({ status: 'rejected', reason: { code: 'encrypted' } });
      expect(reads[2]).toMatchObject({ status: 'fulfilled', value: { pages: [{ page: 1, text: 'third file' }, { page: 2, text: 'its page two' }] } });
    } finally {
      await warm.close();
    }
  });
});

describe('Node PDF reader on damaged PDFs (seeded; the long run is npm run bench:fuzz-extract)', () => {
  it('reads or refuses each one with a DocumentError, never hanging', async () => {
    const limits: DocumentLimits = { ...defaultDocumentLimits, msPerPage: 5_000 };
    for (let seed = 1; seed <= 8; seed++) {
      const started = Date.now();
      const outcome = await readPdf(mutatedPdf(seed), limits).then(
        (text) => `read ${text.pages.length} pages`,
        (error: unknown) => (error instanceof DocumentError ? `refused: ${error.code}` : `crashed: ${String(error)}`),
      );
      expect(outcome, `seed ${seed}`).toMatch(/^(read|refused)/);
      expect(Date.now() - started, `seed ${seed}`).toBeLessThan(15_000);
    }
  }, 120_000);
});

const reports = (name: string): string => fixturePath('reports', name);

describe.skipIf(!fixturesAvailable)(`Node PDF reader (shared report PDFs)${fixturesAvailable ? '' : ` — skipped: ${fixturesSkipReason}`}`, { timeout: 60_000 }, () => {
  it('reads a synthetic Japanese report: full-width defangs present, title from metadata', async ({ skip }) => {
    if (!hasFixture('reports', 'jp-synthetic-vpn-intrusion-ja.pdf')) return skip('fixture missing');
    const { pages, metadata } = await readPdf(new Uint8Array(readFileSync(reports('jp-synthetic-vpn-intrusion-ja.pdf'))), defaultDocumentLimits);
    expect(pages).toHaveLength(5);
    const text = pages.map((page) => page.text).join('\n');
    expect(text).toMatch(/[\uff01-\uff5e]/); // full-width forms that NFKC folds to ASCII
    expect(text.normalize('NFKC')).toContain('198.51.100');
    expect(text).toMatch(/[ぁ-んァ-ン]/);
    expect(metadata.title).toBeTruthy();
  });

  it('reads the JPCERT Japanese deck as Japanese (CMaps bundled)', async ({ skip }) => {
    if (!hasFixture('reports', 'jpcert-lazarus-codeblue2021-ja.pdf')) return skip('fixture missing');
    const { pages } = await readPdf(new Uint8Array(readFileSync(reports('jpcert-lazarus-codeblue2021-ja.pdf'))), defaultDocumentLimits);
    const text = pages.map((page) => page.text).join('\n');
    expect(text.match(/[ぁ-んァ-ン一-龯]/g)?.length ?? 0).toBeGreaterThan(500);
    expect(text).not.toMatch(/\ufffd{3,}/);
  });

  it('reads an English report: known indicators on their pages, title from metadata', async ({ skip }) => {
    const name = 'jpcert-asruex-shortcut-2016-en';
    if (!hasFixture('reports', `${name}.pdf`)) return skip('fixture missing');
    const expected = JSON.parse(readFileSync(reports(`${name}.expected.json`), 'utf8')) as { pages: number; indicators: Record<string, string[]> };
    const { pages } = await readPdf(new Uint8Array(readFileSync(reports(`${name}.pdf`))), defaultDocumentLimits);
    expect(pages).toHaveLength(expected.pages);
    expect(pages.map((page) => page.page)).toEqual(pages.map((_, i) => i + 1));
    const text = pages.map((page) => page.text).join('\n').normalize('NFKC').toLowerCase().replace(/\[\.\]/g, '.');
    const hashes = [...(expected.indicators['md5'] ?? []), ...(expected.indicators['sha256'] ?? [])];
    expect(hashes.length).toBeGreaterThan(0);
    const found = hashes.filter((hash) => text.includes(hash));
    expect(found.length / hashes.length).toBeGreaterThan(0.8);
  });
});

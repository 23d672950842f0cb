import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultDocumentLimits } from '../../core/documents/types.ts';
import { createNodePdfReader } from './nodePdfReader.ts';
import { testPdf } from './testPdf.ts';

const files = (count: number): Uint8Array[] => Array.from({ length: count }, (_, i) => testPdf([`file ${i + 1} at 198.51.100.${i + 1}`, `file ${i + 1} page two`]));
const pagesOf = (i: number): { page: number; text: string }[] => [
  { page: 1, text: `file ${i + 1} at 198.51.100.${i + 1}` },
  { page: 2, text: `file ${i + 1} page two` },
];

// Each thread loads pdf.js cold on its first read: a second normally, more on a loaded 2-core machine.
describe('Node PDF reader pool (own tiny PDFs)', { timeout: 60_000 }, () => {
  it('reads several files at once on several threads and gives each its own text, in the order asked', async () => {
    const pool = createNodePdfReader({ threads: 3 });
    try {
      let mostAtOnce = 0;
      const reads = files(5).map((bytes) =>
        pool(bytes, defaultDocumentLimits, () => {
          mostAtOnce = Math.max(mostAtOnce, pool.runningThreads());
        }),
      );
      const results = await Promise.all(reads);
      expect(results.map((result) => result.pages)).toEqual([0, 1, 2, 3, 4].map(pagesOf));
      // Three files went to three threads at once, never more; the other two waited for a free one.
      expect(mostAtOnce).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('keeps a lean thread warm for a long batch, and replaces one whose heap reached the limit', async () => {
    const lean = createNodePdfReader({ threads: 1 });
    const heavy = createNodePdfReader({ threads: 1, recycleAtHeapMb: 1 });
    try {
      // 25 files: after the 25th every thread used to be replaced; a lean one now stays.
      for (const [i, bytes] of files(25).entries()) expect((await lean(bytes, defaultDocumentLimits)).pages).toEqual(pagesOf(i));
      expect(lean.runningThreads()).toBe(1);
      // Past the heap limit after its read, the thread is stopped; the next read starts a fresh one and still reads.
      const [first, second] = files(2);
      expect((await heavy(first ?? new Uint8Array(), defaultDocumentLimits)).pages).toEqual(pagesOf(0));
      expect(heavy.runningThreads()).toBe(0);
      expect((await heavy(second ?? new Uint8Array(), defaultDocumentLimits)).pages).toEqual(pagesOf(1));
    } finally {
      await lean.close();
      await heavy.close();
    }
  });

  it('a file that stalls or is corrupt fails alone: the files read beside it keep their text', async () => {
    const pool = createNodePdfReader({ threads: 2 });
    try {
      const good = testPdf(['file 1 at 198.51.100.1', 'file 1 page two']);
      const other = testPdf(['file 3 at 198.51.100.3', 'file 3 page two']);
      const garbage = new TextEncoder().encode('%PDF-1.7\n' + '\u0000\u00ff garbage '.repeat(500));
      const reads = await Promise.allSettled([
        pool(good, defaultDocumentLimits),
        pool(testPdf(['stalls']), { ...defaultDocumentLimits, msPerPage: 1 }),
        pool(garbage, defaultDocumentLimits),
        pool(other, defaultDocumentLimits),
        pool(testPdf(['secret'], { encrypted: true }), defaultDocumentLimits),
      ]);
      expect(reads.map((read) => read.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled', 'rejected']);
      expect(reads[0]).toMatchObject({ value: { pages: pagesOf(0) } });
      expect(reads[1]).toMatchObject({ reason: { code: 'timeout' } });
      expect(reads[2]).toMatchObject({ reason: { code: 'corrupt' } });
      expect(reads[3]).toMatchObject({ value: { pages: pagesOf(2) } });
      expect(reads[4]).toMatchObject({ reason: { code: 'encrypted' } });
    } finally {
      await pool.close();
    }
  });

  it('files read one after another keep to one warm thread', async () => {
    const pool = createNodePdfReader({ threads: 4 });
    try {
      for (const [i, bytes] of files(3).entries()) expect((await pool(bytes, defaultDocumentLimits)).pages).toEqual(pagesOf(i));
      expect(pool.runningThreads()).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('close() waits for the reads under way, then stops every thread', async () => {
    const pool = createNodePdfReader({ threads: 3 });
    const reads = files(3).map((bytes) => pool(bytes, defaultDocumentLimits));
    await reads[0];
    expect(pool.runningThreads()).toBe(3);
    await pool.close();
    // Closing did not cut the other two short.
    expect((await Promise.all(reads)).map((result) => result.pages)).toEqual([0, 1, 2].map(pagesOf));
    expect(pool.runningThreads()).toBe(0);
  });

  it('warmUp starts the threads the files will need before the first read, never more than the pool has', async () => {
    const pool = createNodePdfReader({ threads: 2 });
    try {
      pool.warmUp(0);
      expect(pool.runningThreads()).toBe(0);
      pool.warmUp(5);
      expect(pool.runningThreads()).toBe(2);
      const results = await Promise.all(files(2).map((bytes) => pool(bytes, defaultDocumentLimits)));
      expect(results.map((result) => result.pages)).toEqual([0, 1].map(pagesOf));
      expect(pool.runningThreads()).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('uses as many threads as cores, at most four, unless told', () => {
    expect(createNodePdfReader().threads).toBe(Math.min(availableParallelism(), 4));
    expect(createNodePdfReader({ threads: 1 }).threads).toBe(1);
  });
});

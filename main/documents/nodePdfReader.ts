/**
 * The PdfReader for Node (the CLI and the benchmark): a small pool of warm PDF worker
 * threads (pdfThread.ts: each with its own watchdog, memory cap and recycling). Reads asked
 * for at once run on up to `threads` threads side by side and start in the order they were
 * asked for; each read's promise settles with its own file's text, so a caller that awaits
 * them in order gets them in order. A thread starts only when a read finds none idle, so
 * reads made one after another keep using the one warm thread: a single file never pays
 * for starting more (issue 16: pdf.js parses a file on one core; several files on several).
 */
import { availableParallelism } from 'node:os';
import type { PdfReader } from '../../core/documents/types.ts';
import { createPdfThread, type PdfThread } from './pdfThread.ts';

export interface NodePdfReaderOptions {
  /** Heap cap of each worker thread, in MB: a PDF that needs more fails as corrupt. */
  maxMemoryMb?: number;
  /** Files read by one thread before it is replaced, however lean it stays. */
  recycleAfter?: number;
  /** Heap in use after a read, in MB, at which a thread is replaced (default 256). */
  recycleAtHeapMb?: number;
  /** Most threads reading at once; default min(available cores, 4). */
  threads?: number;
}

export type NodePdfReader = PdfReader & {
  /** The most threads this reader runs at once. */
  readonly threads: number;
  /**
   * Starts up to `count` threads (at most `threads`) before any read, so pdf.js loads in
   * them while the caller loads its own code and reads files: the CLI pays that load once,
   * in parallel, instead of before its first page.
   */
  warmUp(count: number): void;
  /** Worker threads started now (for tests and the benchmark). */
  runningThreads(): number;
  /** Waits for the reads under way, then stops every thread (none keeps the process alive while idle anyway). */
  close(): Promise<void>;
};

/** Four threads read the fixture reports about as fast as more would, for a quarter of the memory of sixteen. */
export const defaultPdfThreads = (): number => Math.min(availableParallelism(), 4);

export function createNodePdfReader(options: NodePdfReaderOptions = {}): NodePdfReader {
  const size = Math.max(1, Math.floor(options.threads ?? defaultPdfThreads()));
  const threadOptions = { maxMemoryMb: options.maxMemoryMb ?? 1024, recycleAfter: options.recycleAfter ?? 500, recycleAtHeapMb: options.recycleAtHeapMb ?? 256 };
  const threads: PdfThread[] = [];
  const idle: PdfThread[] = [];
  /** Reads waiting for a thread, first asked first served. */
  const waiting: ((thread: PdfThread) => void)[] = [];
  const underWay = new Set<Promise<unknown>>();

  function acquire(): Promise<PdfThread> {
    // The most recently used thread first: it is warm, and the others may never be needed.
    const thread = idle.pop();
    if (thread) return Promise.resolve(thread);
    if (threads.length < size) {
      const fresh = createPdfThread(threadOptions);
      threads.push(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(thread: PdfThread): void {
    const next = waiting.shift();
    if (next) next(thread);
    else idle.push(thread);
  }

  const reader: PdfReader = (bytes, limits, onProgress) => {
    const result = acquire().then(async (thread) => {
      try {
        return await thread.read(bytes, limits, onProgress);
      } finally {
        release(thread);
      }
    });
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    underWay.add(settled);
    void settled.then(() => underWay.delete(settled));
    return result;
  };

  return Object.assign(reader, {
    threads: size,
    warmUp(count: number): void {
      while (threads.length < Math.min(count, size)) {
        const fresh = createPdfThread(threadOptions);
        threads.push(fresh);
        idle.push(fresh);
      }
      for (const thread of threads.slice(0, count)) thread.warmUp();
    },
    runningThreads: () => threads.filter((thread) => thread.running()).length,
    async close(): Promise<void> {
      while (underWay.size > 0) await Promise.all(underWay);
      await Promise.all(threads.map((thread) => thread.close()));
    },
  });
}

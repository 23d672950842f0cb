/**
 * Extraction speed on a large text: the report PDFs' page texts (read once with the Node
 * reader) repeated to about BENCH_EXTRACT_MB megabytes (default 50) of UTF-8, extracted in
 * one call, as MB per second. Without the shared fixtures, a synthetic report-like page is
 * repeated instead (said so in the output).
 *
 *   node bench/extract/throughput.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extractIndicators } from '../../core/extract/index.ts';
import { readDocument } from '../../core/documents/readDocument.ts';
import { defaultDocumentLimits } from '../../core/documents/types.ts';
import type { TextPage } from '../../core/extract/types.ts';
import { createNodePdfReader } from '../../main/documents/nodePdfReader.ts';
import { fixturePath } from '../../testkit/fixtures.ts';

export interface ThroughputResult {
  source: string;
  megabytes: number;
  pages: number;
  /** Extractions of the whole text, one after another; the figures below are their medians. */
  runs: number;
  seconds: number;
  megabytesPerSecond: number;
  /** Each run's MB/s, in order: on a shared VM one run may be far off the others. */
  megabytesPerSecondEach: number[];
  /**
   * CPU time of the extracting thread alone, and MB per CPU second: on a machine shared
   * with other work, wall time stretches with the load while this stays near what a quiet
   * machine would measure.
   */
  cpuSeconds: number;
  megabytesPerCpuSecond: number;
  indicators: number;
}

const SYNTHETIC = `The actor used hxxp://update-check[.]example/gate.php and 203.0.113.45 for C2. The dropper
(MD5 d41d8cd98f00b204e9800998ecf8427e, SHA-256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855)
exploits CVE-2017-11882 (T1203) and persists through a Run key (T1547.001). Mails came from
invoice[@]billing-notice[.]example. Ordinary prose follows, version 10.0.19045.2006, page 3 of 9.
`;

async function sourcePages(): Promise<{ source: string; pages: TextPage[] }> {
  const folder = fixturePath('reports');
  if (!existsSync(folder)) return { source: 'synthetic (shared fixtures missing)', pages: [{ page: 1, text: SYNTHETIC }] };
  const readPdf = createNodePdfReader();
  const pages: TextPage[] = [];
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.pdf')).sort()) {
    const document = await readDocument(new Uint8Array(readFileSync(fixturePath('reports', name))), name, { limits: defaultDocumentLimits, readPdf });
    pages.push(...document.pages);
  }
  return { source: 'report PDFs, repeated', pages };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

export async function measureThroughput(targetMb = Number(process.env['BENCH_EXTRACT_MB'] ?? 50), runs = Number(process.env['BENCH_EXTRACT_RUNS'] ?? 3)): Promise<ThroughputResult> {
  const { source, pages } = await sourcePages();
  const encoder = new TextEncoder();
  const unit = pages.reduce((sum, page) => sum + encoder.encode(page.text).length, 0);
  const repeats = Math.max(1, Math.ceil((targetMb * 1024 * 1024) / unit));
  const big: TextPage[] = [];
  for (let r = 0; r < repeats; r++) for (const page of pages) big.push({ page: big.length + 1, text: page.text });
  const megabytes = (unit * repeats) / (1024 * 1024);
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let indicators = 0;
  for (let run = 0; run < Math.max(1, runs); run++) {
    const started = performance.now();
    const cpuStarted = process.threadCpuUsage();
    indicators = extractIndicators(big).indicators.length;
    const cpu = process.threadCpuUsage(cpuStarted);
    seconds.push((performance.now() - started) / 1000);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
  }
  const round2 = (n: number): number => Math.round(n * 100) / 100;
  return {
    source,
    megabytes: Math.round(megabytes * 10) / 10,
    pages: big.length,
    runs: seconds.length,
    seconds: round2(median(seconds)),
    megabytesPerSecond: round2(megabytes / median(seconds)),
    megabytesPerSecondEach: seconds.map((value) => round2(megabytes / value)),
    cpuSeconds: round2(median(cpuSeconds)),
    megabytesPerCpuSecond: round2(megabytes / median(cpuSeconds)),
    indicators,
  };
}

if (import.meta.main) {
  console.info(JSON.stringify(await measureThroughput(), null, 1));
}

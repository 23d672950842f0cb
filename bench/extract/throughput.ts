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
  seconds: number;
  megabytesPerSecond: number;
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

export async function measureThroughput(targetMb = Number(process.env['BENCH_EXTRACT_MB'] ?? 50)): Promise<ThroughputResult> {
  const { source, pages } = await sourcePages();
  const encoder = new TextEncoder();
  const unit = pages.reduce((sum, page) => sum + encoder.encode(page.text).length, 0);
  const repeats = Math.max(1, Math.ceil((targetMb * 1024 * 1024) / unit));
  const big: TextPage[] = [];
  for (let r = 0; r < repeats; r++) for (const page of pages) big.push({ page: big.length + 1, text: page.text });
  const bytes = unit * repeats;
  const started = performance.now();
  const cpuStarted = process.threadCpuUsage();
  const result = extractIndicators(big);
  const cpu = process.threadCpuUsage(cpuStarted);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const megabytes = bytes / (1024 * 1024);
  const round2 = (n: number): number => Math.round(n * 100) / 100;
  return {
    source,
    megabytes: Math.round(megabytes * 10) / 10,
    pages: big.length,
    seconds: round2(seconds),
    megabytesPerSecond: round2(megabytes / seconds),
    cpuSeconds: round2(cpuSeconds),
    megabytesPerCpuSecond: round2(megabytes / cpuSeconds),
    indicators: result.indicators.length,
  };
}

if (import.meta.main) {
  console.info(JSON.stringify(await measureThroughput(), null, 1));
}

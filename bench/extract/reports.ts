/**
 * The report PDFs of the shared fixtures (reports/, each with NAME.expected.json) through
 * the product path — the Node PDF reader (pdf.js in a worker thread) and the extraction
 * engine — scored against the hand-made labels: precision, recall and F1 per type and
 * overall (micro-averaged over all reports). Values in `benign`/`uncertain` are neither
 * right nor wrong; extracting them is counted as a "benign hit". In the same run, the
 * ioc-extractor npm package scored on the same page texts (it sees exactly what Magpie's
 * engine sees), and the same files through poppler's `pdftotext -layout`, for pages per
 * second side by side: Magpie's reader once with one warm thread (files one after another,
 * as the scoring reads them) and once with its default pool (all files asked for at once,
 * as `magpie extract` with many files does), and once more on one thread that has read them
 * all before (pdf.js's pace once loaded), and the `magpie extract` command itself on all the
 * files (Node's start and the indicators included), against pdftotext's one process per file.
 *
 *   node bench/extract/reports.ts [--misses]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { extractIndicators } from '../../core/extract/index.ts';
import { defaultDocumentLimits, type DocumentText } from '../../core/documents/types.ts';
import { readDocument } from '../../core/documents/readDocument.ts';
import { createNodePdfReader } from '../../main/documents/nodePdfReader.ts';
import { fixturePath, fixturesSkipReason } from '../../testkit/fixtures.ts';
import { iocExtractorExtractor } from './cases.ts';
import { normaliseValue, typeKeysOf, type TypeKey } from './typeKeys.ts';

/** The keys the report labels use. */
export const REPORT_KEYS = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'sha512', 'cve', 'attack'] as const satisfies readonly TypeKey[];
type ReportKey = (typeof REPORT_KEYS)[number];

interface Expected {
  pages: number;
  indicators: Partial<Record<ReportKey, string[]>>;
  benign?: string[];
  uncertain?: string[];
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  benignHits: number;
}

export interface TypeScore extends Tally {
  precision: number;
  recall: number;
  f1: number;
}

export interface ReportsResult {
  reports: number;
  pages: number;
  overall: TypeScore;
  perType: Partial<Record<ReportKey, TypeScore>>;
  perReport: { name: string; pages: number; seconds: number; f1: number; precision: number; recall: number }[];
  /** The ioc-extractor package on the same texts (it has no ATT&CK ids: its `attack` recall is 0). */
  iocExtractor: { overall: TypeScore; perType: Partial<Record<ReportKey, TypeScore>> };
  speed: {
    /** What the next two figures are: one warm thread, files one after another (the figure of earlier runs). */
    magpieLabel: string;
    magpiePagesPerSecond: number;
    magpieSeconds: number;
    /** The default pool, every file asked for at once; its text checked against the one-thread read. */
    pooled: { label: string; threads: number; cores: number; pagesPerSecond: number; seconds: number; sameTextAsOneThread: boolean };
    /**
     * One thread that has already read every file once, reading them all again: pdf.js's
     * own pace once loaded and compiled, without the start of the thread (what a long batch
     * or the app's document worker sees after its first file).
     */
    warm: { label: string; pagesPerSecond: number; seconds: number };
    /**
     * The `magpie` command itself on every file at once, as an analyst runs it: Node's
     * start, the CLI's code, the pool of threads, and the indicators found and printed —
     * work pdftotext does not do.
     */
    cli: { label: string; pagesPerSecond: number; seconds: number; cpuSeconds?: number } | string;
    pdftotext: { pagesPerSecond: number; seconds: number; cpuSeconds?: number } | string;
    /**
     * The most the command could reach on this machine's cores if its CPU time were spread
     * over all of them without a moment idle (its CPU seconds ÷ cores): when this is under
     * the goal, no scheduling reaches it here; only more cores or less work would.
     */
    cliCeiling?: { cores: number; pagesPerSecond: number; ofPdftotext: number };
    /** Magpie's pages/s over pdftotext's, in this run (issue 16's goal: ≥ 0.5). */
    ofPdftotext?: { oneThread: number; pooled: number; warm: number; cli?: number };
  };
  misses?: { report: string; key: ReportKey; missed: string[]; wrong: string[] }[];
}

const empty = (): Tally => ({ tp: 0, fp: 0, fn: 0, benignHits: 0 });
const add = (into: Tally, from: Tally): void => {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
  into.benignHits += from.benignHits;
};
const round = (n: number): number => Math.round(n * 1000) / 1000;

function score(tally: Tally): TypeScore {
  const precision = tally.tp + tally.fp === 0 ? 1 : tally.tp / (tally.tp + tally.fp);
  const recall = tally.tp + tally.fn === 0 ? 1 : tally.tp / (tally.tp + tally.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...tally, precision: round(precision), recall: round(recall), f1: round(f1) };
}

/** Found values per key, normalised as the labels are. */
function found(document: DocumentText): Map<TypeKey, Set<string>> {
  const result = new Map<TypeKey, Set<string>>();
  for (const indicator of extractIndicators(document.pages, { publisherDomains: document.metadata.publisherDomains ?? [] }).indicators) {
    for (const { key, value } of typeKeysOf(indicator)) {
      const set = result.get(key) ?? new Set<string>();
      set.add(value);
      result.set(key, set);
    }
  }
  return result;
}

/** One type of one report: what was right, wrong (neither labelled nor benign) and missed. */
function tallyOf(expected: Expected, key: ReportKey, extracted: ReadonlySet<string>): { tally: Tally; missed: string[]; wrong: string[] } {
  const labelled = new Set((expected.indicators[key] ?? []).map((value) => normaliseValue(key, value)));
  const ignored = new Set([...(expected.benign ?? []), ...(expected.uncertain ?? [])].map((value) => normaliseValue(key, value)));
  const tally = empty();
  const wrong: string[] = [];
  for (const value of extracted) {
    if (labelled.has(value)) tally.tp++;
    else if (ignored.has(value)) tally.benignHits++;
    else {
      tally.fp++;
      wrong.push(value);
    }
  }
  const missed = [...labelled].filter((value) => !extracted.has(value));
  tally.fn = missed.length;
  return { tally, missed, wrong };
}

function pdftotextAvailable(): boolean {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  return probe.error === undefined;
}

export async function scoreReports(options: { misses?: boolean } = {}): Promise<ReportsResult | { skipped: string }> {
  const folder = fixturePath('reports');
  if (!existsSync(folder)) return { skipped: `report PDFs missing: ${fixturesSkipReason}` };
  const names = readdirSync(folder).filter((name) => name.endsWith('.pdf') && existsSync(fixturePath('reports', name.replace(/\.pdf$/, '.expected.json')))).sort();
  if (names.length === 0) return { skipped: `no report PDFs with expected.json in ${folder}` };
  const readPdf = createNodePdfReader({ threads: 1 });
  const texts = new Map<string, DocumentText>();
  const perType = new Map<ReportKey, Tally>();
  const total = empty();
  const perReport: ReportsResult['perReport'] = [];
  const misses: NonNullable<ReportsResult['misses']> = [];
  const theirPerType = new Map<ReportKey, Tally>();
  const theirTotal = empty();
  let pages = 0;
  let magpieSeconds = 0;
  for (const name of names) {
    const bytes = new Uint8Array(readFileSync(fixturePath('reports', name)));
    const expected = JSON.parse(readFileSync(fixturePath('reports', name.replace(/\.pdf$/, '.expected.json')), 'utf8')) as Expected;
    const started = performance.now();
    const document = await readDocument(bytes, name, { limits: defaultDocumentLimits, readPdf });
    const seconds = (performance.now() - started) / 1000;
    magpieSeconds += seconds;
    pages += document.pages.length;
    texts.set(name, document);
    const ours = found(document);
    const reportTally = empty();
    for (const key of REPORT_KEYS) {
      const { tally, missed, wrong } = tallyOf(expected, key, ours.get(key) ?? new Set<string>());
      add(reportTally, tally);
      const typeTally = perType.get(key) ?? empty();
      add(typeTally, tally);
      perType.set(key, typeTally);
      if (options.misses && (missed.length > 0 || wrong.length > 0)) misses.push({ report: name, key, missed, wrong });
    }
    const theirs = iocExtractorExtractor(document.pages.map((page) => page.text).join('\n'));
    for (const key of REPORT_KEYS) {
      const { tally } = tallyOf(expected, key, theirs.get(key) ?? new Set<string>());
      add(theirTotal, tally);
      const typeTally = theirPerType.get(key) ?? empty();
      add(typeTally, tally);
      theirPerType.set(key, typeTally);
    }
    add(total, reportTally);
    const { f1, precision, recall } = score(reportTally);
    perReport.push({ name, pages: document.pages.length, seconds: round(seconds), f1, precision, recall });
  }

  await readPdf.close();
  const warm = await readWarm(names, pages);
  const pooled = await readPooled(names, pages, texts);
  const cli = runCli(names, pages);

  let pdftotext: ReportsResult['speed']['pdftotext'] = 'pdftotext not found: install poppler-utils to compare';
  if (pdftotextAvailable()) {
    const cpuBefore = childCpuSeconds();
    const started = performance.now();
    for (const name of names) spawnSync('pdftotext', ['-layout', fixturePath('reports', name), '-'], { maxBuffer: 256 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = childCpuSeconds();
    pdftotext = { pagesPerSecond: round(pages / seconds), seconds: round(seconds), ...(cpuBefore === undefined || cpuAfter === undefined ? {} : { cpuSeconds: round(cpuAfter - cpuBefore) }) };
  }
  const cores = availableParallelism();
  const cliCeiling =
    typeof cli === 'string' || cli.cpuSeconds === undefined || typeof pdftotext === 'string'
      ? undefined
      : { cores, pagesPerSecond: round((pages * cores) / cli.cpuSeconds), ofPdftotext: round((pages * cores) / cli.cpuSeconds / pdftotext.pagesPerSecond) };
  return {
    reports: names.length,
    pages,
    overall: score(total),
    perType: Object.fromEntries([...perType].map(([key, tally]) => [key, score(tally)])),
    perReport,
    iocExtractor: { overall: score(theirTotal), perType: Object.fromEntries([...theirPerType].map(([key, tally]) => [key, score(tally)])) },
    speed: {
      magpieLabel: `Magpie's Node reader, 1 thread started for this run (loading pdf.js included) and kept warm, ${names.length} files one after another`,
      magpiePagesPerSecond: round(pages / magpieSeconds),
      magpieSeconds: round(magpieSeconds),
      pooled,
      warm,
      cli,
      pdftotext,
      ...(cliCeiling ? { cliCeiling } : {}),
      ...(typeof pdftotext === 'string'
        ? {}
        : {
            ofPdftotext: {
              oneThread: round(pages / magpieSeconds / pdftotext.pagesPerSecond),
              pooled: round(pooled.pagesPerSecond / pdftotext.pagesPerSecond),
              warm: round(warm.pagesPerSecond / pdftotext.pagesPerSecond),
              ...(typeof cli === 'string' ? {} : { cli: round(cli.pagesPerSecond / pdftotext.pagesPerSecond) }),
            },
          }),
    },
    ...(options.misses ? { misses } : {}),
  };
}

/** `magpie extract --format txt` on every report in one process: the built CLI when there is one (bin/magpie.js decides). */
function runCli(names: readonly string[], pages: number): ReportsResult['speed']['cli'] {
  const bin = fileURLToPath(new URL('../../bin/magpie.js', import.meta.url));
  const built = existsSync(fileURLToPath(new URL('../../out/cli/magpie.mjs', import.meta.url)));
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, 'extract', '--format', 'txt', ...names.map((name) => fixturePath('reports', name))], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = childCpuSeconds();
  if (run.status !== 0) return `magpie extract failed (exit ${String(run.status)}): ${run.stderr.slice(0, 300)}`;
  return {
    label: `magpie extract --format txt on all ${names.length} files in one process (${built ? 'the built CLI' : 'from source: run npm run build:cli for the shipped form'}), Node's start and indicator extraction included`,
    pagesPerSecond: round(pages / seconds),
    seconds: round(seconds),
    ...(cpuBefore === undefined || cpuAfter === undefined ? {} : { cpuSeconds: round(cpuAfter - cpuBefore) }),
  };
}

let clockTicks: number | undefined;

/**
 * User + system CPU seconds of this process's finished children (Linux `/proc/self/stat`,
 * cutime + cstime): read before and after a spawnSync, the child's own CPU time, its
 * threads included. Undefined where there is no /proc.
 */
function childCpuSeconds(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name, which may itself hold spaces: state is field 3, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  return (Number(fields[13]) + Number(fields[14])) / clockTicks;
}

/** Every report twice through one thread that is not recycled between; the second pass timed. */
async function readWarm(names: readonly string[], pages: number): Promise<ReportsResult['speed']['warm']> {
  const reader = createNodePdfReader({ threads: 1, recycleAfter: names.length * 2 + 1 });
  const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(fixturePath('reports', name))) }));
  for (const { name, bytes } of files) await readDocument(bytes, name, { limits: defaultDocumentLimits, readPdf: reader });
  const started = performance.now();
  for (const { name, bytes } of files) await readDocument(bytes, name, { limits: defaultDocumentLimits, readPdf: reader });
  const seconds = (performance.now() - started) / 1000;
  await reader.close();
  return { label: `Magpie's Node reader, 1 thread that had read all ${names.length} files once, reading them again`, pagesPerSecond: round(pages / seconds), seconds: round(seconds) };
}

/** Every report through a fresh default pool at once; wall time from the first read asked to the last text back. */
async function readPooled(names: readonly string[], pages: number, oneThread: ReadonlyMap<string, DocumentText>): Promise<ReportsResult['speed']['pooled']> {
  const pool = createNodePdfReader();
  // Asked for largest first, as `magpie extract` starts them.
  const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(fixturePath('reports', name))) })).sort((a, b) => b.bytes.length - a.bytes.length);
  const started = performance.now();
  const documents = await Promise.all(files.map(({ name, bytes }) => readDocument(bytes, name, { limits: defaultDocumentLimits, readPdf: pool })));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  const cores = availableParallelism();
  return {
    label: `Magpie's Node reader, a pool of ${pool.threads} threads on ${cores} cores started for this run (loading pdf.js included), all ${names.length} files asked for at once, largest first`,
    threads: pool.threads,
    cores,
    pagesPerSecond: round(pages / seconds),
    seconds: round(seconds),
    sameTextAsOneThread: documents.every((document, i) => isDeepStrictEqual(document, oneThread.get(files[i]?.name ?? ''))),
  };
}

if (import.meta.main) {
  console.info(JSON.stringify(await scoreReports({ misses: process.argv.includes('--misses') }), null, 1));
}

/**
 * `npm run bench:extract`: the extraction figures in one JSON object.
 * - cases: Magpie vs the ioc-extractor package on the public IOC cases (cases.ts);
 * - round2: the error classes of issue 16 on this project's own cases, per class and language (round2.ts);
 * - reports: the report PDFs through our reader and engine, scored against their labels,
 *   with pages per second next to poppler's pdftotext (reports.ts);
 * - throughput: extraction MB/s on ~50 MB of report text, wall and CPU time (throughput.ts);
 * - entityNames: names of known threats on labelled paragraphs against ATT&CK Enterprise,
 *   precision and recall per type of what the review lists and ticks (entities.ts);
 * - secondAuthor: the same two scorings on cases a second author wrote without seeing the
 *   code (secondAuthor.ts).
 * A part whose data or tool is missing says so in its place instead of failing the run.
 */
import { loadavg } from 'node:os';
import { fixturesSkipReason } from '../../testkit/fixtures.ts';
import { compareOnCases } from './cases.ts';
import { scoreReports } from './reports.ts';
import { scoreRound2 } from './round2.ts';
import { measureThroughput } from './throughput.ts';
import { attackBundlesAvailable, attackObjects } from '../../testkit/attackBundles.ts';
import { scoreEntityCases } from './entities.ts';
import { scoreSecondAuthor } from './secondAuthor.ts';

async function part<T>(name: string, run: () => T | Promise<T>): Promise<T | { error: string }> {
  try {
    return await run();
  } catch (error: unknown) {
    console.warn(`[bench] ${name} failed:`, error);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

// The machine may be shared: its load, said with the figures (1-, 5- and 15-minute averages).
const loadAtStart = loadavg().map((n) => Math.round(n * 10) / 10);
const cases = await part('cases', () => {
  const result = compareOnCases();
  if (result === undefined) return { skipped: `ioc-cases missing: ${fixturesSkipReason}` };
  const summary = (scores: typeof result.magpie): object => ({ ...scores, misses: scores.misses.length });
  return { magpie: summary(result.magpie), iocExtractor: summary(result.iocExtractor) };
});
const round2 = await part('round2', () => {
  const { byClass, byLanguage } = scoreRound2();
  const overall = (scores: typeof byClass): Record<string, object> => Object.fromEntries(Object.entries(scores.perSource).map(([name, score]) => [name, score.overall]));
  return { note: 'issue 16 error classes, cases written for this project (bench/extract/round2Cases.ts)', overall: byClass.overall, byClass: overall(byClass), byLanguage: overall(byLanguage), misses: byClass.misses };
});
const reports = await part('reports', () => scoreReports());
const throughput = await part('throughput', () => measureThroughput());
const entityNames = await part('entityNames', () => (attackBundlesAvailable ? scoreEntityCases(attackObjects('enterprise')) : { skipped: `ATT&CK bundles missing: ${fixturesSkipReason}` }));

const secondAuthor = await part('secondAuthor', () => scoreSecondAuthor(attackBundlesAvailable ? attackObjects('enterprise') : undefined));

const loadAverage = { start: loadAtStart, end: loadavg().map((n) => Math.round(n * 10) / 10) };
console.info(JSON.stringify({ node: process.version, loadAverage, cases, round2, reports, throughput, entityNames, secondAuthor }, null, 1));

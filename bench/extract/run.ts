/**
 * `npm run bench:extract`: the extraction figures in one JSON object.
 * - cases: Magpie vs the ioc-extractor package on the public IOC cases (cases.ts);
 * - reports: the report PDFs through our reader and engine, scored against their labels,
 *   with pages per second next to poppler's pdftotext (reports.ts);
 * - throughput: extraction MB/s on ~50 MB of report text (throughput.ts).
 * A part whose data or tool is missing says so in its place instead of failing the run.
 */
import { fixturesSkipReason } from '../../testkit/fixtures.ts';
import { compareOnCases } from './cases.ts';
import { scoreReports } from './reports.ts';
import { measureThroughput } from './throughput.ts';

async function part<T>(name: string, run: () => T | Promise<T>): Promise<T | { error: string }> {
  try {
    return await run();
  } catch (error: unknown) {
    console.warn(`[bench] ${name} failed:`, error);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const cases = await part('cases', () => {
  const result = compareOnCases();
  if (result === undefined) return { skipped: `ioc-cases missing: ${fixturesSkipReason}` };
  const summary = (scores: typeof result.magpie): object => ({ ...scores, misses: scores.misses.length });
  return { magpie: summary(result.magpie), iocExtractor: summary(result.iocExtractor) };
});
const reports = await part('reports', () => scoreReports());
const throughput = await part('throughput', () => measureThroughput());

console.info(JSON.stringify({ node: process.version, cases, reports, throughput }, null, 1));

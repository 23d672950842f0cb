/**
 * The long version of the extraction safety tests (npm test runs a short seeded one):
 * adversarial texts at 1, 2 and 4 MB, with the time ratio between sizes (linear ≈ 2), and
 * many seeded damaged PDFs through the Node reader, each read or refused with a
 * DocumentError within its time limit. Prints one JSON object.
 *
 *   node bench/extract/fuzz.ts            (FUZZ_PDFS=200 FUZZ_SEED=1 by default)
 */
import { extractIndicators } from '../../core/extract/index.ts';
import { DocumentError, defaultDocumentLimits } from '../../core/documents/types.ts';
import { createNodePdfReader } from '../../main/documents/nodePdfReader.ts';
import { mutatedPdf } from '../../main/documents/testPdf.ts';

const MB = 1 << 20;
const UNITS = ['a.', '1.1.1.1.', '[.]', 'deadbeef', 'hxxp://', '-', '．', 'a-', 'x@', 'HKLM\\a ', '1:', 'T1059.', ' [ . ] ', 'ab:cd:', 'ｗ．', 'a@b.', '1.1.1.1/'];

function best(text: string): number {
  let fastest = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    extractIndicators([{ page: 1, text }]);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const scaling = UNITS.map((unit) => {
  const [one, two, four] = [1, 2, 4].map((size) => best(repeatTo(unit, size * MB)));
  return { unit, ms1MB: Math.round(one ?? 0), ms2MB: Math.round(two ?? 0), ms4MB: Math.round(four ?? 0), ratio2to1: Number(((two ?? 0) / Math.max(one ?? 1, 1)).toFixed(2)), ratio4to2: Number(((four ?? 0) / Math.max(two ?? 1, 1)).toFixed(2)) };
});

const count = Number(process.env['FUZZ_PDFS'] ?? 200);
const seed = Number(process.env['FUZZ_SEED'] ?? 1);
const readPdf = createNodePdfReader();
const outcomes: Record<string, number> = {};
let slowestMs = 0;
const failures: string[] = [];
for (let index = 0; index < count; index++) {
  const started = performance.now();
  const outcome = await readPdf(mutatedPdf(seed + index), { ...defaultDocumentLimits, msPerPage: 5_000 }).then(
    () => 'read',
    (error: unknown) => (error instanceof DocumentError ? `refused:${error.code}` : 'crashed'),
  );
  if (outcome === 'crashed') failures.push(`seed ${seed + index}`);
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  slowestMs = Math.max(slowestMs, performance.now() - started);
}

console.info(JSON.stringify({ node: process.version, scaling, worstRatio2to1: Math.max(...scaling.map((entry) => entry.ratio2to1)), pdfs: { count, seed, outcomes, slowestMs: Math.round(slowestMs), failures } }, null, 1));

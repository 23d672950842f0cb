/**
 * Streams the MITRE ATT&CK Enterprise bundle (45 MB of JSON, gunzipped on the fly) through
 * readBundle + validation and prints one JSON line per figure: objects, seconds,
 * objects/s, and peak memory against the file size (issue 4: "well under 3×").
 *
 *   npm run bench:stix            (node --expose-gc, so the baseline is measured after a GC)
 *
 * Memory is sampled every 500 objects and at the end: the heap delta is the growth of
 * V8's heap over the baseline; the RSS figures include Node itself.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { readBundle } from '../core/stix/bundle/read.ts';
import { fixturePath, fixturesSkipReason } from '../testkit/fixtures.ts';

const file = fixturePath('mitre-attack', 'enterprise-attack-18.1.stix21-reconstructed.json.gz');
if (!existsSync(file)) {
  console.warn(`[bench] ${file} is missing. ${fixturesSkipReason}`);
  process.exit(0);
}

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const baseline = process.memoryUsage();
let peakHeap = baseline.heapUsed;
let peakRss = baseline.rss;
let bytes = 0;
let objects = 0;
let errors = 0;

function sample(): void {
  const now = process.memoryUsage();
  peakHeap = Math.max(peakHeap, now.heapUsed);
  peakRss = Math.max(peakRss, now.rss);
}

async function* counted(source: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    bytes += chunk.length;
    yield chunk;
  }
}

const started = performance.now();
for await (const event of readBundle(counted(createReadStream(file).pipe(createGunzip())))) {
  if (event.kind !== 'object') continue;
  objects += 1;
  errors += event.issues.filter((issue) => issue.severity === 'error').length;
  if (objects % 500 === 0) sample();
}
sample();
const seconds = (performance.now() - started) / 1000;
const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
const ratio = (n: number) => Math.round((n / bytes) * 100) / 100;

const figures: Record<string, number | string> = {
  file_mb: mb(bytes),
  objects,
  objects_with_errors: errors,
  seconds: Math.round(seconds * 100) / 100,
  objects_per_second: Math.round(objects / seconds),
  peak_heap_delta_mb: mb(peakHeap - baseline.heapUsed),
  peak_heap_delta_to_file_ratio: ratio(peakHeap - baseline.heapUsed),
  peak_rss_mb: mb(peakRss),
  peak_rss_delta_to_file_ratio: ratio(peakRss - baseline.rss),
  peak_rss_to_file_ratio: ratio(peakRss),
  max_rss_mb_os: mb(process.resourceUsage().maxRSS * 1024),
};
for (const [figure, value] of Object.entries(figures)) console.info(JSON.stringify({ bench: 'stixStream', figure, value }));

/**
 * `npm run bench:connectors`: the MISP feed connector's throughput and peak memory, as JSON.
 * The Infoblox sample feed (18 events) is served on 127.0.0.1 as is (1×) and as a generated
 * feed ten times its size (10×, written to a temp folder and removed afterwards); each size
 * is imported RUNS times (BENCH_RUNS, default 3), each run in a fresh child process so its
 * peak RSS and heap are its own. Figures are medians; the ratios say whether throughput
 * holds and memory stays flat as the feed grows (peak memory is bounded by the few event
 * files in flight, misp-feed downloads 4 ahead; `retainedHeapMiB` is what a run keeps).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serveFeedFolder } from '../../main/connectors/misp-feed/testing/feedServer.ts';
import { fixturePath, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { generateFeed } from './generateFeed.ts';
import { measure, type Measurement } from './measure.ts';

const COPIES = 10;
const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? '3'));

if (process.argv[2] === '--measure' && process.argv[3] !== undefined) {
  console.info(JSON.stringify(await measure(process.argv[3])));
  process.exit(0);
}

async function measureInChild(feedUrl: string): Promise<Measurement> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', import.meta.filename, '--measure', feedUrl], { maxBuffer: 16 * 1024 * 1024 });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Measurement;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function series(folder: string): Promise<Record<string, unknown> & { median: Measurement }> {
  const server = await serveFeedFolder(folder);
  try {
    const runs: Measurement[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await measureInChild(server.url));
    const first = runs[0];
    if (first === undefined) throw new Error('no run');
    const pick = (key: keyof Measurement): number => median(runs.map((run) => Number(run[key])));
    const summary: Measurement = {
      ...first,
      seconds: pick('seconds'),
      objectsPerSecond: pick('objectsPerSecond'),
      eventsPerSecond: pick('eventsPerSecond'),
      baselineRssMiB: pick('baselineRssMiB'),
      peakRssMiB: pick('peakRssMiB'),
      peakHeapUsedMiB: pick('peakHeapUsedMiB'),
      retainedHeapMiB: first.retainedHeapMiB === null ? null : pick('retainedHeapMiB'),
    };
    return { median: summary, runs: runs.map(({ seconds, objectsPerSecond, peakRssMiB, peakHeapUsedMiB }) => ({ seconds, objectsPerSecond, peakRssMiB, peakHeapUsedMiB })) };
  } finally {
    await server.close();
  }
}

if (!hasFixture('misp-feed', 'infoblox', 'manifest.json')) {
  console.info(JSON.stringify({ skipped: `misp-feed/infoblox missing: ${fixturesSkipReason}` }));
} else {
  const source = fixturePath('misp-feed', 'infoblox');
  const folder = await mkdtemp(join(tmpdir(), 'magpie-bench-misp-feed-'));
  try {
    const generated = await generateFeed(source, folder, COPIES);
    const one = await series(source);
    const ten = await series(folder);
    const ratio = (key: keyof Measurement): number => Number((Number(ten.median[key]) / Number(one.median[key])).toFixed(2));
    console.info(
      JSON.stringify(
        {
          node: process.version,
          connector: 'misp-feed',
          runsPerSize: RUNS,
          feed1x: { events: one.median.events, source: 'misp-feed/infoblox' },
          feed10x: { events: generated.events, megabytes: Number((generated.bytes / 1024 / 1024).toFixed(1)) },
          '1x': one,
          '10x': ten,
          ratio10xTo1x: {
            objects: ratio('objects'),
            seconds: ratio('seconds'),
            objectsPerSecond: ratio('objectsPerSecond'),
            peakRss: ratio('peakRssMiB'),
            peakHeapUsed: ratio('peakHeapUsedMiB'),
          },
        },
        null,
        1,
      ),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

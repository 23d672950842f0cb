/**
 * One measured run of the MISP feed connector against a feed URL, in a process of its own
 * so its peak memory is its own: the real HTTP client, core/misp conversion, the runtime's
 * emit check (core/stix validation), and a sink that counts what it is given and keeps
 * nothing, so the figures are the connector's and not a growing list's.
 */
import { connector } from '../../main/connectors/misp-feed/index.ts';
import { checkEmitted } from '../../main/connectors/runtime/emitCheck.ts';
import { createHttpClient } from '../../main/services/http/httpClient.ts';
import { parseConfig } from '../../main/connectors/runtime/config.ts';
import type { RunLogger } from '../../main/connectors/types.ts';

export interface Measurement {
  events: number;
  objects: number;
  batches: number;
  seconds: number;
  objectsPerSecond: number;
  eventsPerSecond: number;
  baselineRssMiB: number;
  peakRssMiB: number;
  peakHeapUsedMiB: number;
  /** Heap still in use after the run and a full GC, above the baseline: what the run kept. */
  retainedHeapMiB: number | null;
  summary: string;
}

const MiB = 1024 * 1024;
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

export async function measure(feedUrl: string): Promise<Measurement> {
  const quiet: RunLogger = { debug: () => undefined, info: () => undefined, warn: (message) => console.warn(message), error: (message) => console.error(message) };
  const config = parseConfig(connector, { preset: 'custom', url: feedUrl, importFrom: '1970-01-01' });
  const http = createHttpClient({ retries: 0 });
  let objects = 0;
  let batches = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sample = (): void => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 10);
  const started = performance.now();
  const result = await connector.run({
    config,
    cursor: {},
    http,
    log: quiet,
    now: () => new Date(),
    signal: new AbortController().signal,
    emit: (batch) => {
      objects += checkEmitted(connector.id, batch).length;
      batches += 1;
      sample();
      return Promise.resolve();
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  await http.close();
  gc?.();
  const retained = gc === undefined ? null : round((process.memoryUsage().heapUsed - baseline.heapUsed) / MiB);
  const events = Number(/^([\d,]+) event/.exec(result.summary)?.[1]?.replaceAll(',', '') ?? Number.NaN);
  return {
    events,
    objects,
    batches,
    seconds: round(seconds, 2),
    objectsPerSecond: Math.round(objects / seconds),
    eventsPerSecond: round(events / seconds),
    baselineRssMiB: round(baseline.rss / MiB),
    peakRssMiB: round(peakRss / MiB),
    peakHeapUsedMiB: round(peakHeap / MiB),
    retainedHeapMiB: retained,
    summary: result.summary,
  };
}

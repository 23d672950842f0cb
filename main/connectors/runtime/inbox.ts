/**
 * The durable inbox between connector runs and the knowledge base (DESIGN.md: "Connector
 * output is written to a durable inbox before it is ingested and removed only after the
 * commit"). Layout: `inbox/<connectorId>/<runId>/run.json` (the run's marker: its outcome,
 * the cursor and validators it would leave, the counts delivered so far) and one
 * `<seq>.json` per emitted batch.
 *
 * A batch file is deleted only when the renderer acknowledges that the knowledge base
 * committed it. When the last batch of a succeeded run is acknowledged, `onRunDelivered`
 * commits the run's cursor; a failed run's batches are still delivered (they are valid
 * objects) but its cursor never is. After a crash, leftover batches are served again —
 * ingest is idempotent by STIX id, so nothing is duplicated — and a run that was still
 * going is marked failed.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { JsonObject } from '../../../core/stix/index.ts';
import { isTemporaryName, readJsonFile, writeJsonAtomic } from '../../services/atomicFile.ts';
import { DeliveryCounts } from './stateStore.ts';

export const RunMarker = z.object({
  connectorId: z.string(),
  runId: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  summary: z.string(),
  error: z.string().nullable(),
  /** What the run would leave as cursor; committed only once every batch is delivered. */
  cursor: z.record(z.string(), z.unknown()).nullable(),
  validators: z.record(z.string(), z.object({ etag: z.string().optional(), lastModified: z.string().optional() })),
  delivered: DeliveryCounts,
  /** The connector state's epoch when the run started (main/connectors/runtime/storeBinding.ts); absent in older markers. */
  stateEpoch: z.number().int().nonnegative().optional(),
});
export type RunMarker = z.infer<typeof RunMarker>;

export interface InboxBatch {
  connectorId: string;
  runId: string;
  seq: number;
  objects: JsonObject[];
}

export interface RunFinish {
  status: 'succeeded' | 'failed';
  finishedAt: string;
  summary: string;
  error: string | null;
  cursor: Record<string, unknown> | null;
  validators: RunMarker['validators'];
  stateEpoch: number;
}

export interface Inbox {
  /** Loads what the last session left; runs it cut off are marked failed and returned. */
  recover: () => Promise<RunMarker[]>;
  beginRun: (connectorId: string, runId: string, startedAt: string) => Promise<void>;
  /** Resolves once the batch is on disk; returns its sequence number. */
  writeBatch: (runId: string, objects: JsonObject[]) => Promise<number>;
  finishRun: (runId: string, finish: RunFinish) => Promise<void>;
  /** The oldest batch not yet acknowledged (the same one again until it is). */
  next: () => Promise<InboxBatch | null>;
  ack: (runId: string, seq: number, counts: DeliveryCounts) => Promise<{ remaining: number }>;
  pendingBatches: (connectorId?: string) => number;
}

export interface InboxOptions {
  /** Called once per run when all its batches are delivered, before its folder is removed. */
  onRunDelivered: (marker: RunMarker) => Promise<void>;
  warn?: (message: string) => void;
}

interface RunEntry {
  marker: RunMarker;
  pending: number[];
  nextSeq: number;
}

const BATCH_NAME = /^(\d{6,})\.json$/;
const batchName = (seq: number): string => `${String(seq).padStart(6, '0')}.json`;

export function createInbox(folder: string, options: InboxOptions): Inbox {
  const runs = new Map<string, RunEntry>();
  let queue: Promise<unknown> = Promise.resolve();
  const warn = options.warn ?? (() => undefined);

  /** Inbox changes happen one at a time, so an ack never races a run's completion. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  }

  const runFolder = (marker: Pick<RunMarker, 'connectorId' | 'runId'>): string => join(folder, marker.connectorId, marker.runId);
  const entryOf = (runId: string): RunEntry => {
    const entry = runs.get(runId);
    if (!entry) throw new Error(`No run ${runId} in the inbox.`);
    return entry;
  };
  const saveMarker = (marker: RunMarker): Promise<void> => writeJsonAtomic(join(runFolder(marker), 'run.json'), marker);

  async function completeIfDelivered(entry: RunEntry): Promise<void> {
    if (entry.marker.status === 'running' || entry.pending.length > 0) return;
    await options.onRunDelivered(entry.marker);
    runs.delete(entry.marker.runId);
    await rm(runFolder(entry.marker), { recursive: true, force: true });
  }

  async function loadRun(connectorId: string, runId: string): Promise<RunEntry> {
    const path = join(folder, connectorId, runId);
    const names = await readdir(path);
    for (const name of names.filter(isTemporaryName)) await rm(join(path, name), { force: true });
    const pending = names
      .map((name) => BATCH_NAME.exec(name)?.[1])
      .filter((seq): seq is string => seq !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    const parsed = RunMarker.safeParse(await readJsonFile(join(path, 'run.json')).catch(() => undefined));
    const marker: RunMarker = parsed.success
      ? parsed.data
      : { connectorId, runId, status: 'running', startedAt: '', finishedAt: null, summary: '', error: null, cursor: null, validators: {}, delivered: { created: 0, updated: 0, rejected: 0 } };
    if (!parsed.success) warn(`The inbox marker of run ${runId} (${connectorId}) was missing or damaged; its batches are delivered and the run counted as failed.`);
    return { marker, pending, nextSeq: (pending.at(-1) ?? -1) + 1 };
  }

  return {
    recover: () =>
      serial(async () => {
        await mkdir(folder, { recursive: true });
        const interrupted: RunMarker[] = [];
        for (const connectorId of await readdir(folder)) {
          let runIds: string[];
          try {
            runIds = await readdir(join(folder, connectorId));
          } catch {
            continue;
          }
          for (const runId of runIds.sort()) {
            if (runs.has(runId)) continue;
            const entry = await loadRun(connectorId, runId);
            if (entry.marker.status === 'running') {
              entry.marker = { ...entry.marker, status: 'failed', cursor: null, error: 'Magpie was closed before the run finished.', finishedAt: entry.marker.finishedAt };
              await saveMarker(entry.marker);
              interrupted.push(entry.marker);
            }
            runs.set(runId, entry);
          }
        }
        for (const runId of [...runs.keys()].sort()) {
          const entry = runs.get(runId);
          if (entry) await completeIfDelivered(entry);
        }
        return interrupted;
      }),

    beginRun: (connectorId, runId, startedAt) =>
      serial(async () => {
        const marker: RunMarker = { connectorId, runId, status: 'running', startedAt, finishedAt: null, summary: '', error: null, cursor: null, validators: {}, delivered: { created: 0, updated: 0, rejected: 0 } };
        await saveMarker(marker);
        runs.set(runId, { marker, pending: [], nextSeq: 0 });
      }),

    writeBatch: (runId, objects) =>
      serial(async () => {
        const entry = entryOf(runId);
        const seq = entry.nextSeq;
        entry.nextSeq += 1;
        await writeJsonAtomic(join(runFolder(entry.marker), batchName(seq)), { connectorId: entry.marker.connectorId, runId, seq, objects });
        entry.pending.push(seq);
        return seq;
      }),

    finishRun: (runId, finish) =>
      serial(async () => {
        const entry = entryOf(runId);
        entry.marker = { ...entry.marker, ...finish, cursor: finish.status === 'succeeded' ? finish.cursor : null };
        await saveMarker(entry.marker);
        await completeIfDelivered(entry);
      }),

    next: () =>
      serial(async () => {
        for (const runId of [...runs.keys()].sort()) {
          const entry = runs.get(runId);
          const seq = entry?.pending[0];
          if (!entry || seq === undefined) continue;
          const stored = (await readJsonFile(join(runFolder(entry.marker), batchName(seq)))) as { objects?: unknown } | undefined;
          if (!stored || !Array.isArray(stored.objects)) {
            // A batch file that vanished or cannot be read is skipped so the queue is not stuck.
            warn(`Batch ${String(seq)} of run ${runId} could not be read and was skipped.`);
            entry.pending.shift();
            continue;
          }
          return { connectorId: entry.marker.connectorId, runId, seq, objects: stored.objects as JsonObject[] };
        }
        return null;
      }),

    ack: (runId, seq, counts) =>
      serial(async () => {
        const entry = runs.get(runId);
        // A repeated ack (the renderer retried after a reload) is harmless.
        if (!entry || !entry.pending.includes(seq)) return { remaining: countPending() };
        await rm(join(runFolder(entry.marker), batchName(seq)), { force: true });
        entry.pending = entry.pending.filter((pending) => pending !== seq);
        const { delivered } = entry.marker;
        entry.marker = {
          ...entry.marker,
          delivered: { created: delivered.created + counts.created, updated: delivered.updated + counts.updated, rejected: delivered.rejected + counts.rejected },
        };
        await saveMarker(entry.marker);
        await completeIfDelivered(entry);
        return { remaining: countPending() };
      }),

    pendingBatches: (connectorId) => countPending(connectorId),
  };

  function countPending(connectorId?: string): number {
    let total = 0;
    for (const entry of runs.values()) if (connectorId === undefined || entry.marker.connectorId === connectorId) total += entry.pending.length;
    return total;
  }
}

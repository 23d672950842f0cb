/**
 * The log of each run, kept for the last runs of every connector at
 * `userData/connectors/<id>/runs/<runId>.json`: what the connector logged (secrets already
 * masked by the run's logger), the outcome, and the knowledge base's counts once the
 * objects were ingested. Analysts read it on the Connectors page and paste it into tickets.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isTemporaryName, readJsonFile, writeJsonAtomic } from '../../services/atomicFile.ts';
import { DeliveryCounts, RunOutcome } from './stateStore.ts';

export const KEPT_RUNS = 20;
/** A chatty connector must not grow a run's file without bound. */
export const MAX_ENTRIES_PER_RUN = 2_000;

export const LogEntry = z.object({ at: z.string(), level: z.enum(['debug', 'info', 'warn', 'error']), message: z.string() });

export const RunRecord = RunOutcome.extend({
  connectorId: z.string(),
  batches: z.number().int().nonnegative(),
  /** Filled in as the knowledge base acknowledges batches; null until the first. */
  delivered: DeliveryCounts.nullable(),
  entries: z.array(LogEntry),
  /** Entries left out past MAX_ENTRIES_PER_RUN. */
  droppedEntries: z.number().int().nonnegative(),
});
export type RunRecord = z.infer<typeof RunRecord>;

export interface RunLogStore {
  save: (record: RunRecord) => Promise<void>;
  read: (connectorId: string, runId: string) => Promise<RunRecord | undefined>;
  /** Newest first. */
  list: (connectorId: string) => Promise<RunRecord[]>;
}

/** Run ids start with a UTC timestamp, so their order is the order the runs started. */
export function createRunLogStore(connectorsFolder: string, keep: number = KEPT_RUNS): RunLogStore {
  const folderOf = (connectorId: string): string => join(connectorsFolder, connectorId, 'runs');

  async function runIds(connectorId: string): Promise<string[]> {
    try {
      const names = await readdir(folderOf(connectorId));
      return names
        .filter((name) => name.endsWith('.json') && !isTemporaryName(name))
        .map((name) => name.slice(0, -'.json'.length))
        .sort()
        .reverse();
    } catch {
      return [];
    }
  }

  async function read(connectorId: string, runId: string): Promise<RunRecord | undefined> {
    const parsed = RunRecord.safeParse(await readJsonFile(join(folderOf(connectorId), `${runId}.json`)).catch(() => undefined));
    return parsed.success ? parsed.data : undefined;
  }

  return {
    save: async (record) => {
      const entries = record.entries.slice(0, MAX_ENTRIES_PER_RUN);
      const dropped = record.droppedEntries + record.entries.length - entries.length;
      await writeJsonAtomic(join(folderOf(record.connectorId), `${record.runId}.json`), { ...record, entries, droppedEntries: dropped });
      for (const old of (await runIds(record.connectorId)).slice(keep)) {
        await rm(join(folderOf(record.connectorId), `${old}.json`), { force: true });
      }
    },
    read,
    list: async (connectorId) => {
      const records: RunRecord[] = [];
      for (const runId of await runIds(connectorId)) {
        const record = await read(connectorId, runId);
        if (record) records.push(record);
      }
      return records;
    },
  };
}

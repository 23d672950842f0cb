/**
 * Each connector's persistent state, one JSON file per connector at
 * `userData/connectors/<id>/state.json`, written atomically. Secrets are never in it (they
 * live in the SecretStore); the cursor and HTTP validators here are only ever the ones of
 * a run whose delivery was confirmed.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from '../../services/atomicFile.ts';

const Validators = z.record(z.string(), z.object({ etag: z.string().optional(), lastModified: z.string().optional() }));

export const RunOutcome = z.object({
  runId: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'failed']),
  summary: z.string(),
  error: z.string().nullable(),
  objects: z.number().int().nonnegative(),
});
export type RunOutcome = z.infer<typeof RunOutcome>;

export const DeliveryCounts = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
export type DeliveryCounts = z.infer<typeof DeliveryCounts>;

/** Why the cursor and validators were last cleared; shown on the card until the next delivered run. */
export const StateReset = z.object({ at: z.string(), reason: z.enum(['store-changed', 'import-undone', 'analyst']) });
export type StateReset = z.infer<typeof StateReset>;

export const ConnectorState = z.object({
  enabled: z.boolean(),
  /** Settings without secret fields. */
  config: z.record(z.string(), z.unknown()),
  /** An ISO 8601 duration, or `once` for run-and-terminate. */
  schedule: z.string().nullable(),
  lastRun: RunOutcome.nullable(),
  /** When the last run whose objects all reached the knowledge base finished delivering. */
  lastSuccess: z.object({ runId: z.string(), at: z.string(), summary: z.string(), counts: DeliveryCounts }).nullable(),
  cursor: z.record(z.string(), z.unknown()),
  validators: Validators,
  nextRunAt: z.string().nullable(),
  /**
   * The knowledge base (its store identity) that holds what the cursor and validators say
   * was delivered; null before main first learns it (and in state written before issue 14).
   */
  storeIdentity: z.string().nullable().default(null),
  /** Increased by every reset; a run commits its cursor only if it is unchanged since it started. */
  stateEpoch: z.number().int().nonnegative().default(0),
  reset: StateReset.nullable().default(null),
});
export type ConnectorState = z.infer<typeof ConnectorState>;

export function initialState(): ConnectorState {
  return { enabled: false, config: {}, schedule: null, lastRun: null, lastSuccess: null, cursor: {}, validators: {}, nextRunAt: null, storeIdentity: null, stateEpoch: 0, reset: null };
}

export interface StateStore {
  read: (id: string) => Promise<ConnectorState>;
  /** Applies `change` to the current state and writes it; changes to one connector are serialised. */
  update: (id: string, change: (state: ConnectorState) => ConnectorState) => Promise<ConnectorState>;
}

export function createStateStore(connectorsFolder: string, warn: (message: string) => void = () => undefined): StateStore {
  const cache = new Map<string, ConnectorState>();
  const queues = new Map<string, Promise<unknown>>();
  const pathOf = (id: string): string => join(connectorsFolder, id, 'state.json');

  async function read(id: string): Promise<ConnectorState> {
    const cached = cache.get(id);
    if (cached) return cached;
    let state = initialState();
    try {
      const parsed = ConnectorState.safeParse(await readJsonFile(pathOf(id)));
      if (parsed.success) state = parsed.data;
      else if ((await readJsonFile(pathOf(id))) !== undefined) warn(`The state of connector ${id} could not be read; starting it afresh.`);
    } catch {
      warn(`The state file of connector ${id} is damaged; starting it afresh.`);
    }
    cache.set(id, state);
    return state;
  }

  function update(id: string, change: (state: ConnectorState) => ConnectorState): Promise<ConnectorState> {
    const previous = queues.get(id) ?? Promise.resolve();
    const next = previous.then(async () => {
      const updated = change(await read(id));
      await writeJsonAtomic(pathOf(id), updated);
      cache.set(id, updated);
      return updated;
    });
    queues.set(id, next.catch(() => undefined));
    return next;
  }

  return { read, update };
}

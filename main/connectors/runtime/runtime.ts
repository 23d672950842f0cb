/**
 * The connector host (issue 6; OpenCTI's "the host owns state, scheduling and delivery"):
 * runs import connectors on their schedules or on demand, at most `maxConcurrent` at once,
 * hands each run a logger, an HTTP client and an `emit` that writes to the durable inbox,
 * keeps state and run logs, and commits a run's cursor only once the knowledge base has
 * acknowledged every batch of it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ConnectorSummary, IngestCounts, InboxBatch } from '../../../core/ipc/channels.ts';
import { isImportConnector, type ConnectorDefinition, type ImportConnector } from '../types.ts';
import { parseConfig, secretFields, splitSecrets } from './config.ts';
import { configJsonSchema, configView } from './configForm.ts';
import { checkEmitted } from './emitCheck.ts';
import { ConnectorError } from './errors.ts';
import { createHttpClient, type HttpClientOptions } from '../../services/http/httpClient.ts';
import { createInbox, type RunFinish, type RunMarker } from './inbox.ts';
import { createCollectingLogger, type LogEntry } from '../../services/logger.ts';
import { redactSecrets } from '../../services/redact.ts';
import { createRunLogStore, type RunRecord } from './runLog.ts';
import { createScheduler, RUN_ONCE, nextRunAt, scheduleProblem, type Timers, type Trigger } from './schedule.ts';
import type { SecretStore } from '../../services/secretStore.ts';
import { readConnectorSecrets, saveConnectorSecrets } from './connectorSecrets.ts';
import { createStateStore, type RunOutcome } from './stateStore.ts';
import { commitRun, createStoreFollower, type ResetReason } from './storeBinding.ts';
import { createStagingValidatorStore } from '../../services/http/validators.ts';

export interface RuntimeLog {
  warn: (message: string, detail?: unknown) => void;
  error: (message: string, detail?: unknown) => void;
}

export interface ConnectorRuntimeOptions {
  /** The profile folder: state under `connectors/`, batches under `inbox/`. */
  userData: string;
  /** Only the import connectors are hosted; enrichment ones belong to main/enrichment. */
  connectors: readonly ConnectorDefinition[];
  secrets: SecretStore;
  onChange?: (summary: ConnectorSummary) => void;
  onInboxReady?: (pending: number) => void;
  now?: () => Date;
  maxConcurrent?: number;
  timers?: Timers;
  /** Proxy, retries, timeouts… for every run's HTTP client. */
  http?: Omit<HttpClientOptions, 'validators' | 'signal' | 'log' | 'now'>;
  log?: RuntimeLog;
}

export interface ConnectorRuntime {
  /** Recovers the inbox and plans enabled connectors; other methods wait for it. */
  start: () => Promise<void>;
  list: () => Promise<ConnectorSummary[]>;
  summary: (id: string) => Promise<ConnectorSummary>;
  configure: (id: string, config: Record<string, unknown>, schedule: string) => Promise<ConnectorSummary>;
  setEnabled: (id: string, enabled: boolean) => Promise<ConnectorSummary>;
  /** Queues a run; `queued: false` when one is already running or waiting. */
  runNow: (id: string) => Promise<{ queued: boolean }>;
  logs: (id: string, runId?: string) => Promise<RunRecord[]>;
  inboxNext: () => Promise<InboxBatch | null>;
  inboxAck: (runId: string, seq: number, counts: IngestCounts) => Promise<{ remaining: number }>;
  /**
   * The knowledge base's identity, told by the renderer when it opens and whenever it
   * changes, with the connectors whose objects it holds; returns the connectors reset.
   */
  followStore: (identity: string, holding: readonly string[]) => Promise<{ reset: string[] }>;
  /** Clears a connector's cursor and validators: its next run fetches everything again. */
  resetState: (id: string, reason: Exclude<ResetReason, 'store-changed'>) => Promise<ConnectorSummary>;
  /** Resolves when no run is going or waiting. */
  idle: () => Promise<void>;
  /** Stops timers and cancels running runs (they end as failed, their cursor untouched). */
  stop: () => Promise<void>;
}

export function makeRunId(at: Date, random: string = randomBytes(3).toString('hex')): string {
  return `${at.toISOString().replace(/[-:.]/g, '')}-${random}`;
}

const silent: RuntimeLog = { warn: () => undefined, error: () => undefined };

export function createConnectorRuntime(options: ConnectorRuntimeOptions): ConnectorRuntime {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? silent;
  const connectorsFolder = join(options.userData, 'connectors');
  // Enrichment connectors have no schedule or inbox: the enrichment service runs them.
  const hosted = options.connectors.filter(isImportConnector);
  const byId = new Map(hosted.map((connector) => [connector.id, connector]));
  const states = createStateStore(connectorsFolder, (message) => log.warn(message));
  const runLogs = createRunLogStore(connectorsFolder);
  const active = new Map<string, AbortController>();
  const inbox = createInbox(join(options.userData, 'inbox'), { onRunDelivered, warn: (message) => log.warn(message) });
  const scheduler = createScheduler({
    run: executeRun,
    now,
    ...(options.maxConcurrent === undefined ? {} : { maxConcurrent: options.maxConcurrent }),
    ...(options.timers ? { timers: options.timers } : {}),
    onError: (id, error) => log.error(`Connector ${id} could not be run`, error),
  });
  let started: Promise<void> | undefined;
  const store = createStoreFollower({ states, connectors: hosted, now, onReset: (id) => notify(id), log });

  function connectorOf(id: string): ImportConnector {
    const connector = byId.get(id);
    if (!connector) throw new ConnectorError('unknown-connector', `There is no connector "${id}".`);
    return connector;
  }

  function secretsOf(connector: ConnectorDefinition): Promise<Record<string, string>> {
    return readConnectorSecrets(options.secrets, connector);
  }

  async function summary(id: string): Promise<ConnectorSummary> {
    const connector = connectorOf(id);
    const state = await states.read(id);
    const secrets = await secretsOf(connector);
    // `active` (not the scheduler's own flag) ends with the run's body, so the summary sent
    // at the end of a run already says it stopped; the scheduler lets go only afterwards.
    const busy = active.has(id) || scheduler.isWaiting(id);
    const status = busy ? 'running' : state.lastRun?.status === 'failed' ? 'failed' : state.enabled && state.nextRunAt !== null ? 'scheduled' : 'idle';
    return {
      id,
      kind: connector.kind,
      name: connector.name,
      description: connector.description,
      configSchema: configJsonSchema(connector),
      config: configView(connector, state.config, new Set(Object.keys(secrets))),
      enabled: state.enabled,
      schedule: state.schedule ?? connector.defaultSchedule,
      defaultSchedule: connector.defaultSchedule,
      status,
      nextRunAt: state.enabled ? state.nextRunAt : null,
      lastRun: state.lastRun,
      lastSuccess: state.lastSuccess,
      stateReset: state.reset,
      pendingBatches: inbox.pendingBatches(id),
      secretsPersistent: options.secrets.persistent,
    };
  }

  function notify(id: string): void {
    if (!options.onChange) return;
    summary(id).then(options.onChange, (error: unknown) => log.warn(`Could not report the state of connector ${id}`, error));
  }

  async function reschedule(id: string): Promise<void> {
    const connector = connectorOf(id);
    const state = await states.read(id);
    const schedule = state.schedule ?? connector.defaultSchedule;
    const at = !state.enabled ? null : schedule === RUN_ONCE ? now() : nextRunAt(schedule, state.lastRun?.startedAt ?? null, now());
    await states.update(id, (current) => ({ ...current, nextRunAt: at?.toISOString() ?? null }));
    scheduler.plan(id, at);
  }

  async function saveRunRecord(id: string, outcome: RunOutcome, entries: LogEntry[], batches: number): Promise<void> {
    const previous = await runLogs.read(id, outcome.runId);
    await runLogs.save({ ...outcome, connectorId: id, batches, delivered: previous?.delivered ?? null, entries, droppedEntries: 0 });
  }

  async function executeRun(id: string, trigger: Trigger): Promise<void> {
    const connector = connectorOf(id);
    const state = await states.read(id);
    const secrets = await secretsOf(connector);
    const startedAt = now();
    const runId = makeRunId(startedAt);
    const controller = new AbortController();
    active.set(id, controller);
    const { logger, entries } = createCollectingLogger({ secrets: Object.values(secrets), now });
    let outcome: RunOutcome = { runId, trigger, startedAt: startedAt.toISOString(), finishedAt: null, status: 'running', summary: '', error: null, objects: 0 };
    let batches = 0;
    await inbox.beginRun(id, runId, outcome.startedAt);
    await states.update(id, (current) => ({ ...current, lastRun: outcome, nextRunAt: null }));
    // Written now so a crash mid-run still leaves a record, which the next start marks failed.
    await saveRunRecord(id, outcome, entries, 0);
    notify(id);

    const validators = createStagingValidatorStore(state.validators);
    const http = createHttpClient({ ...options.http, validators, signal: controller.signal, log: logger, now });
    let finish: RunFinish;
    try {
      const config = parseConfig(connector, { ...state.config, ...secrets });
      logger.info(`${connector.name}: run started (${trigger === 'manual' ? 'run now' : 'scheduled'}).`);
      const result = await connector.run({
        config,
        cursor: state.cursor,
        http,
        log: logger,
        now,
        signal: controller.signal,
        emit: async (objects) => {
          if (controller.signal.aborted) throw new ConnectorError('interrupted', 'The run was cancelled.');
          const checked = checkEmitted(id, objects);
          if (checked.length === 0) return;
          await inbox.writeBatch(runId, checked);
          batches += 1;
          outcome = { ...outcome, objects: outcome.objects + checked.length };
          options.onInboxReady?.(inbox.pendingBatches());
        },
      });
      logger.info(`Run finished: ${result.summary}`);
      finish = { status: 'succeeded', finishedAt: now().toISOString(), summary: result.summary, error: null, cursor: result.cursor, validators: validators.staged(), stateEpoch: state.stateEpoch };
    } catch (error) {
      const message = redactSecrets(controller.signal.aborted ? 'The run was cancelled (Magpie is closing).' : errorMessage(error), Object.values(secrets));
      logger.error(message);
      const done = outcome.objects === 0 ? 'nothing delivered' : `${String(outcome.objects)} objects kept for delivery`;
      finish = { status: 'failed', finishedAt: now().toISOString(), summary: `Failed (${done})`, error: message, cursor: null, validators: {}, stateEpoch: state.stateEpoch };
    } finally {
      active.delete(id);
      await http.close().catch(() => undefined);
    }

    outcome = { ...outcome, status: finish.status, finishedAt: finish.finishedAt, summary: finish.summary, error: finish.error };
    const switchOff = (state.schedule ?? connector.defaultSchedule) === RUN_ONCE;
    await states.update(id, (current) => ({ ...current, lastRun: outcome, enabled: switchOff ? false : current.enabled }));
    await saveRunRecord(id, outcome, entries, batches);
    // May complete the run at once (nothing emitted): state and log must be written first.
    await inbox.finishRun(runId, finish);
    await reschedule(id);
    notify(id);
  }

  async function onRunDelivered(marker: RunMarker): Promise<void> {
    const id = marker.connectorId;
    if (!byId.has(id)) return;
    if (marker.status === 'succeeded' && marker.cursor !== null) {
      const cursor = marker.cursor;
      await states.update(id, (state) => commitRun(state, marker, cursor, now().toISOString(), store.identity()));
    }
    const record = await runLogs.read(id, marker.runId);
    if (record) {
      const failed = record.status === 'running' && marker.status === 'failed';
      await runLogs.save({
        ...record,
        delivered: marker.delivered,
        ...(failed ? { status: 'failed' as const, error: marker.error, summary: 'Interrupted' } : {}),
      });
    }
    notify(id);
  }

  async function recover(): Promise<void> {
    await options.secrets.ready();
    const interrupted = await inbox.recover();
    for (const connector of hosted) {
      const state = await states.read(connector.id);
      const cut = state.lastRun?.status === 'running' ? state.lastRun : undefined;
      if (cut) {
        const error = interrupted.find((marker) => marker.runId === cut.runId)?.error ?? 'Magpie was closed before the run finished.';
        const failed: RunOutcome = { ...cut, status: 'failed', error, summary: 'Interrupted' };
        await states.update(connector.id, (current) => ({ ...current, lastRun: failed }));
        const record = await runLogs.read(connector.id, cut.runId);
        if (record?.status === 'running') await runLogs.save({ ...record, ...failed });
      }
      await reschedule(connector.id);
    }
    const pending = inbox.pendingBatches();
    if (pending > 0) options.onInboxReady?.(pending);
  }

  const ready = (): Promise<void> => (started ??= recover());

  return {
    start: ready,
    list: async () => {
      await ready();
      return Promise.all(hosted.map((connector) => summary(connector.id)));
    },
    summary: async (id) => {
      await ready();
      return summary(id);
    },
    configure: async (id, input, schedule) => {
      await ready();
      const connector = connectorOf(id);
      const problem = scheduleProblem(schedule);
      if (problem !== null) throw new ConnectorError('invalid-config', problem);
      const stored = await secretsOf(connector);
      const secretNames = secretFields(connector);
      const given = Object.fromEntries(Object.entries(input).filter(([name]) => !secretNames.includes(name) || typeof input[name] === 'string'));
      const effective = { ...stored, ...given };
      for (const name of secretNames) if (effective[name] === '') Reflect.deleteProperty(effective, name);
      const { plain, secrets } = splitSecrets(connector, parseConfig(connector, effective));
      await saveConnectorSecrets(options.secrets, connector, secrets, stored);
      await states.update(id, (state) => ({ ...state, config: plain, schedule }));
      await reschedule(id);
      notify(id);
      return summary(id);
    },
    setEnabled: async (id, enabled) => {
      await ready();
      connectorOf(id);
      await states.update(id, (state) => ({ ...state, enabled }));
      await reschedule(id);
      notify(id);
      return summary(id);
    },
    runNow: async (id) => {
      await ready();
      const connector = connectorOf(id);
      // Refuse bad settings here, where the analyst clicked, rather than in a failed run.
      parseConfig(connector, { ...(await states.read(id)).config, ...(await secretsOf(connector)) });
      const queued = scheduler.request(id, 'manual');
      notify(id);
      return { queued };
    },
    logs: async (id, runId) => {
      await ready();
      connectorOf(id);
      if (runId === undefined) return runLogs.list(id);
      const record = await runLogs.read(id, runId);
      return record ? [record] : [];
    },
    inboxNext: async () => {
      await ready();
      return inbox.next();
    },
    inboxAck: async (runId, seq, counts) => {
      await ready();
      return inbox.ack(runId, seq, counts);
    },
    followStore: async (identity, holding) => {
      await ready();
      return store.follow(identity, holding);
    },
    resetState: async (id, reason) => {
      await ready();
      connectorOf(id);
      await store.reset(id, reason);
      return summary(id);
    },
    idle: () => scheduler.idle(),
    stop: async () => {
      scheduler.stop();
      for (const controller of active.values()) controller.abort();
      await scheduler.idle();
    },
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

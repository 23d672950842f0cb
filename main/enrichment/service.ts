/**
 * The enrichment host (issue 8, OpenCTI's internal-enrichment connectors): runs one
 * connector on one observable when the analyst asks (or, through `shouldAutoEnrich`, when
 * one is added), and owns what a connector must not decide for itself — whether it is on,
 * the TLP gate before anything is sent, the provider's quota, the 24-hour cache, settings
 * and secrets. It never throws for an expected outcome: the caller gets `done`, `refused`
 * (with what to do) or `failed`.
 */
import { join } from 'node:path';
import type { ConnectorSummary } from '../../core/ipc/channels.ts';
import { compareTlp, hasErrors, validateObject, type JsonObject } from '../../core/stix/index.ts';
import { HttpError } from '../services/http/httpError.ts';
import { parseConfig, secretFields, splitSecrets } from '../connectors/runtime/config.ts';
import { configJsonSchema, configView } from '../connectors/runtime/configForm.ts';
import { readConnectorSecrets, saveConnectorSecrets } from '../connectors/runtime/connectorSecrets.ts';
import { ConnectorError } from '../connectors/runtime/errors.ts';
import { createHttpClient, type HttpClientOptions } from '../services/http/httpClient.ts';
import { redactSecrets } from '../services/redact.ts';
import type { SecretStore } from '../services/secretStore.ts';
import type { EnrichmentConnector, RunLogger } from '../connectors/types.ts';
import { createResponseCache, type CacheOptions } from './cache.ts';
import { createMeteredHttp, QuotaRefusal } from './meteredHttp.ts';
import { createSettingsStore, effective, SettingsInput, type EffectiveSettings } from './settings.ts';
import { observableTlp, tlpName } from './tlp.ts';
import { createUsageLedger } from './usage.ts';

export type RefusalReason = 'tlp' | 'scope' | 'quota' | 'no-key' | 'disabled';

export type EnrichmentOutcome =
  | { status: 'done'; objects: JsonObject[]; warnings: string[]; summary: string; cached: boolean }
  | { status: 'refused'; reason: RefusalReason; message: string }
  | { status: 'failed'; message: string };

export interface EnrichOptions {
  /** `auto` lookups count against the connector's daily automatic allowance. */
  trigger?: 'manual' | 'auto';
  /** Cancels the lookup (the analyst closed the panel). */
  signal?: AbortSignal;
}

export interface EnrichmentLog {
  warn: (message: string, detail?: unknown) => void;
  error: (message: string, detail?: unknown) => void;
}

export interface EnrichmentServiceOptions {
  /** The profile folder: everything goes under `enrichment/`. */
  userData: string;
  connectors: readonly EnrichmentConnector[];
  secrets: SecretStore;
  now?: () => Date;
  /** Proxy, retries, timeouts for the connectors' HTTP client; the defaults bound a lookup to about two minutes. */
  http?: Omit<HttpClientOptions, 'validators' | 'signal' | 'log' | 'now'>;
  log?: EnrichmentLog;
  /** The longest one lookup may take, retries and quota waits included. */
  deadlineMs?: number;
  cache?: CacheOptions;
}

export interface EnrichmentService {
  list: () => Promise<ConnectorSummary[]>;
  summary: (id: string) => Promise<ConnectorSummary>;
  /** Changes settings; `config` secrets given as '' are removed, left out are kept. */
  configure: (id: string, input: SettingsInput) => Promise<ConnectorSummary>;
  enrich: (connectorId: string, observable: JsonObject, markingDefinitions?: readonly JsonObject[], options?: EnrichOptions) => Promise<EnrichmentOutcome>;
  /** Whether an observable just added should be sent to this connector automatically. */
  shouldAutoEnrich: (connectorId: string, observable: JsonObject, markingDefinitions?: readonly JsonObject[]) => Promise<boolean>;
  /** Cancels running lookups (Magpie is closing). */
  stop: () => void;
}

/**
 * Retries on 429 and 5xx honour Retry-After up to 30 s; with the deadline this keeps one
 * lookup from hanging the panel for more than two minutes.
 */
export const ENRICHMENT_HTTP: Omit<HttpClientOptions, 'signal' | 'log' | 'now'> = {
  retries: 2,
  baseDelayMs: 2_000,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 30_000,
  defaultTimeoutMs: 30_000,
};
export const ENRICHMENT_DEADLINE_MS = 120_000;

const silent: EnrichmentLog = { warn: () => undefined, error: () => undefined };

function refused(reason: RefusalReason, message: string): EnrichmentOutcome {
  return { status: 'refused', reason, message };
}

function when(at: Date, now: Date): string {
  const seconds = Math.ceil((at.getTime() - now.getTime()) / 1000);
  return seconds <= 90 ? `in ${String(Math.max(1, seconds))} s` : `at ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function createEnrichmentService(options: EnrichmentServiceOptions): EnrichmentService {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? silent;
  const folder = join(options.userData, 'enrichment');
  const byId = new Map(options.connectors.map((connector) => [connector.id, connector]));
  const settings = createSettingsStore(join(folder, 'connectors'), (message) => log.warn(message));
  const usage = createUsageLedger(join(folder, 'usage.json'), now, (message) => log.warn(message));
  const cache = createResponseCache(join(folder, 'cache'), now, options.cache);
  const stopping = new AbortController();

  function connectorOf(id: string): EnrichmentConnector {
    const connector = byId.get(id);
    if (!connector) throw new ConnectorError('unknown-connector', `There is no enrichment connector "${id}".`);
    return connector;
  }

  function secretsOf(connector: EnrichmentConnector): Promise<Record<string, string>> {
    return readConnectorSecrets(options.secrets, connector);
  }

  async function settingsOf(connector: EnrichmentConnector): Promise<EffectiveSettings> {
    return effective(connector, await settings.read(connector.id));
  }

  async function summary(id: string): Promise<ConnectorSummary> {
    const connector = connectorOf(id);
    const current = await settingsOf(connector);
    const secrets = await secretsOf(connector);
    const used = await usage.read(id);
    return {
      id, kind: connector.kind, name: connector.name, description: connector.description,
      configSchema: configJsonSchema(connector),
      config: configView(connector, current.config, new Set(Object.keys(secrets))),
      enabled: current.enabled,
      // Enrichment runs on demand: no schedule, runs or inbox.
      schedule: '', defaultSchedule: '', status: 'idle', nextRunAt: null, lastRun: null, lastSuccess: null, pendingBatches: 0,
      secretsPersistent: options.secrets.persistent,
      enrichment: {
        scope: [...connector.scope], network: connector.network, maxTlp: current.maxTlp, quota: current.quota,
        autoEnrich: current.autoEnrich, autoDailyQuota: current.autoDailyQuota,
        usage: { day: used.day, requests: used.requests, autoEnrichments: used.autoEnrichments },
      },
    };
  }

  /** The checks that need no request, in the order the analyst should fix them. */
  async function gate(connector: EnrichmentConnector, current: EffectiveSettings, observable: JsonObject, markings: readonly JsonObject[]): Promise<EnrichmentOutcome | undefined> {
    if (!current.enabled) return refused('disabled', `${connector.name} is switched off. Switch it on in Connectors to enrich with it.`);
    const type = observable['type'];
    if (typeof type !== 'string' || !connector.scope.includes(type) || typeof observable['id'] !== 'string') {
      return refused('scope', `${connector.name} enriches ${connector.scope.join(', ')} observables, not ${String(type)}. Choose another connector for it.`);
    }
    const level = observableTlp(observable, markings);
    if (connector.network && compareTlp(level, current.maxTlp) > 0) {
      return refused('tlp', `This observable is ${tlpName(level)} and ${connector.name} accepts at most ${tlpName(current.maxTlp)}, so nothing was sent. ` +
        `Raise the limit in ${connector.name}'s settings only if ${tlpName(level)} allows sharing with it.`);
    }
    const secrets = await secretsOf(connector);
    const missing = secretFields(connector).filter((field) => secrets[field] === undefined);
    if (missing.length > 0 && !connector.config.safeParse({ ...current.config, ...secrets }).success) {
      return refused('no-key', `${connector.name} needs an API key. Enter it in ${connector.name}'s settings on the Connectors page.`);
    }
    return undefined;
  }

  async function autoAllowanceLeft(connector: EnrichmentConnector, current: EffectiveSettings): Promise<boolean> {
    const used = await usage.read(connector.id);
    if (used.autoEnrichments >= current.autoDailyQuota) return false;
    return current.quota === null || used.requests < current.quota.perDay;
  }

  function failure(connector: EnrichmentConnector, error: unknown, signals: { caller?: AbortSignal; deadline: AbortSignal }, secrets: readonly string[]): EnrichmentOutcome {
    if (error instanceof QuotaRefusal) {
      const window = error.window === 'day' ? `its daily quota (${connector.name} counts UTC days)` : 'its per-minute quota';
      return refused('quota', `${connector.name} has used ${window}; it resets ${when(error.resetsAt, now())}. Try again then, or raise the quota in its settings if your API plan allows more.`);
    }
    if (error instanceof HttpError && error.status === 429) {
      return refused('quota', `${connector.name} refused the request: the API key's quota is used up (HTTP 429). Try again later; VirusTotal's public API allows 4 lookups a minute and 500 a day.`);
    }
    if (signals.caller?.aborted === true) return { status: 'failed', message: 'The enrichment was cancelled.' };
    if (stopping.signal.aborted) return { status: 'failed', message: 'The enrichment was cancelled because Magpie is closing.' };
    if (signals.deadline.aborted) return { status: 'failed', message: `${connector.name} did not finish within ${String(Math.round((options.deadlineMs ?? ENRICHMENT_DEADLINE_MS) / 1000))} s. Try again later.` };
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'failed', message: redactSecrets(`${connector.name}: ${message}`, secrets) };
  }

  /** Keeps valid objects, the connector's identity first. */
  function finished(connector: EnrichmentConnector, objects: readonly JsonObject[], warnings: string[]): JsonObject[] {
    const kept: JsonObject[] = [connector.identity];
    const seen = new Set([String(connector.identity['id'])]);
    for (const object of objects) {
      const id = String(object['id']);
      if (seen.has(id)) continue;
      if (hasErrors(validateObject(object))) {
        warnings.push(`Left out ${id}: it is not valid STIX 2.1.`);
        continue;
      }
      seen.add(id);
      kept.push(object);
    }
    return kept;
  }

  async function enrich(connectorId: string, observable: JsonObject, markings: readonly JsonObject[] = [], enrichOptions: EnrichOptions = {}): Promise<EnrichmentOutcome> {
    const connector = byId.get(connectorId);
    if (!connector) return { status: 'failed', message: `There is no enrichment connector "${connectorId}".` };
    const current = await settingsOf(connector);
    const blocked = await gate(connector, current, observable, markings);
    if (blocked) return blocked;
    const auto = enrichOptions.trigger === 'auto';
    if (auto && !(await autoAllowanceLeft(connector, current))) {
      return refused('quota', `${connector.name} has used today's allowance of ${String(current.autoDailyQuota)} automatic lookups. Enrich by hand, or raise the allowance in its settings.`);
    }
    const secrets = await secretsOf(connector);
    let config: Record<string, unknown>;
    try {
      config = parseConfig(connector, { ...current.config, ...secrets });
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    const deadline = AbortSignal.timeout(options.deadlineMs ?? ENRICHMENT_DEADLINE_MS);
    const signal = AbortSignal.any([deadline, stopping.signal, ...(enrichOptions.signal ? [enrichOptions.signal] : [])]);
    const logger: RunLogger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (message) => log.warn(redactSecrets(`${connector.name}: ${message}`, Object.values(secrets))),
      error: (message) => log.error(redactSecrets(`${connector.name}: ${message}`, Object.values(secrets))),
    };
    let base: ReturnType<typeof createHttpClient> | undefined;
    const http = createMeteredHttp({
      connectorId,
      base: (beforeAttempt) => (base = createHttpClient({ ...ENRICHMENT_HTTP, ...options.http, signal, log: logger, now, beforeAttempt })),
      cache,
      usage,
      quota: connector.network ? current.quota : null,
      now,
      signal,
    });
    try {
      const result = await connector.enrich({ observable, config, http, log: logger, now, signal, identity: connector.identity });
      const warnings = [...result.warnings];
      const objects = finished(connector, result.objects, warnings);
      if (auto && http.sent > 0) await usage.recordAuto(connectorId);
      return { status: 'done', objects, warnings, summary: result.summary, cached: connector.network && http.sent === 0 };
    } catch (error) {
      return failure(connector, error, { ...(enrichOptions.signal ? { caller: enrichOptions.signal } : {}), deadline }, Object.values(secrets));
    } finally {
      await base?.close().catch(() => undefined);
    }
  }

  return {
    list: () => Promise.all(options.connectors.map((connector) => summary(connector.id))),
    summary,
    configure: async (id, input) => {
      const connector = connectorOf(id);
      const parsed = SettingsInput.safeParse(input);
      if (!parsed.success) throw new ConnectorError('invalid-config', `The settings of ${connector.name} are not valid: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.`);
      const { config: given, ...rest } = parsed.data;
      if (given !== undefined) {
        // The same rules as the import runtime: secrets to the SecretStore, '' removes one.
        const stored = await secretsOf(connector);
        const secretNames = secretFields(connector);
        const kept = Object.fromEntries(Object.entries(given).filter(([name]) => !secretNames.includes(name) || typeof given[name] === 'string'));
        const merged = { ...stored, ...kept };
        for (const name of secretNames) if (merged[name] === '') Reflect.deleteProperty(merged, name);
        // A connector may be set up before its key is given: only the plain fields must parse then.
        const check = connector.config.safeParse(merged);
        const values = (check.success ? check.data : parseConfig({ ...connector, config: connector.config.partial() }, merged)) as Record<string, unknown>;
        const { plain, secrets } = splitSecrets(connector, values);
        await saveConnectorSecrets(options.secrets, connector, secrets, stored);
        await settings.update(id, (state) => ({ ...state, config: plain }));
      }
      await settings.update(id, (state) => ({ ...state, ...rest }));
      return summary(id);
    },
    enrich,
    shouldAutoEnrich: async (connectorId, observable, markings = []) => {
      const connector = byId.get(connectorId);
      if (!connector) return false;
      const current = await settingsOf(connector);
      if (!current.autoEnrich) return false;
      if ((await gate(connector, current, observable, markings)) !== undefined) return false;
      return autoAllowanceLeft(connector, current);
    },
    stop: () => stopping.abort(),
  };
}

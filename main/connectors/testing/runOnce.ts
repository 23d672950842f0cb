/**
 * Runs one import connector once, outside the app: settings checked against its schema
 * (defaults applied), a real HTTP client, emitted objects collected in memory and each
 * checked with core/stix's validator. `magpie connector run` and the connectors' own tests
 * use it; nothing is stored and no cursor is kept.
 */
import type { z } from 'zod';
import type { JsonObject } from '../../../core/stix/index.ts';
import type { HttpClient, ImportConnector, ImportRunResult } from '../types.ts';
import { parseConfig, secretFields } from '../runtime/config.ts';
import { checkEmitted } from '../runtime/emitCheck.ts';
import { createHttpClient, type HttpClientOptions } from '../../services/http/httpClient.ts';
import { createCollectingLogger, type LogEntry } from '../../services/logger.ts';
import { createStagingValidatorStore, type ValidatorMap } from '../../services/http/validators.ts';

export interface RunOnceOptions<Schema extends z.ZodObject> {
  /** Settings as a user would give them; the schema's defaults fill the rest. */
  config?: Partial<z.input<Schema>>;
  cursor?: Record<string, unknown>;
  /** A client to use instead of a fresh one (e.g. with a short timeout or no retries). */
  http?: HttpClient;
  /** Options for the fresh client when `http` is not given. */
  httpOptions?: HttpClientOptions;
  /** Validators from an earlier run, for conditional GETs. */
  validators?: ValidatorMap;
  now?: () => Date;
  signal?: AbortSignal;
  /** Called with each log entry as it is written (the CLI prints them). */
  onLog?: (entry: LogEntry) => void;
}

export interface RunOnceOutcome {
  objects: JsonObject[];
  /** The number of `emit` calls, i.e. batches. */
  batches: number;
  result: ImportRunResult;
  log: LogEntry[];
  /** ETag / Last-Modified seen during the run, keyed by URL. */
  validators: ValidatorMap;
}

export async function runImportOnce<Schema extends z.ZodObject>(connector: ImportConnector<Schema>, options: RunOnceOptions<Schema> = {}): Promise<RunOnceOutcome> {
  const config = parseConfig(connector, options.config ?? {});
  const configRecord = config as Record<string, unknown>;
  const secrets = secretFields(connector)
    .map((name) => configRecord[name])
    .filter((value): value is string => typeof value === 'string');
  const now = options.now ?? (() => new Date());
  const { logger, entries } = createCollectingLogger({ secrets, now, ...(options.onLog ? { onEntry: options.onLog } : {}) });
  const signal = options.signal ?? new AbortController().signal;
  const validators = createStagingValidatorStore(options.validators ?? {});
  const ownClient = options.http ? null : createHttpClient({ ...options.httpOptions, validators, signal, log: logger, now });
  const http = options.http ?? ownClient;
  if (http === null) throw new Error('unreachable: no HTTP client');

  const objects: JsonObject[] = [];
  let batches = 0;
  try {
    const result = await connector.run({
      config,
      cursor: options.cursor ?? {},
      http,
      log: logger,
      now,
      signal,
      emit: (batch) => {
        objects.push(...checkEmitted(connector.id, batch));
        batches += 1;
        return Promise.resolve();
      },
    });
    return { objects, batches, result, log: entries, validators: validators.staged() };
  } finally {
    await ownClient?.close();
  }
}

/**
 * The one IPC contract between main and the renderer (DESIGN.md, "Processes and folders").
 *
 * Every request channel names its request schema and its response schema; every event
 * channel (main → renderer) names its payload schema. main validates each request against
 * this map before a handler sees it, preload exposes only these channel names, and the
 * renderer's types are derived from here. Channel names are written nowhere else.
 */
import { z } from 'zod';
import { backupEventChannels, backupRequestChannels } from './backupChannels.ts';
import { kbServeEventChannels, kbServeRequestChannels } from './kbServeChannels.ts';
import { taxiiServeRequestChannels } from './taxiiServeChannels.ts';
import { streamEventChannels, streamRequestChannels } from './streamChannels.ts';
import { taxiiPublishRequestChannels } from './taxiiPublishChannels.ts';

export const Language = z.enum(['system', 'en', 'ja']);
export type Language = z.infer<typeof Language>;

export const ThemePreference = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof ThemePreference>;

export const Settings = z
  .object({
    language: Language,
    theme: ThemePreference,
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Name at least one setting to change.' });
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const AppInfo = z
  .object({
    name: z.string(),
    version: z.string(),
    platform: z.string(),
    /** `electron` in the packaged app, `harness` when the renderer runs in plain Chromium. */
    runtime: z.enum(['electron', 'harness']),
    versions: z.object({
      electron: z.string().nullable(),
      chrome: z.string().nullable(),
      node: z.string(),
    }),
  })
  .strict();
export type AppInfo = z.infer<typeof AppInfo>;

/** Only web links leave the app, and only to the OS browser. */
export const ExternalUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const { protocol, username, password } = new URL(value);
      return (protocol === 'https:' || protocol === 'http:') && username === '' && password === '';
    } catch {
      return false;
    }
  }, 'Only http(s) links without credentials can be opened.');

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) < 32) return true;
  return false;
}

/** A file name offered in the save dialog: no folders, nothing a file system would refuse. */
export const SuggestedFileName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && !hasControlCharacter(name), 'A file name without folders or reserved characters.');

/** Exports travel as text; the largest bundle Magpie writes in one piece. */
export const MAX_SAVED_FILE_CHARS = 512 * 1024 * 1024;

/** A file inside a folder main writes (a MISP feed's manifest.json, <uuid>.json): a plain name, never a path. */
export const FolderFileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'A plain file name: letters, digits, dots, dashes, underscores.');

const NoPayload = z.undefined();

/* Connectors (issue 6): main runs them; the renderer configures them and drains the inbox. */

export const ConnectorId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'A connector id: lower-case letters, digits and dashes.');
export const RunId = z.string().regex(/^[0-9]{8}T[0-9]{9}Z-[0-9a-f]{6}$/, 'A run id.');

/** What the knowledge base did with a batch: counted per object. */
export const IngestCounts = z
  .object({ created: z.number().int().nonnegative(), updated: z.number().int().nonnegative(), rejected: z.number().int().nonnegative() })
  .strict();
export type IngestCounts = z.infer<typeof IngestCounts>;

export const ConnectorRunStatus = z.enum(['running', 'succeeded', 'failed']);

export const ConnectorRunOutcome = z
  .object({
    runId: RunId,
    trigger: z.enum(['schedule', 'manual']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    status: ConnectorRunStatus,
    summary: z.string(),
    error: z.string().nullable(),
    /** Objects emitted by the run (all written to the inbox). */
    objects: z.number().int().nonnegative(),
  })
  .strict();
export type ConnectorRunOutcome = z.infer<typeof ConnectorRunOutcome>;

/**
 * What an internal-enrichment connector adds to its summary (issue 8): which observables
 * it takes, whether it goes online, its TLP limit, quotas and today's use (UTC day).
 * Enrichment connectors have no schedule: their summary's schedule fields are empty.
 */
export const EnrichmentConnectorInfo = z
  .object({
    scope: z.array(z.string()),
    network: z.boolean(),
    maxTlp: z.enum(['clear', 'green', 'amber', 'amber+strict', 'red']),
    quota: z.object({ perMinute: z.number().int().positive(), perDay: z.number().int().positive() }).strict().nullable(),
    autoEnrich: z.boolean(),
    autoDailyQuota: z.number().int().nonnegative(),
    usage: z.object({ day: z.string(), requests: z.number().int().nonnegative(), autoEnrichments: z.number().int().nonnegative() }).strict(),
  })
  .strict();
export type EnrichmentConnectorInfo = z.infer<typeof EnrichmentConnectorInfo>;

/**
 * One connector as the Connectors page shows it. `configSchema` is the JSON Schema of its
 * settings (zod's `toJSONSchema`, with each field's `title`, `description`, `secret` and
 * `widget`); `config` holds the current values, where each secret field is `{ set }` and
 * never its value.
 */
export const ConnectorSummary = z
  .object({
    id: ConnectorId,
    kind: z.enum(['external-import', 'internal-enrichment', 'stream', 'internal-import-file', 'internal-export-file']),
    name: z.string(),
    description: z.string(),
    configSchema: z.record(z.string(), z.unknown()),
    config: z.record(z.string(), z.unknown()),
    enabled: z.boolean(),
    /** ISO 8601 duration between runs, or `once` (run one time, then switch off). */
    schedule: z.string(),
    defaultSchedule: z.string(),
    /** `scheduled` when enabled and waiting for `nextRunAt`; `failed` when the last run failed. */
    status: z.enum(['idle', 'running', 'failed', 'scheduled']),
    nextRunAt: z.string().nullable(),
    lastRun: ConnectorRunOutcome.nullable(),
    /** The last run whose objects all reached the knowledge base, with what the KB did with them. */
    lastSuccess: z.object({ runId: RunId, at: z.string(), summary: z.string(), counts: IngestCounts }).strict().nullable(),
    /**
     * Set when the cursor and validators were cleared (the knowledge base was emptied or
     * replaced, the connector's import undone, or the analyst asked), until the next run is
     * delivered: that run fetches everything again. Import connectors only.
     */
    stateReset: z.object({ at: z.string(), reason: z.enum(['store-changed', 'import-undone', 'analyst']) }).strict().nullable().optional(),
    /** Batches written by this connector and not yet acknowledged by the knowledge base. */
    pendingBatches: z.number().int().nonnegative(),
    /** False in the harness and the CLI: secrets are forgotten on exit. */
    secretsPersistent: z.boolean(),
    /** Present only for `internal-enrichment` connectors. */
    enrichment: EnrichmentConnectorInfo.optional(),
  })
  .strict();
export type ConnectorSummary = z.infer<typeof ConnectorSummary>;

/** What an enrichment lookup gave: objects to ingest, or why nothing was sent (issue 8). */
export const EnrichmentOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), objects: z.array(z.record(z.string(), z.unknown())), warnings: z.array(z.string()), summary: z.string(), cached: z.boolean() }).strict(),
  z.object({ status: z.literal('refused'), reason: z.enum(['tlp', 'scope', 'quota', 'no-key', 'disabled']), message: z.string() }).strict(),
  z.object({ status: z.literal('failed'), message: z.string() }).strict(),
]);
export type EnrichmentOutcome = z.infer<typeof EnrichmentOutcome>;

/** An enrichment connector's settings; fields left out keep their value. */
export const EnrichmentSettingsPatch = z
  .object({
    enabled: z.boolean().optional(),
    maxTlp: z.enum(['clear', 'green', 'amber', 'amber+strict', 'red']).optional(),
    quota: z.object({ perMinute: z.number().int().positive(), perDay: z.number().int().positive() }).strict().nullable().optional(),
    autoEnrich: z.boolean().optional(),
    autoDailyQuota: z.number().int().nonnegative().optional(),
    /** Secret fields: a string sets the secret, `''` removes it, leaving it out keeps it. */
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const ConnectorLogEntry = z.object({ at: z.string(), level: z.enum(['debug', 'info', 'warn', 'error']), message: z.string() }).strict();

export const ConnectorRunLog = ConnectorRunOutcome.extend({
  connectorId: ConnectorId,
  batches: z.number().int().nonnegative(),
  /** Summed ingest counts of the batches acknowledged so far; null before the first. */
  delivered: IngestCounts.nullable(),
  entries: z.array(ConnectorLogEntry),
  droppedEntries: z.number().int().nonnegative(),
}).strict();
export type ConnectorRunLog = z.infer<typeof ConnectorRunLog>;

export const InboxBatch = z
  .object({
    connectorId: ConnectorId,
    runId: RunId,
    seq: z.number().int().nonnegative(),
    /** STIX 2.1 objects, each already checked by core/stix's validator in main. */
    objects: z.array(z.record(z.string(), z.unknown())),
  })
  .strict();
export type InboxBatch = z.infer<typeof InboxBatch>;

export const requestChannels = {
  'app:info': { request: NoPayload, response: AppInfo },
  /** Where Magpie keeps the analyst's data (the profile folder) and how many bytes it takes on disk. */
  'app:storage': { request: NoPayload, response: z.object({ folder: z.string(), bytes: z.number().int().nonnegative() }).strict() },
  'settings:get': { request: NoPayload, response: Settings },
  'settings:update': { request: SettingsPatch, response: Settings },
  /** Asks where to save (a dialog in the app) and writes the file there; main does the writing. */
  'file:save': {
    /** `base64` carries binary files (a PNG of the graph) through the string-only channel. */
    request: z.object({ suggestedName: SuggestedFileName, content: z.string().max(MAX_SAVED_FILE_CHARS), encoding: z.enum(['utf8', 'base64']).optional() }).strict(),
    response: z.object({ saved: z.boolean(), path: z.string().nullable() }).strict(),
  },
  /**
   * Asks where to save (the save dialog, for the folder's name) and writes the files into a
   * folder there, created when missing: a MISP feed (issue 20, point 4). main does the writing.
   */
  'file:save-folder': {
    request: z.object({
      suggestedName: SuggestedFileName,
      files: z.array(z.object({ name: FolderFileName, content: z.string().max(MAX_SAVED_FILE_CHARS) }).strict()).min(1).max(100_000),
    }).strict(),
    response: z.object({ saved: z.boolean(), path: z.string().nullable() }).strict(),
  },
  'shell:open-external': {
    request: z.object({ url: ExternalUrl }).strict(),
    response: z.object({ opened: z.boolean() }).strict(),
  },
  'connector:list': { request: NoPayload, response: z.array(ConnectorSummary) },
  /**
   * Saves settings (checked against the connector's schema) and schedule. Secret fields:
   * a string sets the secret, `''` removes it, leaving the field out keeps it.
   */
  'connector:configure': {
    request: z.object({ id: ConnectorId, config: z.record(z.string(), z.unknown()), schedule: z.string().min(1).max(40) }).strict(),
    response: ConnectorSummary,
  },
  'connector:set-enabled': { request: z.object({ id: ConnectorId, enabled: z.boolean() }).strict(), response: ConnectorSummary },
  /** Starts a run now (queued behind others when the concurrency limit is reached). */
  'connector:run-now': { request: z.object({ id: ConnectorId }).strict(), response: z.object({ queued: z.boolean() }).strict() },
  /** The last runs, newest first; one run with `runId`. */
  'connector:log': { request: z.object({ id: ConnectorId, runId: RunId.optional() }).strict(), response: z.array(ConnectorRunLog) },
  /** The oldest batch waiting for the knowledge base, again until it is acknowledged; null when none. */
  'inbox:next': { request: NoPayload, response: InboxBatch.nullable() },
  /** Call after the knowledge base committed the batch; the batch file is deleted. */
  'inbox:ack': {
    request: z.object({ runId: RunId, seq: z.number().int().nonnegative(), counts: IngestCounts }).strict(),
    response: z.object({ remaining: z.number().int().nonnegative() }).strict(),
  },
  /**
   * Clears an import connector's cursor and HTTP validators so its next run re-imports
   * everything: the analyst asked (`analyst`) or the connector's import was undone.
   */
  'connector:reset-state': { request: z.object({ id: ConnectorId, reason: z.enum(['analyst', 'import-undone']) }).strict(), response: ConnectorSummary },
  /**
   * The knowledge base's store identity, sent when it opens and whenever it changes, with
   * the import connectors whose objects it holds; connectors whose state was delivered to
   * another store are reset (main/connectors/runtime/storeBinding.ts).
   */
  'kb:identity': {
    request: z.object({ identity: z.uuid(), holding: z.array(ConnectorId).max(1000) }).strict(),
    response: z.object({ reset: z.array(ConnectorId) }).strict(),
  },
  /** The enrichment connectors with their limits and today's use. */
  'enrichment:list': { request: NoPayload, response: z.array(ConnectorSummary) },
  'enrichment:configure': { request: z.object({ id: ConnectorId, settings: EnrichmentSettingsPatch }).strict(), response: ConnectorSummary },
  /** Looks one observable up in main, which decides whether it may leave (TLP, scope, quota, key). */
  'enrichment:run': {
    request: z
      .object({
        connectorId: ConnectorId,
        observable: z.record(z.string(), z.unknown()),
        markingDefinitions: z.array(z.record(z.string(), z.unknown())).max(100),
        /** `auto`: a new observable, counted against the connector's daily automatic allowance. */
        trigger: z.enum(['manual', 'auto']).optional(),
      })
      .strict(),
    response: EnrichmentOutcome,
  },
  ...streamRequestChannels,
  ...backupRequestChannels,
  ...taxiiPublishRequestChannels,
  ...kbServeRequestChannels,
  ...taxiiServeRequestChannels,
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export const eventChannels = {
  /** Sent to every window after any change, so all of them show the same settings. */
  'settings:changed': Settings,
  /** Progress of a long task (imports, connector runs, exports) keyed by task id. */
  'task:progress': z
    .object({
      taskId: z.string().min(1),
      phase: z.string().min(1),
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().nullable(),
    })
    .strict(),
  /** A connector's state changed (settings, run started or ended, delivery confirmed). */
  'connector:changed': ConnectorSummary,
  /** Batches wait in the inbox: the renderer drains them with inbox:next / inbox:ack. */
  'inbox:ready': z.object({ pending: z.number().int().nonnegative() }).strict(),
  ...streamEventChannels,
  ...backupEventChannels,
  ...kbServeEventChannels,
} as const satisfies Record<string, z.ZodType>;

export type RequestChannel = keyof typeof requestChannels;
export type EventChannel = keyof typeof eventChannels;
export type RequestOf<K extends RequestChannel> = z.input<(typeof requestChannels)[K]['request']>;
export type ResponseOf<K extends RequestChannel> = z.output<(typeof requestChannels)[K]['response']>;
export type EventOf<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;

/** Channels without a payload are called with the channel name alone. */
export type RequestArgs<K extends RequestChannel> = undefined extends RequestOf<K> ? [] : [request: RequestOf<K>];

export const requestChannelNames = Object.keys(requestChannels) as RequestChannel[];
export const eventChannelNames = Object.keys(eventChannels) as EventChannel[];

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.hasOwn(requestChannels, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventChannels, value);
}

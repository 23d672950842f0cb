/**
 * The connector contract (issue 6). A connector is one folder under main/connectors/
 * exporting one `ConnectorDefinition`; the runtime owns scheduling, state, the HTTP
 * client, secrets, logs and delivery, as OpenCTI's connector host does. Connectors are
 * plain Node modules: the app, the CLI (`magpie connector run`) and the tests run them
 * unchanged.
 */
import type { z } from 'zod';
import type { JsonObject, TlpLevel } from '../../core/stix/index.ts';
import type { HttpClient } from '../services/http/types.ts';
import type { RunLogger } from '../services/logger.ts';

// The HTTP client and the logger are shared infrastructure (main/services); connectors
// keep importing them from here, with the rest of their contract.
export type { HttpClient, HttpErrorCode, HttpRequestOptions, HttpResponse } from '../services/http/types.ts';
export type { LogLevel, RunLogger } from '../services/logger.ts';

/** OpenCTI's five connector kinds. */
export type ConnectorKind = 'external-import' | 'internal-enrichment' | 'stream' | 'internal-import-file' | 'internal-export-file';

/**
 * A connector's settings, as a zod object. Each field's `.meta({ title, description,
 * secret?, widget? })` drives the settings form; `secret: true` fields are stored with
 * the OS keychain (Electron safeStorage), never in plain files, logs or exports.
 */
export type ConfigSchema = z.ZodObject;

export interface FieldMeta {
  title: string;
  description?: string;
  secret?: boolean;
  /** How the form shows the field when its type alone does not say (a duration, a URL, a list). */
  widget?: 'url' | 'duration' | 'date' | 'list' | 'textarea';
}

export interface ConnectorDefinitionBase<Schema extends ConfigSchema = ConfigSchema> {
  /** Stable id, also the folder name: `cisa-kev`, `mitre-attack`, `misp-feed`, `otx`, `taxii`. */
  id: string;
  kind: ConnectorKind;
  /** English name and one-line description; the UI translates by id where it can. */
  name: string;
  description: string;
  config: Schema;
}

/** One run's view of the world, built by the runtime (or by the CLI) for an import connector. */
export interface ImportRunContext<Config> {
  config: Config;
  /** What the last successful run left (e.g. `{ addedAfter: '…' }`); `{}` the first time. */
  cursor: Readonly<Record<string, unknown>>;
  http: HttpClient;
  log: RunLogger;
  now: () => Date;
  signal: AbortSignal;
  /**
   * Hands a batch of STIX 2.1 objects to delivery. Resolves once the batch is safe on disk
   * (the durable inbox), so a crash after it loses nothing. Batches of a few thousand
   * objects keep memory flat; every object must pass core/stix's validator.
   */
  emit: (objects: JsonObject[]) => Promise<void>;
}

export interface ImportRunResult {
  /** The cursor to keep — only once everything emitted is committed to the knowledge base. */
  cursor: Record<string, unknown>;
  /** One line for the run log and the Connectors page ("1,404 vulnerabilities, 12 changed"). */
  summary: string;
}

export interface ImportConnector<Schema extends ConfigSchema = ConfigSchema> extends ConnectorDefinitionBase<Schema> {
  kind: 'external-import';
  /** The ISO 8601 duration between runs when the analyst switches it on (`P1D`, `PT6H`). */
  defaultSchedule: string;
  run: (context: ImportRunContext<z.infer<Schema>>) => Promise<ImportRunResult>;
}

/** One lookup's view of the world, built by the enrichment service (main/enrichment). */
export interface EnrichmentContext<Config> {
  /** The STIX observable (SCO) to enrich, one of the connector's `scope` types. */
  observable: JsonObject;
  config: Config;
  http: HttpClient;
  log: RunLogger;
  now: () => Date;
  /** Aborted when the analyst cancels or Magpie closes. */
  signal: AbortSignal;
  /** The connector's `identity`: the `created_by_ref` of everything it produces. */
  identity: JsonObject;
}

export interface EnrichmentResult {
  /** Valid STIX 2.1 objects; the service adds the identity. */
  objects: JsonObject[];
  /** What was left out and why, one line each. */
  warnings: string[];
  /** One line for the UI ("47/65 engines flag this file as malicious"). */
  summary: string;
}

export interface EnrichmentQuota {
  perMinute: number;
  perDay: number;
}

/**
 * An internal-enrichment connector (issue 8): asked about one observable at a time, on
 * demand or when one is added. The service (main/enrichment/service.ts) owns the TLP gate,
 * quotas, the cache and settings, so a connector is a lookup and a mapping.
 */
export interface EnrichmentConnector<Schema extends ConfigSchema = ConfigSchema> extends ConnectorDefinitionBase<Schema> {
  kind: 'internal-enrichment';
  /** The STIX SCO types it accepts (`ipv4-addr`, `file`…). */
  scope: readonly string[];
  /** False for enrichers that never leave the machine: no TLP gate, quota or cache then. */
  network: boolean;
  /** The identity every produced object is `created_by_ref`. */
  identity: JsonObject;
  defaults: {
    /** The most sensitive TLP an observable may carry to be sent to this connector. */
    maxTlp: TlpLevel;
    /** The provider's rate limits, when it has any. */
    quota?: EnrichmentQuota;
    /** Whether it is switched on before the analyst touches its settings. */
    enabled?: boolean;
  };
  enrich: (context: EnrichmentContext<z.infer<Schema>>) => Promise<EnrichmentResult>;
}

/** Stream and file import/export connectors are not implemented yet. */
export type ConnectorDefinition = ImportConnector | EnrichmentConnector;

export function isImportConnector(connector: ConnectorDefinition): connector is ImportConnector {
  return connector.kind === 'external-import';
}

export function isEnrichmentConnector(connector: ConnectorDefinition): connector is EnrichmentConnector {
  return connector.kind === 'internal-enrichment';
}

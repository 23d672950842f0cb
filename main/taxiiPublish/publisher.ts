/**
 * Publishes STIX objects to a writable TAXII 2.1 collection (issue 18): Add Objects (§5.5)
 * with envelopes split under the API root's `max_content_length`, then the status resource
 * (§4.3) polled until the server says `complete`. What the server refused or had not yet
 * taken is returned object by object, so the analyst sees why and can send those again.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { HttpError } from '../services/http/httpError.ts';
import type { ClosableHttpClient } from '../services/http/httpClient.ts';
import { redactUrl } from '../services/redact.ts';
import { createTaxiiClient } from '../connectors/taxii/client.ts';
import { explainHttpError, TaxiiError } from '../connectors/taxii/errors.ts';
import { TAXII_21 } from '../connectors/taxii/media.ts';
import type { HttpRequestOptions } from '../services/http/types.ts';
import type { RunLogger } from '../services/logger.ts';
import { splitIntoEnvelopes, type Envelope } from './envelopes.ts';
import { firstIssue, StatusResource, type ObjectFailure } from './status.ts';

export interface PublishTarget {
  apiRoot: string;
  /** `{apiRoot}collections/{id}/`. */
  collectionUrl: string;
  collectionTitle: string;
  /** The API root's `max_content_length`; a conservative default when it gave none. */
  maxContentLength: number | undefined;
}

export interface PublishProgress {
  phase: 'sending' | 'waiting';
  /** Objects whose envelope the server has finished with. */
  done: number;
  total: number;
}

export interface PublishDeps {
  http: Pick<ClosableHttpClient, 'get' | 'post'>;
  auth: HttpRequestOptions['auth'];
  log: RunLogger;
  signal?: AbortSignal;
  onProgress?: (progress: PublishProgress) => void;
  sleep?: (ms: number) => Promise<void>;
  /** First wait between status polls; doubles up to 10 s. */
  pollIntervalMs?: number;
  /** How long to wait for one status to complete before reporting its objects as pending. */
  maxWaitMs?: number;
}

export interface PublishOutcome {
  total: number;
  succeeded: number;
  failures: ObjectFailure[];
  /** Objects the server still had pending when Magpie stopped waiting. */
  pending: ObjectFailure[];
  envelopes: number;
}

/** When the API root names no limit: small enough for any server's default body cap. */
const DEFAULT_MAX_CONTENT_LENGTH = 10 * 1024 * 1024;
const MAX_POLL_INTERVAL_MS = 10_000;

/** Answers after which the other envelopes are not tried: the same would happen to each. */
const STOPPING_CODES = new Set(['credentials', 'forbidden', 'not-found', 'not-taxii']);

export async function publishObjects(deps: PublishDeps, target: PublishTarget, objects: readonly Record<string, unknown>[]): Promise<PublishOutcome> {
  const maxBytes = target.maxContentLength ?? DEFAULT_MAX_CONTENT_LENGTH;
  const { envelopes, tooLarge } = splitIntoEnvelopes(objects, maxBytes);
  const outcome: PublishOutcome = { total: objects.length, succeeded: 0, failures: [], pending: [], envelopes: envelopes.length };
  for (const { object, bytes } of tooLarge) {
    outcome.failures.push({ ...identify(object), message: `Too large for this server: ${String(bytes)} bytes, over its limit of ${String(maxBytes)} bytes (max_content_length).` });
  }
  let done = tooLarge.length;
  let unreachable: string | undefined;
  for (const envelope of envelopes) {
    deps.onProgress?.({ phase: 'sending', done, total: objects.length });
    if (unreachable !== undefined) {
      outcome.failures.push(...envelope.ids.map((id) => ({ id, message: unreachable ?? '' })));
    } else {
      try {
        const status = await sendEnvelope(deps, target, envelope, (phase) => deps.onProgress?.({ phase, done, total: objects.length }));
        tally(outcome, envelope, status);
      } catch (error) {
        if (error instanceof TaxiiError && STOPPING_CODES.has(error.code)) throw error;
        const message = error instanceof Error ? error.message : String(error);
        outcome.failures.push(...envelope.ids.map((id) => ({ id, message })));
        // A refused body concerns these objects only; a server out of reach concerns all the rest.
        if (!(error instanceof HttpError && error.code === 'status' && error.status !== undefined && error.status < 500)) unreachable = message;
      }
    }
    done += envelope.ids.length;
  }
  deps.onProgress?.({ phase: 'waiting', done, total: objects.length });
  return outcome;
}

async function sendEnvelope(deps: PublishDeps, target: PublishTarget, envelope: Envelope, phase: (phase: PublishProgress['phase']) => void): Promise<StatusResource> {
  const url = `${target.collectionUrl}objects/`;
  const context = { endpoint: 'objects' as const, url, collection: `"${target.collectionTitle}"`, hasCredentials: deps.auth !== undefined };
  let body: unknown;
  try {
    const response = await deps.http.post(url, envelope.body, {
      headers: { 'content-type': TAXII_21, accept: TAXII_21 },
      ...(deps.auth ? { auth: deps.auth } : {}),
    });
    body = response.json();
  } catch (error) {
    throw explainWrite(error, context);
  }
  let status = parseStatus(body, url);
  const taxii = createTaxiiClient(deps.http, { auth: deps.auth, log: deps.log, ...(deps.signal ? { signal: deps.signal } : {}) });
  const sleep = deps.sleep ?? ((ms: number) => delay(ms, undefined, deps.signal ? { signal: deps.signal } : {}));
  const statusUrl = `${target.apiRoot}status/${encodeURIComponent(status.id)}/`;
  let interval = deps.pollIntervalMs ?? 500;
  let waited = 0;
  while (status.status === 'pending' && waited < (deps.maxWaitMs ?? 5 * 60_000)) {
    phase('waiting');
    await sleep(interval);
    waited += interval;
    interval = Math.min(interval * 2, MAX_POLL_INTERVAL_MS);
    status = parseStatus(await taxii.resource(statusUrl, 'status'), statusUrl);
  }
  return status;
}

function parseStatus(body: unknown, url: string): StatusResource {
  const parsed = StatusResource.safeParse(body);
  if (!parsed.success) throw new TaxiiError('protocol', `${redactUrl(url)} did not answer with a TAXII 2.1 status resource (${firstIssue(parsed.error)}). Check that the collection is a TAXII 2.1 collection.`);
  return parsed.data;
}

/** What the final status says about each object of the envelope. */
function tally(outcome: PublishOutcome, envelope: Envelope, status: StatusResource): void {
  const failures = status.failures ?? [];
  const pendings = status.status === 'pending' ? (status.pendings ?? []) : [];
  outcome.failures.push(...failures.map((failure) => ({ ...failure, message: failure.message ?? 'Refused by the server, which gave no reason.' })));
  outcome.pending.push(...pendings.map((entry) => ({ ...entry, message: 'Still pending at the server when Magpie stopped waiting; send it again to check.' })));
  outcome.succeeded += status.success_count;
  // Counted as failed or pending but not listed: name the envelope's objects the status left out.
  const named = new Set([...(status.successes ?? []), ...failures, ...pendings].map((entry) => entry.id));
  const missing = status.failure_count + (status.status === 'pending' ? status.pending_count : 0) - failures.length - pendings.length;
  if (missing > 0) {
    const unnamed = envelope.ids.filter((id) => !named.has(id)).slice(0, missing);
    outcome.failures.push(...unnamed.map((id) => ({ id, message: 'Not confirmed by the server (its status counts it as failed or pending without naming it).' })));
  }
}

function explainWrite(error: unknown, context: { endpoint: 'objects'; url: string; collection: string; hasCredentials: boolean }): unknown {
  if (!(error instanceof HttpError) || error.code !== 'status') return explainHttpError(error, context);
  const where = `The TAXII collection ${context.collection} (${redactUrl(context.url)})`;
  switch (error.status) {
    case 403:
      return new TaxiiError('forbidden', `${where} refused to take objects from this account (HTTP 403). Check that the account may write to it (can_write), or choose another collection.`);
    case 413:
      return new HttpError('status', context.url, `${where} refused an envelope as too large (HTTP 413) although it was under the limit the server announced. Ask its administrators about max_content_length.`, 413);
    case 422:
      return new HttpError('status', context.url, `${where} could not process these objects (HTTP 422). Check the server's log; the other envelopes were still sent.`, 422);
    default:
      return explainHttpError(error, context);
  }
}

function identify(object: Record<string, unknown>): { id: string; version?: string } {
  const version = object['modified'] ?? object['created'];
  return { id: String(object['id']), ...(typeof version === 'string' ? { version } : {}) };
}

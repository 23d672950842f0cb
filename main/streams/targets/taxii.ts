/**
 * A TAXII 2.1 collection as a stream target (issue 18): each batch of changes is published
 * to a writable collection with the same envelopes and status polling as the Export page's
 * publish (main/taxiiPublish). TAXII's Add Objects cannot remove an object, so deletes are
 * passed over (counted as delivered: there is nothing the collection could take).
 *
 * Objects the server's status names as failed stop the batch there: the events before
 * them count as delivered, and the runtime's retry then meets the failed one first and
 * dead-letters it (`rejected`).
 */
import type { ChangeEvent } from '../../../core/streams/types.ts';
import { HttpError } from '../../services/http/httpError.ts';
import { createHttpClient, type ClosableHttpClient } from '../../services/http/httpClient.ts';
import { redactUrl } from '../../services/redact.ts';
import { createTaxiiClient } from '../../connectors/taxii/client.ts';
import { TaxiiError } from '../../connectors/taxii/errors.ts';
import type { HttpRequestOptions } from '../../services/http/types.ts';
import { silentLogger } from '../../services/logger.ts';
import { publishObjects, type PublishTarget } from '../../taxiiPublish/publisher.ts';
import { abortedError, StreamTargetError, type StreamTarget } from './types.ts';

export interface TaxiiTargetOptions {
  url: string;
  /** The collection's id or title. */
  collection: string;
  auth: HttpRequestOptions['auth'];
  timeoutMs: number;
  /** Test seam: how long to wait between status polls. */
  pollIntervalMs?: number;
}

export function createTaxiiTarget(options: TaxiiTargetOptions): StreamTarget {
  const name = `the TAXII server ${redactUrl(options.url)}`;
  // The consumer runtime owns retries and backoff; one attempt per delivery here.
  const http: ClosableHttpClient = createHttpClient({ retries: 0, defaultTimeoutMs: options.timeoutMs, log: silentLogger });
  let target: PublishTarget | undefined;

  async function resolveCollection(): Promise<PublishTarget> {
    const taxii = createTaxiiClient(http, { auth: options.auth, log: silentLogger });
    const wanted = options.collection.trim().toLowerCase();
    for (const root of await taxii.apiRoots(options.url)) {
      const found = (await taxii.collections(root.url)).find((collection) => collection.id.toLowerCase() === wanted || collection.title.toLowerCase() === wanted);
      if (found === undefined) continue;
      if (!found.canWrite) throw new StreamTargetError('auth', `The TAXII collection "${found.title}" on ${name} does not accept objects from this account (can_write is false). Ask for write access or choose another collection.`);
      return { apiRoot: root.url, collectionUrl: found.url, collectionTitle: found.title, maxContentLength: root.maxContentLength };
    }
    throw new StreamTargetError('invalid-config', `${name} has no collection "${options.collection}". Check the collection id or title in the stream's settings.`);
  }

  return {
    async deliver(events: readonly ChangeEvent[], signal: AbortSignal): Promise<number> {
      if (signal.aborted) throw abortedError(name);
      const sent = events.filter((event) => event.op !== 'delete');
      if (sent.length === 0) return events.length;
      try {
        target ??= await resolveCollection();
        const outcome = await publishObjects({ http, auth: options.auth, log: silentLogger, signal, ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }) }, target, sent.map((event) => event.object));
        const refused = [...outcome.failures, ...outcome.pending];
        if (refused.length === 0) return events.length;
        const failedIds = new Set(refused.map((failure) => failure.id));
        const first = events.findIndex((event) => event.op !== 'delete' && failedIds.has(event.id));
        if (first > 0) return first;
        const reason = refused.find((failure) => failure.id === events[0]?.id)?.message ?? refused[0]?.message ?? '';
        throw new StreamTargetError(outcome.pending.length > 0 && outcome.failures.length === 0 ? 'unavailable' : 'rejected', `${name} did not take ${events[0]?.id ?? 'the object'}: ${reason}`);
      } catch (error) {
        throw asTargetError(error, name, signal);
      }
    },
    close: () => http.close(),
  };
}

function asTargetError(error: unknown, name: string, signal: AbortSignal): unknown {
  if (error instanceof StreamTargetError) return error;
  if (signal.aborted) return abortedError(name);
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TaxiiError) {
    if (error.code === 'credentials' || error.code === 'forbidden') return new StreamTargetError('auth', message);
    if (error.code === 'not-found' || error.code === 'not-taxii' || error.code === 'no-api-root') return new StreamTargetError('invalid-config', message);
    return new StreamTargetError('unavailable', message);
  }
  if (error instanceof HttpError && error.code === 'status' && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
    return new StreamTargetError('rejected', message);
  }
  return new StreamTargetError('unavailable', message);
}

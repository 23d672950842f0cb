/**
 * The POST both HTTP targets make: one request with a timeout that also stops with the
 * runtime's signal, the response body read (capped) for the receiver's own error text.
 * No retries here — the consumer runtime owns them, and a partial count must stay exact.
 */
import { Agent, fetch, type Dispatcher } from 'undici';
import { retryAfterDelay } from '../../services/backoff.ts';
import { redactUrl } from '../../services/redact.ts';
import { abortedError, StreamTargetError } from './types.ts';

export interface HttpTlsOptions {
  /** PEM CA certificates to trust (a SIEM's self-signed certificate). */
  ca?: string;
  rejectUnauthorized?: boolean;
}

export interface PostResult {
  status: number;
  text: string;
  retryAfterMs: number | undefined;
}

/** The most of an error body kept: enough for a receiver's message, not a whole page. */
const MAX_RESPONSE_CHARS = 4096;
const MAX_RETRY_AFTER_MS = 10 * 60_000;

export function createDispatcher(tls: HttpTlsOptions | undefined): Dispatcher | undefined {
  if (tls === undefined || (tls.ca === undefined && tls.rejectUnauthorized !== false)) return undefined;
  return new Agent({ connect: { ...(tls.ca === undefined ? {} : { ca: tls.ca }), rejectUnauthorized: tls.rejectUnauthorized ?? true } });
}

export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; signal: AbortSignal; dispatcher: Dispatcher | undefined; name: string },
): Promise<PostResult> {
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers,
      signal,
      redirect: 'manual',
      ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    });
    const text = (await response.text()).slice(0, MAX_RESPONSE_CHARS);
    return { status: response.status, text, retryAfterMs: retryAfterDelay(response.headers.get('retry-after'), new Date(), MAX_RETRY_AFTER_MS) };
  } catch (error) {
    if (options.signal.aborted) throw abortedError(options.name);
    const reason = signal.aborted ? `no answer in ${String(options.timeoutMs)} ms` : error instanceof Error ? (causeOf(error) ?? error.message) : String(error);
    throw new StreamTargetError('unavailable', `Could not reach ${options.name} at ${redactUrl(url)} (${reason}). Check the URL and that the receiver is running; delivery resumes when it answers.`);
  }
}

/** undici hides the socket error (ECONNREFUSED, a certificate error) in `cause`. */
function causeOf(error: Error): string | undefined {
  const cause: unknown = error.cause;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ${cause.message}` : cause.message;
  return undefined;
}

/**
 * The error for a status that is not 2xx: 408, 429 and 5xx will pass later; 401 and 403 need
 * new credentials; any other 4xx refuses these events for good.
 */
export function statusError(result: PostResult, name: string): StreamTargetError {
  const { status } = result;
  const said = result.text.trim() === '' ? '' : `: ${result.text.trim().slice(0, 300)}`;
  if (status === 408 || status === 429 || status >= 500) {
    return new StreamTargetError('unavailable', `${name} answered ${String(status)}${said}. Delivery resumes when it recovers.`, result.retryAfterMs);
  }
  if (status === 401 || status === 403) {
    return new StreamTargetError('auth', `${name} refused the credentials (${String(status)})${said}. Check the secret or token in the target's settings.`);
  }
  return new StreamTargetError('rejected', `${name} refused the events (${String(status)})${said}. They were set aside; check the receiver's log for why.`);
}

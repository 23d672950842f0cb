/**
 * Splunk HTTP Event Collector delivery: `POST /services/collector/event` with
 * `Authorization: Splunk <token>`, several event envelopes concatenated in one body (HEC's
 * batch format), each `{ time, host?, source?, sourcetype, index?, event }` with the event's
 * JSON as `event` so Splunk extracts its fields.
 *
 * HEC answers `{"text":"Success","code":0}`, or an error code (Splunk's "Troubleshoot HTTP
 * Event Collector" table): 1 token disabled, 2 token required, 3 invalid authorization,
 * 4 invalid token — the credentials; 7 incorrect index, 10/11 data channel, 14 ack disabled,
 * 16 query-string auth — the settings; 8 internal error, 9 server busy, 18–20 unhealthy —
 * later; 5, 6, 12, 13, 15 — the data. For data errors HEC names the failing event
 * (`invalid-event-number`) and has indexed the ones before it, which become a partial count.
 */
import type { Dispatcher } from 'undici';
import { eventJson } from '../../../core/streams/format/index.ts';
import type { ChangeEvent } from '../../../core/streams/types.ts';
import { redactUrl } from '../../services/redact.ts';
import { createDispatcher, post, statusError, type HttpTlsOptions, type PostResult } from './http.ts';
import { abortedError, StreamTargetError, type StreamTarget } from './types.ts';
import { chunkBySize } from './webhook.ts';

export interface SplunkHecOptions {
  /** The HEC base URL, e.g. `https://splunk.example:8088`; `/services/collector/event` is added. */
  url: string;
  token: string;
  sourcetype?: string;
  source?: string;
  index?: string;
  host?: string;
  /** The largest request body; Splunk's own limit (`max_content_length`) is far larger. */
  maxBatchBytes?: number;
  timeoutMs?: number;
  tls?: HttpTlsOptions;
}

export const SPLUNK_HEC_DEFAULTS = { sourcetype: 'magpie:stix', source: 'magpie', maxBatchBytes: 1024 * 1024, timeoutMs: 30_000 } as const;

const AUTH_CODES = new Set([1, 2, 3, 4]);
const CONFIG_CODES = new Set([7, 10, 11, 14, 16]);
const LATER_CODES = new Set([8, 9, 18, 19, 20]);

export interface HecReply {
  code: number;
  text: string;
  invalidEventNumber: number | undefined;
}

export function parseHecReply(text: string): HecReply | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const reply = value as Record<string, unknown>;
  if (typeof reply.code !== 'number') return undefined;
  const invalid = reply['invalid-event-number'];
  return { code: reply.code, text: typeof reply.text === 'string' ? reply.text : '', invalidEventNumber: typeof invalid === 'number' ? invalid : undefined };
}

/** One HEC envelope; `time` is epoch seconds with milliseconds, as HEC reads it. */
export function hecEnvelope(event: ChangeEvent, options: SplunkHecOptions): string {
  const ms = Date.parse(event.at);
  const meta: Record<string, string | number> = {};
  if (!Number.isNaN(ms)) meta.time = ms / 1000;
  if (options.host !== undefined && options.host !== '') meta.host = options.host;
  meta.source = options.source ?? SPLUNK_HEC_DEFAULTS.source;
  meta.sourcetype = options.sourcetype ?? SPLUNK_HEC_DEFAULTS.sourcetype;
  if (options.index !== undefined && options.index !== '') meta.index = options.index;
  // Spliced rather than re-serialized: the event body is already JSON.
  return `${JSON.stringify(meta).slice(0, -1)},"event":${eventJson(event)}}`;
}

export function createSplunkHecTarget(options: SplunkHecOptions): StreamTarget {
  const endpoint = new URL('/services/collector/event', options.url).href;
  const name = `Splunk HEC at ${redactUrl(options.url)}`;
  const maxBatchBytes = options.maxBatchBytes ?? SPLUNK_HEC_DEFAULTS.maxBatchBytes;
  const timeoutMs = options.timeoutMs ?? SPLUNK_HEC_DEFAULTS.timeoutMs;
  const dispatcher: Dispatcher | undefined = createDispatcher(options.tls);

  /** How many of `sent` events HEC took, or the error when it took none. */
  function outcome(result: PostResult, sent: number): number | StreamTargetError {
    const reply = parseHecReply(result.text);
    if (result.status >= 200 && result.status <= 299 && (reply === undefined || reply.code === 0)) return sent;
    if (reply === undefined) return statusError(result, name);
    const said = `HEC code ${String(reply.code)}: ${reply.text}`;
    if (AUTH_CODES.has(reply.code)) return new StreamTargetError('auth', `${name} refused the token (${said}). Check the HEC token in the target's settings and that it is enabled.`);
    if (CONFIG_CODES.has(reply.code)) return new StreamTargetError('invalid-config', `${name} refused the settings (${said}). Check the index and that the token may write to it.`);
    if (LATER_CODES.has(reply.code) || result.status >= 500 || result.status === 429) {
      return new StreamTargetError('unavailable', `${name} cannot take events now (${said}). Delivery resumes when it recovers.`, result.retryAfterMs);
    }
    const taken = reply.invalidEventNumber;
    if (taken !== undefined && taken > 0 && taken <= sent) return taken;
    return new StreamTargetError('rejected', `${name} refused an event (${said}). It was set aside; the events after it continue.`);
  }

  return {
    async deliver(events, signal) {
      let delivered = 0;
      for (const run of chunkBySize(events.map((event) => hecEnvelope(event, options)), maxBatchBytes, { perItem: 1, perRun: 0 })) {
        if (signal.aborted) break;
        let result: number | StreamTargetError;
        try {
          const answer = await post(endpoint, run.join('\n'), { authorization: `Splunk ${options.token}`, 'content-type': 'application/json' }, { timeoutMs, signal, dispatcher, name });
          result = outcome(answer, run.length);
        } catch (error) {
          if (delivered > 0) return delivered;
          throw error;
        }
        if (result instanceof StreamTargetError) {
          if (delivered > 0) return delivered;
          throw result;
        }
        delivered += result;
        if (result < run.length) return delivered;
      }
      if (delivered === 0 && events.length > 0) throw abortedError(name);
      return delivered;
    },
    async close() {
      await dispatcher?.close();
    },
  };
}

/**
 * Webhook delivery: a JSON array of events POSTed per batch, signed the way GitHub signs its
 * webhooks — `X-Magpie-Signature: sha256=<hex HMAC-SHA256 of the raw body>` — so the
 * receiver verifies exactly the bytes it got. `X-Magpie-Timestamp` (ISO time of sending)
 * lets it refuse stale replays. A 2xx means the whole request was taken.
 */
import { createHmac } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { eventJson } from '../../../core/streams/format/index.ts';
import type { ChangeEvent } from '../../../core/streams/types.ts';
import { createDispatcher, post, statusError, type HttpTlsOptions } from './http.ts';
import { redactUrl } from '../../services/redact.ts';
import { abortedError, type StreamTarget } from './types.ts';

export interface WebhookTargetOptions {
  url: string;
  /** The HMAC key; without it no signature header is sent. */
  secret?: string;
  /** Extra headers (an API key the receiver wants); they cannot replace the signature. */
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** A request's body limit: a batch larger than this goes in several requests. */
  maxBatchBytes?: number;
  tls?: HttpTlsOptions;
  now?: () => Date;
}

export const WEBHOOK_DEFAULTS = { timeoutMs: 30_000, maxBatchBytes: 1024 * 1024 } as const;

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Splits encoded items into runs whose joined size (with `overhead` per item and per run)
 * stays under `maxBytes`; an item larger than that goes alone rather than never.
 */
export function chunkBySize(items: readonly string[], maxBytes: number, overhead: { perItem: number; perRun: number }): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let size = overhead.perRun;
  for (const item of items) {
    const bytes = Buffer.byteLength(item) + overhead.perItem;
    if (run.length > 0 && size + bytes > maxBytes) {
      runs.push(run);
      run = [];
      size = overhead.perRun;
    }
    run.push(item);
    size += bytes;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export function createWebhookTarget(options: WebhookTargetOptions): StreamTarget {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
  const maxBatchBytes = options.maxBatchBytes ?? WEBHOOK_DEFAULTS.maxBatchBytes;
  const now = options.now ?? (() => new Date());
  const name = `the webhook ${redactUrl(options.url)}`;
  const dispatcher: Dispatcher | undefined = createDispatcher(options.tls);

  return {
    async deliver(events: readonly ChangeEvent[], signal: AbortSignal): Promise<number> {
      let delivered = 0;
      for (const run of chunkBySize(events.map(eventJson), maxBatchBytes, { perItem: 1, perRun: 2 })) {
        if (signal.aborted) break;
        const body = `[${run.join(',')}]`;
        const headers: Record<string, string> = {
          ...options.headers,
          'content-type': 'application/json',
          'user-agent': 'Magpie stream (threat-intelligence workbench)',
          'x-magpie-timestamp': now().toISOString(),
        };
        if (options.secret !== undefined && options.secret !== '') headers['x-magpie-signature'] = signBody(options.secret, body);
        try {
          const result = await post(options.url, body, headers, { timeoutMs, signal, dispatcher, name });
          if (result.status < 200 || result.status > 299) throw statusError(result, name);
        } catch (error) {
          if (delivered > 0) return delivered;
          throw error;
        }
        delivered += run.length;
      }
      if (delivered === 0 && events.length > 0) throw abortedError(name);
      return delivered;
    },
    async close() {
      await dispatcher?.close();
    },
  };
}

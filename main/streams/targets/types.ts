/**
 * The delivery targets of stream consumers (issue 8). The consumer runtime owns the cursor,
 * the filter, retries and dead letters; a target only sends, and says how far it got.
 */
import { CodedError } from '../../../core/errors.ts';
import type { ChangeEvent } from '../../../core/streams/types.ts';

export interface StreamTarget {
  /**
   * Sends events in order. Resolves with how many leading events are known delivered (all
   * on success). Rejects (StreamTargetError with code + English message that says what to
   * do) only when none could be delivered. A partial count lets the runtime resume exactly
   * after them.
   */
  deliver(events: readonly ChangeEvent[], signal: AbortSignal): Promise<number>;
  close(): Promise<void>;
}

/**
 * `unavailable`: try again later (network, 5xx, 429, a receiver restarting). `rejected`: the
 * receiver refused these events and will refuse them again (the runtime dead-letters them).
 * `auth`: the credentials are wrong; nothing will pass until the analyst fixes them.
 * `aborted`: the runtime's signal stopped the delivery. `invalid-config`: the settings
 * cannot work (a bad certificate file, a message limit smaller than a header).
 */
export type StreamTargetErrorCode = 'unavailable' | 'rejected' | 'auth' | 'aborted' | 'invalid-config';

export class StreamTargetError extends CodedError<StreamTargetErrorCode> {
  /** When the receiver said when to come back (Retry-After, HEC busy). */
  readonly retryAfterMs: number | undefined;

  constructor(code: StreamTargetErrorCode, message: string, retryAfterMs?: number) {
    super('StreamTargetError', code, message);
    this.retryAfterMs = retryAfterMs;
  }
}

export function abortedError(target: string): StreamTargetError {
  return new StreamTargetError('aborted', `Delivery to ${target} was stopped because the stream was paused or closed.`);
}

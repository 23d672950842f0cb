/**
 * Problems that stop a MISP document from being converted at all. Problems with single
 * attributes, objects or clusters are warnings instead, so one bad value does not hide
 * the rest of the event.
 */
import { CodedError } from '../errors.ts';

export type MispErrorCode = 'not-an-object' | 'not-a-misp-event' | 'feed-manifest' | 'empty-response' | 'invalid-event';

export class MispError extends CodedError<MispErrorCode> {
  constructor(code: MispErrorCode, message: string) {
    super('MispError', code, message);
  }
}

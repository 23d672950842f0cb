import { CodedError } from '../../../core/errors.ts';

export type MispFeedErrorCode = 'bad-manifest';

/** A feed the connector cannot read at all (one bad event file is a warning instead). */
export class MispFeedError extends CodedError<MispFeedErrorCode> {
  constructor(code: MispFeedErrorCode, message: string) {
    super('MispFeedError', code, message);
  }
}

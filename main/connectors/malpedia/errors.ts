import { CodedError } from '../../../core/errors.ts';

export type MalpediaErrorCode = 'bad-answer' | 'key-refused';

/** Malpedia answers the connector cannot work with; the run stops before emitting anything. */
export class MalpediaError extends CodedError<MalpediaErrorCode> {
  constructor(code: MalpediaErrorCode, message: string) {
    super('MalpediaError', code, message);
  }
}

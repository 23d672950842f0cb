/** Why a request failed, with a message that says what the analyst can check. */
import { CodedError } from '../../../core/errors.ts';
import type { HttpErrorCode } from './types.ts';

export class HttpError extends CodedError<HttpErrorCode> {
  readonly url: string;
  /** The HTTP status, for `status` errors. */
  readonly status: number | undefined;

  constructor(code: HttpErrorCode, url: string, message: string, status?: number) {
    super('HttpError', code, message);
    this.url = url;
    this.status = status;
  }
}

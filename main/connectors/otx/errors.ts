import { CodedError } from '../../../core/errors.ts';

export type OtxErrorCode = 'bad-page' | 'paging';

/** OTX answers the connector cannot work with (a bad pulse is a warning instead). */
export class OtxError extends CodedError<OtxErrorCode> {
  constructor(code: OtxErrorCode, message: string) {
    super('OtxError', code, message);
  }
}

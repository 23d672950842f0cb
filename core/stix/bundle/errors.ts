/**
 * Problems that stop a bundle from being read at all. Problems with single objects are
 * issues (../issues.ts) instead, so one bad object does not hide the others.
 */
import { CodedError } from '../../errors.ts';

export type BundleErrorCode = 'not-json' | 'not-bundle' | 'unsupported-spec-version';

export class BundleError extends CodedError<BundleErrorCode> {
  constructor(code: BundleErrorCode, message: string) {
    super('BundleError', code, message);
  }
}

/**
 * Problems that stop a bundle from being read at all. Problems with single objects are
 * issues (../issues.ts) instead, so one bad object does not hide the others.
 */
export type BundleErrorCode = 'not-json' | 'not-bundle' | 'unsupported-spec-version';

export class BundleError extends Error {
  readonly code: BundleErrorCode;

  constructor(code: BundleErrorCode, message: string) {
    super(message);
    this.name = 'BundleError';
    this.code = code;
  }
}

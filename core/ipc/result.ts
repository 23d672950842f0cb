/**
 * What crosses the bridge in answer to a request: a value, or a typed error that is safe
 * to show (a code and a sentence, never a stack trace).
 */
export type IpcErrorCode =
  /** The channel is not in the contract. */
  | 'unknown-channel'
  /** The payload does not match the channel's schema; `issues` says where. */
  | 'invalid-request'
  /** The request came from a frame that is not the app's own page. */
  | 'forbidden-sender'
  /** The handler refused the request for a reason the user can act on. */
  | 'failed'
  /** Something unexpected broke; details are in main's log only. */
  | 'internal';

export interface IpcIssue {
  /** JSON-pointer-like path into the payload, `''` for the payload itself. */
  path: string;
  message: string;
}

export interface IpcErrorBody {
  code: IpcErrorCode;
  message: string;
  issues?: IpcIssue[];
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorBody };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string, issues?: IpcIssue[]): IpcResult<never> {
  return issues === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, issues } };
}

/** Thrown on the calling side when a request is answered with an error. */
export class IpcError extends Error {
  readonly code: IpcErrorCode;
  readonly issues: readonly IpcIssue[];

  constructor(body: IpcErrorBody) {
    super(body.message);
    this.name = 'IpcError';
    this.code = body.code;
    this.issues = body.issues ?? [];
  }
}

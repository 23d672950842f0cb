/** Errors of the knowledge base, with codes the UI turns into sentences that say what to do. */
import { CodedError } from '../../../core/errors.ts';

export type KbErrorCode =
  | 'conflict'
  | 'database-newer'
  | 'disk-full'
  | 'not-found'
  | 'not-a-bundle'
  | 'invalid-argument'
  | 'invalid-investigation'
  | 'invalid-object'
  | 'nothing-to-export'
  | 'storage-unavailable';

export class KbError extends CodedError<KbErrorCode> {
  constructor(code: KbErrorCode, message: string) {
    super('KbError', code, message);
  }
}

/** IndexedDB reports a full disk as QuotaExceededError, sometimes wrapped by Dexie. */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current !== 'object') return false;
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    current = inner;
  }
  return false;
}

/** Why the runtime refused or stopped a connector, with a message the analyst can act on. */
import { CodedError } from '../../../core/errors.ts';

export type ConnectorErrorCode = 'unknown-connector' | 'invalid-config' | 'invalid-object' | 'busy' | 'interrupted' | 'missing-secret';

export class ConnectorError extends CodedError<ConnectorErrorCode> {
  constructor(code: ConnectorErrorCode, message: string) {
    super('ConnectorError', code, message);
  }
}

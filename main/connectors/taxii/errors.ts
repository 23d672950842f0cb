/**
 * Why a TAXII run failed, phrased as what to check: HTTP failures from the runtime's client
 * are turned into TAXII terms (credentials, the collection id, the URL not being a TAXII
 * 2.1 server); network and server faults keep the runtime's own message.
 */
import { CodedError } from '../../../core/errors.ts';
import { HttpError } from '../../services/http/httpError.ts';
import { redactUrl } from '../../services/redact.ts';

export type TaxiiErrorCode = 'credentials' | 'forbidden' | 'not-found' | 'not-taxii' | 'no-api-root' | 'no-collection' | 'protocol';

export class TaxiiError extends CodedError<TaxiiErrorCode> {
  constructor(code: TaxiiErrorCode, message: string) {
    super('TaxiiError', code, message);
  }
}

/** Which request failed: it decides what a 404 or a 403 means. */
export interface RequestContext {
  endpoint: 'discovery' | 'api-root' | 'collections' | 'objects' | 'status';
  url: string;
  /** The collection's title or id, for `objects`. */
  collection?: string;
  hasCredentials: boolean;
}

export function explainHttpError(error: unknown, context: RequestContext): unknown {
  if (!(error instanceof HttpError)) return error;
  const where = describe(context);
  if (error.code === 'invalid-json') return new TaxiiError('not-taxii', `${where} did not answer with TAXII JSON: check that ${redactUrl(context.url)} is a TAXII 2.1 URL.`);
  if (error.code !== 'status') return error;
  switch (error.status) {
    case 401:
      return new TaxiiError(
        'credentials',
        context.hasCredentials
          ? `${where} refused the credentials (HTTP 401). Check the user name and password, or the API token, in the connector's settings.`
          : `${where} needs credentials (HTTP 401). Set a user name and password, or an API token, in the connector's settings.`,
      );
    case 403:
      return new TaxiiError(
        'forbidden',
        `${where} refused this account (HTTP 403). Check that the account may read it (in OpenCTI: the TAXII API capability and access to the collection).`,
      );
    case 404:
      return context.endpoint === 'objects'
        ? new TaxiiError('not-found', `${where} does not exist (HTTP 404). Check the collection id in the connector's settings.`)
        : new TaxiiError('not-found', `${where} was not found (HTTP 404). Check the URL: OpenCTI serves TAXII at https://host/taxii2/.`);
    case 406:
    case 415:
      return new TaxiiError('not-taxii', `${where} does not speak TAXII 2.1 (HTTP ${String(error.status)} for application/taxii+json;version=2.1). Check the URL, or whether the server offers TAXII 2.1.`);
    default:
      return error;
  }
}

function describe(context: RequestContext): string {
  const url = redactUrl(context.url);
  switch (context.endpoint) {
    case 'discovery':
      return `The TAXII server at ${url}`;
    case 'api-root':
      return `The TAXII API root ${url}`;
    case 'collections':
      return `The collection list at ${url}`;
    case 'objects':
      return `The TAXII collection ${context.collection ?? ''} (${url})`;
    case 'status':
      return `The TAXII status resource ${url}`;
  }
}

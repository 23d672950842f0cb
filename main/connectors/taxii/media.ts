/**
 * TAXII 2.1 media types (§1.6.8): every response is `application/taxii+json;version=2.1`.
 * A server answering otherwise is not the TAXII 2.1 endpoint the settings point at: a
 * login page (HTML), a TAXII 2.0 server (`application/vnd.oasis.taxii+json`, or
 * `version=2.0`), or a plain web API.
 */
import { redactUrl } from '../../services/redact.ts';
import { TaxiiError, type RequestContext } from './errors.ts';

export const TAXII_21 = 'application/taxii+json;version=2.1';

export function checkTaxiiMediaType(headers: Readonly<Record<string, string>>, context: RequestContext): void {
  const header = headers['content-type'];
  // No Content-Type at all: let the body's shape decide.
  if (header === undefined || header.trim() === '') return;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const version = parameters.find((parameter) => parameter.startsWith('version='))?.slice('version='.length).replace(/"/g, '');
  const url = redactUrl(context.url);
  const taxii2 = type === 'application/vnd.oasis.taxii+json' || type === 'application/vnd.oasis.stix+json';
  if (taxii2 || ((type === 'application/taxii+json' || type === 'application/stix+json') && version !== undefined && version !== '2.1')) {
    throw new TaxiiError('not-taxii', `${url} answered as a TAXII ${version ?? '2.0'} server (${header}). Magpie reads TAXII 2.1 only; ask the provider for its TAXII 2.1 URL.`);
  }
  // STIX's own media type is tolerated on the objects endpoint, which some servers send.
  const allowed = type === 'application/taxii+json' || (context.endpoint === 'objects' && type === 'application/stix+json');
  if (!allowed) {
    throw new TaxiiError('not-taxii', `${url} answered with ${type}, not ${TAXII_21}: it is not a TAXII 2.1 endpoint. Check the URL (a login page or a proxy's error page answers like this).`);
  }
}

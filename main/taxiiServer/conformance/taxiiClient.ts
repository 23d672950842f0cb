/**
 * The conformance suite's one way to talk to a TAXII 2.1 server: plain HTTP as any client would
 * send it, per OASIS TAXII 2.1 (OS, 10 June 2021). It knows the server only through
 * testing/conformanceTarget.ts (an origin, paths, tokens and collection ids).
 */
import type { ConformanceTarget } from '../testing/conformanceTarget.ts';

/** §1.6.8.2: the media type with the version parameter that means "TAXII 2.1". */
export const TAXII_21 = 'application/taxii+json;version=2.1';

export interface TaxiiRequest {
  /** A bearer token; undefined sends no Authorization header at all. */
  token?: string | undefined;
  /** §3.1: every request carries a TAXII media range; a test may send another one. */
  accept?: string | null;
  method?: 'GET' | 'POST' | 'DELETE';
  body?: string;
  /** §5.5: POST bodies are TAXII envelopes; a test may send another type. */
  contentType?: string;
  /** Query parameters, sent in order (a name may repeat). */
  query?: [string, string][];
}

export interface TaxiiAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  body: unknown;
  text: string;
}

export async function taxii(target: ConformanceTarget, path: string, request: TaxiiRequest = {}): Promise<TaxiiAnswer> {
  const url = new URL(path, target.origin);
  for (const [name, value] of request.query ?? []) url.searchParams.append(name, value);
  const headers: Record<string, string> = {};
  const accept = request.accept === undefined ? TAXII_21 : request.accept;
  if (accept !== null) headers.accept = accept;
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  if (request.body !== undefined) headers['content-type'] = request.contentType ?? TAXII_21;
  const response = await fetch(url, { method: request.method ?? (request.body === undefined ? 'GET' : 'POST'), headers, ...(request.body === undefined ? {} : { body: request.body }) });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** {api-root}/collections/{id}/ plus the rest of a path (which must end with "/", §3.1). */
export function collectionPath(target: ConformanceTarget, collectionId: string, rest = ''): string {
  return `${target.apiRootPath}collections/${collectionId}/${rest}`;
}

/**
 * §3.1 "All TAXII responses MUST include the appropriate media type and version parameter in the
 * Content-Type header": application/taxii+json with version=2.1, compared as RFC 7231 §3.1.1.1
 * does (type, subtype and parameter names case-insensitive, optional whitespace around ";").
 */
export function isTaxii21MediaType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [essence, ...parameters] = contentType.split(';').map((part) => part.trim());
  if (essence?.toLowerCase() !== 'application/taxii+json') return false;
  return parameters.some((parameter) => {
    const [name, value] = parameter.split('=').map((part) => part.trim());
    return name?.toLowerCase() === 'version' && value?.replace(/^"|"$/g, '') === '2.1';
  });
}

/** §2 "timestamp": RFC 3339, UTC with "Z", microsecond precision (YYYY-MM-DDTHH:MM:SS.ssssssZ). */
export const TAXII_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** RFC 3339 in UTC with "Z", any fraction of a second. */
export const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** An RFC 3339 UTC timestamp as microseconds since the epoch, so any precision compares exactly. */
export function microseconds(timestamp: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(timestamp);
  if (match?.[1] === undefined) throw new Error(`Not an RFC 3339 UTC timestamp: ${timestamp}`);
  return Date.parse(`${match[1]}Z`) * 1000 + Number((match[2] ?? '').padEnd(6, '0').slice(0, 6));
}

/** The TAXII (§2) form of a millisecond ISO timestamp, as a client copies it into added_after. */
export function taxiiTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace(/Z$/, '000Z');
}

/** §1.6.9 / RFC 7235 §3.1: a 401 carries a WWW-Authenticate challenge. */
export function challenged(answer: TaxiiAnswer): boolean {
  return answer.status === 401 && (answer.headers.get('www-authenticate') ?? '') !== '';
}

/** The HTTP client's contract: what connectors, enrichment, streams and TAXII publishing ask of it. */

export interface HttpRequestOptions {
  headers?: Readonly<Record<string, string>>;
  /** Largest body accepted, after decompression; larger → HttpError('too-large'). */
  maxBytes?: number;
  timeoutMs?: number;
  /**
   * Send the ETag / Last-Modified stored for this URL; a 304 comes back as
   * `notModified: true` with an empty body. New validators are kept only if the run succeeds.
   */
  conditional?: boolean;
  /** Expected media types (`application/json`, `application/taxii+json`); others → HttpError('content-type'). */
  accept?: readonly string[];
  /** Basic or bearer credentials, never logged. */
  auth?: { type: 'basic'; username: string; password: string } | { type: 'bearer'; token: string } | { type: 'header'; name: string; value: string };
}

export interface HttpResponse {
  url: string;
  status: number;
  notModified: boolean;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
  text: () => string;
  /** Parsed JSON; HttpError('invalid-json') when the body is not (a truncated download). */
  json: () => unknown;
}

/**
 * The one HTTP client: timeouts, retries with exponential backoff and jitter on network
 * errors, 429 and 5xx (honouring Retry-After), gzip, a size cap, the system or configured
 * HTTPS proxy.
 */
export interface HttpClient {
  get: (url: string, options?: HttpRequestOptions) => Promise<HttpResponse>;
}

export type HttpErrorCode = 'timeout' | 'connection' | 'status' | 'too-large' | 'content-type' | 'invalid-json' | 'aborted';

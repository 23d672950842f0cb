/**
 * The TAXII 2.1 resources as the specification's property tables define them, so a test can say
 * "this body is a valid <resource>" in one line. Required properties are required, optional ones
 * optional, types as in §2 (a list has at least one value; a timestamp has microseconds).
 * Unknown properties pass: §7.1 allows custom properties.
 */
import { expect } from 'vitest';
import { z } from 'zod';
import { isTaxii21MediaType, microseconds, RFC3339_UTC, type TaxiiAnswer } from './taxiiClient.ts';

/** §2 "list": "every instance of a list MUST have at least one value". */
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1);
/**
 * §2 "timestamp" as RFC 3339 in UTC. Its microsecond precision is checked apart, in
 * timestamps.test.ts, so that one rule does not hide every other check of a resource.
 */
const timestamp = z.string().regex(RFC3339_UTC, 'an RFC 3339 UTC timestamp (§2)');
/** §2 "integer" with the "greater than or equal to zero" the status counts add. */
const count = z.int().min(0);

/** §4.1.1 Discovery Resource. */
export const Discovery = z.object({ title: z.string(), description: z.string().optional(), contact: z.string().optional(), default: z.string().optional(), api_roots: list(z.string()).optional() });

/** §4.2.1 API Root Resource. */
export const ApiRoot = z.object({ title: z.string(), description: z.string().optional(), versions: list(z.string()), max_content_length: z.int().positive() });

/** §4.3.1 status-details. */
const StatusDetails = z.object({ id: z.string(), version: z.string(), message: z.string().optional() });

/**
 * §4.3.1 Status Resource. Its lists may be empty here: §2's "no empty lists" is checked apart in
 * status.test.ts, so that one rule does not hide the counts and details.
 */
export const Status = z.object({
  id: z.uuidv4(),
  status: z.enum(['complete', 'pending']),
  request_timestamp: timestamp.optional(),
  total_count: count,
  success_count: count,
  successes: z.array(StatusDetails).optional(),
  failure_count: count,
  failures: z.array(StatusDetails).optional(),
  pending_count: count,
  pendings: z.array(StatusDetails).optional(),
});
export type Status = z.infer<typeof Status>;

/** §5.2.1 Collection Resource (its id an RFC 4122 version 4 UUID, §2 "identifier"). */
export const Collection = z.object({
  id: z.uuidv4(),
  title: z.string(),
  description: z.string().optional(),
  alias: z.string().optional(),
  can_read: z.boolean(),
  can_write: z.boolean(),
  media_types: list(z.string()).optional(),
});
export type Collection = z.infer<typeof Collection>;

/** §5.1.1 Collections Resource: no collections means no key at all, an empty object. */
export const Collections = z.object({ collections: list(Collection).optional() });

/** §5.3.1 manifest-record. */
const ManifestRecord = z.object({ id: z.string(), date_added: timestamp, version: z.string(), media_type: z.string().optional() });

/** §5.3.1 Manifest Resource (paged like an envelope, §3.5, so `next` may come too). */
export const Manifest = z.object({ more: z.boolean().optional(), next: z.string().optional(), objects: list(ManifestRecord).optional() });

/** A STIX object as far as TAXII looks at it (§3.4.1: id, type, version from modified or created). */
export const StixObject = z.looseObject({ type: z.string(), id: z.string(), spec_version: z.string().optional(), created: z.string().optional(), modified: z.string().optional() });
export type StixObject = z.infer<typeof StixObject>;

/** §3.7 Envelope Resource. */
export const Envelope = z.object({ more: z.boolean().optional(), next: z.string().optional(), objects: list(StixObject).optional() });
export type Envelope = z.infer<typeof Envelope>;

/** §5.8.1 Versions Resource. */
export const Versions = z.object({ more: z.boolean().optional(), next: z.string().optional(), versions: list(z.string()).optional() });

/** §3.6.1 Error Message. */
export const ErrorMessage = z.object({
  title: z.string(),
  description: z.string().optional(),
  error_id: z.string().optional(),
  error_code: z.string().optional(),
  http_status: z.string().optional(),
  external_details: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/**
 * A successful answer: the expected status, the TAXII 2.1 Content-Type (§3.1, and "Required
 * Headers" of every endpoint), and a body that is the resource the endpoint defines.
 */
export function expectResource<T extends z.ZodType>(answer: TaxiiAnswer, status: number, resource: T): z.infer<T> {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toSatisfy(isTaxii21MediaType);
  const parsed = resource.safeParse(answer.body);
  if (!parsed.success) throw new Error(`Not the resource the endpoint defines: ${z.prettifyError(parsed.error)}\n${answer.text}`);
  return parsed.data;
}

/**
 * A failure answer: one of the statuses the endpoint's table allows; the TAXII 2.1 Content-Type
 * its "Failure Responses" require; a body that, if present (§3.1: an error "MAY" be sent), is an
 * §3.6.1 error message whose http_status, if given, "MUST match the HTTP status code".
 */
export function expectFailure(answer: TaxiiAnswer, statuses: number[]): void {
  expect(statuses, `HTTP ${String(answer.status)}: ${answer.text}`).toContain(answer.status);
  expect(answer.headers.get('content-type')).toSatisfy(isTaxii21MediaType);
  if (answer.text === '') return;
  const error = ErrorMessage.parse(answer.body);
  if (error.http_status !== undefined) expect(error.http_status).toBe(String(answer.status));
}

/**
 * §3.2: X-TAXII-Date-Added-First/-Last give the date_added of the first and of the last object of
 * the response (compared to the microsecond; the precision itself is checked in timestamps.test.ts).
 */
export function expectDateAddedHeaders(answer: TaxiiAnswer, first: string, last: string): void {
  const headers = { first: answer.headers.get('x-taxii-date-added-first'), last: answer.headers.get('x-taxii-date-added-last') };
  expect(headers.first, 'X-TAXII-Date-Added-First').toMatch(RFC3339_UTC);
  expect(headers.last, 'X-TAXII-Date-Added-Last').toMatch(RFC3339_UTC);
  expect({ first: microseconds(headers.first ?? ''), last: microseconds(headers.last ?? '') }).toEqual({ first: microseconds(first), last: microseconds(last) });
}

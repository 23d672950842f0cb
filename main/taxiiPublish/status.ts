/**
 * The TAXII 2.1 status resource (§4.3.1), parsed from the server's answer: untrusted, so
 * every field is checked, and what it says about each object is kept for the analyst.
 */
import { z } from 'zod';

const StatusDetail = z.object({ id: z.string().min(1), version: z.string().optional(), message: z.string().optional() });

export const StatusResource = z.object({
  id: z.string().min(1),
  status: z.enum(['complete', 'pending']),
  request_timestamp: z.string().optional(),
  total_count: z.number().int().nonnegative(),
  success_count: z.number().int().nonnegative(),
  failure_count: z.number().int().nonnegative(),
  pending_count: z.number().int().nonnegative(),
  successes: z.array(StatusDetail).optional(),
  failures: z.array(StatusDetail).optional(),
  pendings: z.array(StatusDetail).optional(),
});
export type StatusResource = z.infer<typeof StatusResource>;

/** One object the server did not take (or had not taken when Magpie stopped waiting). */
export interface ObjectFailure {
  id: string;
  version?: string;
  message: string;
}

/** A short reason for a parse failure: the first issue's path and message. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'unreadable' : `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`;
}

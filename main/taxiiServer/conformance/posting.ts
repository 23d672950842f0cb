/**
 * What the §5.5 Add Objects tests send and how they follow a request: fresh STIX 2.1 objects, an
 * envelope around them, and §4.3 polling of the status resource until it is complete.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { ConformanceTarget } from '../testing/conformanceTarget.ts';
import { expectResource, Status } from './resources.ts';
import { collectionPath, taxii, type TaxiiAnswer } from './taxiiClient.ts';

const created = '2026-02-01T10:00:00.000Z';

export function indicator(name = 'Posted indicator'): Record<string, unknown> {
  return { type: 'indicator', spec_version: '2.1', id: `indicator--${randomUUID()}`, created, modified: created, name, pattern: "[domain-name:value = 'posted.example']", pattern_type: 'stix', valid_from: created };
}

export function malware(): Record<string, unknown> {
  return { type: 'malware', spec_version: '2.1', id: `malware--${randomUUID()}`, created, modified: '2026-02-01T10:05:00.000Z', name: 'Posted malware', is_family: true };
}

export function relationship(source: Record<string, unknown>, targetObject: Record<string, unknown>): Record<string, unknown> {
  return { type: 'relationship', spec_version: '2.1', id: `relationship--${randomUUID()}`, created, modified: created, relationship_type: 'indicates', source_ref: source.id, target_ref: targetObject.id };
}

/** An indicator STIX 2.1 forbids (no pattern, a required property): a server cannot add it. */
export function invalidIndicator(): Record<string, unknown> {
  const { pattern: _pattern, ...withoutPattern } = indicator('No pattern');
  return withoutPattern;
}

/** §3.7: what a client POSTs is an envelope. */
export const envelopeOf = (objects: Record<string, unknown>[]): string => JSON.stringify({ objects });

export function post(target: ConformanceTarget, collectionId: string, body: string, options: { token?: string; contentType?: string; accept?: string } = {}): Promise<TaxiiAnswer> {
  return taxii(target, collectionPath(target, collectionId, 'objects/'), { method: 'POST', body, token: options.token ?? target.tokens.writer, ...(options.contentType === undefined ? {} : { contentType: options.contentType }), ...(options.accept === undefined ? {} : { accept: options.accept }) });
}

/**
 * §5.5: "the client SHOULD periodically poll the get status Endpoint ... until such a time that
 * the status property returns a value of complete".
 */
export async function untilComplete(target: ConformanceTarget, accepted: Status, token = target.tokens.writer): Promise<Status> {
  let status = accepted;
  for (let poll = 0; status.status !== 'complete'; poll += 1) {
    if (poll === 200) throw new Error(`Status ${status.id} still pending after 200 polls`);
    await delay(25);
    status = expectResource(await taxii(target, `${target.apiRootPath}status/${status.id}/`, { token }), 200, Status);
  }
  return status;
}

/** Post an envelope that must be accepted (202 with a status resource), and wait for it to complete. */
export async function postAndWait(target: ConformanceTarget, collectionId: string, objects: Record<string, unknown>[]): Promise<{ accepted: Status; complete: Status }> {
  const accepted = expectResource(await post(target, collectionId, envelopeOf(objects)), 202, Status);
  return { accepted, complete: await untilComplete(target, accepted) };
}

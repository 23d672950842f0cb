/**
 * Status resources (TAXII 2.1 §4.3): what became of a client's POST. Kept in memory for a
 * day and shown only to the client that made the request.
 */
import { randomUUID } from 'node:crypto';
import { taxiiTimestamp } from './query.ts';

export interface StatusDetail {
  id: string;
  version: string;
  message?: string;
}

export interface StatusResource {
  id: string;
  status: 'pending' | 'complete';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  /** §2: an empty list is left out, never sent as []. */
  successes?: StatusDetail[];
  failure_count: number;
  failures?: StatusDetail[];
  pending_count: number;
  pendings?: StatusDetail[];
}

const listed = (key: 'successes' | 'failures' | 'pendings', details: StatusDetail[]) => (details.length > 0 ? { [key]: details } : {});

const KEEP_MS = 24 * 60 * 60_000;

export function createStatusStore(now: () => Date) {
  const statuses = new Map<string, { clientId: string; resource: StatusResource; at: number }>();
  const prune = () => {
    const limit = now().getTime() - KEEP_MS;
    for (const [id, entry] of statuses) if (entry.at < limit) statuses.delete(id);
  };
  return {
    begin(clientId: string, pendings: StatusDetail[]): StatusResource {
      prune();
      const resource: StatusResource = { id: randomUUID(), status: 'pending', request_timestamp: taxiiTimestamp(now().toISOString()), total_count: pendings.length, success_count: 0, failure_count: 0, pending_count: pendings.length, ...listed('pendings', pendings) };
      statuses.set(resource.id, { clientId, resource, at: now().getTime() });
      return resource;
    },
    finish(resource: StatusResource, successes: StatusDetail[], failures: StatusDetail[]): void {
      delete resource.pendings;
      Object.assign(resource, { status: 'complete', success_count: successes.length, ...listed('successes', successes), failure_count: failures.length, ...listed('failures', failures), pending_count: 0 });
    },
    get(clientId: string, id: string): StatusResource | undefined {
      const entry = statuses.get(id);
      return entry && entry.clientId === clientId ? entry.resource : undefined;
    },
  };
}
export type StatusStore = ReturnType<typeof createStatusStore>;

/**
 * The writing half of the test TAXII server (testkit/taxiiServer.ts): Add Objects (§5.5)
 * with the API root's max_content_length enforced (413), and status resources (§4.3) that
 * can stay `pending` for a few polls and name objects a test wants refused.
 */
import type { IncomingMessage } from 'node:http';

type StixObject = Record<string, unknown>;
type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

export interface TaxiiWriteOptions {
  /** The API root's max_content_length in bytes (100 MiB by default). */
  maxContentLength?: number;
  /** Status polls answered `pending` before `complete`. */
  pendingPolls?: number;
  /** A reason to refuse an object, or undefined to take it. */
  refuse?: (object: StixObject) => string | undefined;
}

interface StoredStatus {
  body: Record<string, unknown>;
  pollsLeft: number;
}

export interface TaxiiWrites {
  maxContentLength: number;
  /** Sizes of the POST bodies received, in bytes. */
  bodySizes: number[];
  post: (request: IncomingMessage, add: (objects: StixObject[]) => void, send: Send) => void;
  status: (id: string, send: Send) => void;
}

export function createTaxiiWrites(options: TaxiiWriteOptions): TaxiiWrites {
  const maxContentLength = options.maxContentLength ?? 100 * 1024 * 1024;
  const statuses = new Map<string, StoredStatus>();
  const bodySizes: number[] = [];

  function post(request: IncomingMessage, add: (objects: StixObject[]) => void, send: Send): void {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxContentLength) chunks.push(chunk);
    });
    request.on('end', () => {
      bodySizes.push(size);
      if (size > maxContentLength) {
        send(413, { title: 'Payload Too Large', description: `Bodies are limited to ${String(maxContentLength)} bytes.`, http_status: '413' });
        return;
      }
      let objects: StixObject[];
      try {
        const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { objects?: StixObject[] };
        objects = envelope.objects ?? [];
      } catch {
        send(422, { title: 'Unprocessable Entity', description: 'The body is not a TAXII envelope.', http_status: '422' });
        return;
      }
      const successes: Record<string, unknown>[] = [];
      const failures: Record<string, unknown>[] = [];
      const taken: StixObject[] = [];
      for (const object of objects) {
        const version = object['modified'] ?? object['created'];
        const detail = { id: String(object['id']), version: typeof version === 'string' ? version : '' };
        const reason = options.refuse?.(object);
        if (reason === undefined) {
          successes.push(detail);
          taken.push(object);
        } else failures.push({ ...detail, message: reason });
      }
      add(taken);
      const id = `00000000-0000-4000-8000-${String(statuses.size + 1).padStart(12, '0')}`;
      const body = {
        id,
        request_timestamp: new Date().toISOString(),
        total_count: objects.length,
        success_count: successes.length,
        failure_count: failures.length,
        pending_count: 0,
        successes,
        failures,
      };
      const stored = { body, pollsLeft: options.pendingPolls ?? 0 };
      statuses.set(id, stored);
      send(202, answer(stored));
    });
  }

  /** While polls are left: everything counted as pending, nothing named yet. */
  function answer(stored: StoredStatus): Record<string, unknown> {
    if (stored.pollsLeft <= 0) return { ...stored.body, status: 'complete' };
    const total = Number(stored.body['total_count']);
    return { id: stored.body['id'], status: 'pending', total_count: total, success_count: 0, failure_count: 0, pending_count: total };
  }

  function status(id: string, send: Send): void {
    const stored = statuses.get(id);
    if (stored === undefined) {
      send(404, { title: 'Not Found', description: `No status ${id}.`, http_status: '404' });
      return;
    }
    stored.pollsLeft -= 1;
    send(200, answer(stored));
  }

  return { maxContentLength, bodySizes, post, status };
}

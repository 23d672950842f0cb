import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../core/streams/types.ts';
import { StreamTargetError } from './types.ts';
import { createWebhookTarget } from './webhook.ts';

const SECRET = 'correct horse battery staple';

function events(count: number): ChangeEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    op: i % 3 === 2 ? ('delete' as const) : ('update' as const),
    at: '2026-02-03T04:05:06.000Z',
    id: `malware--00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    type: 'malware',
    object: { type: 'malware', name: `ナゾ ${String(i)}`, is_family: true },
  }));
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
}

/** A receiver as a webhook consumer would write it: it verifies the HMAC of the raw bytes. */
async function receiver(answer: (n: number) => { status: number; headers?: Record<string, string> }): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`);
      const given = Buffer.from(String(request.headers['x-magpie-signature'] ?? ''));
      received.push({ headers: request.headers, body: raw.toString('utf8'), verified: given.length === expected.length && timingSafeEqual(given, expected) });
      const { status, headers } = answer(received.length);
      response.writeHead(status, headers).end(status >= 400 ? 'nope' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/hook`, received, server };
}

describe('webhook target', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });
  const signal = new AbortController().signal;

  it('POSTs the batch as a JSON array the receiver can verify with the shared secret', async () => {
    const hook = await receiver(() => ({ status: 204 }));
    server = hook.server;
    const target = createWebhookTarget({ url: hook.url, secret: SECRET, headers: { 'X-Api-Key': 'k1' }, now: () => new Date('2026-02-03T04:05:07Z') });
    expect(await target.deliver(events(5), signal)).toBe(5);
    await target.close();
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    expect(request?.verified).toBe(true);
    expect(request?.headers['x-magpie-timestamp']).toBe('2026-02-03T04:05:07.000Z');
    expect(request?.headers['x-api-key']).toBe('k1');
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body ?? '') as ChangeEvent[];
    expect(body.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(body[2]).toEqual(events(3)[2]);
  });

  it('splits a batch over the size limit into several signed requests', async () => {
    const hook = await receiver(() => ({ status: 200 }));
    server = hook.server;
    const target = createWebhookTarget({ url: hook.url, secret: SECRET, maxBatchBytes: 600 });
    expect(await target.deliver(events(10), signal)).toBe(10);
    await target.close();
    expect(hook.received.length).toBeGreaterThan(1);
    expect(hook.received.every((r) => r.verified && Buffer.byteLength(r.body) <= 600)).toBe(true);
    expect(hook.received.flatMap((r) => (JSON.parse(r.body) as ChangeEvent[]).map((e) => e.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('counts the requests taken before one fails, so the runtime resumes after them', async () => {
    const hook = await receiver((n) => ({ status: n === 1 ? 200 : 503 }));
    server = hook.server;
    const target = createWebhookTarget({ url: hook.url, secret: SECRET, maxBatchBytes: 600 });
    const count = await target.deliver(events(10), signal);
    expect(hook.received).toHaveLength(2);
    // Exactly the events of the request that got 200.
    expect(count).toBe((JSON.parse(hook.received[0]?.body ?? '[]') as ChangeEvent[]).length);
    expect(count).toBeGreaterThan(0);
    await target.close();
  });

  it('maps statuses: 4xx rejected, 401 auth, 408/429/5xx unavailable with Retry-After', async () => {
    const statuses = [422, 401, 408, 429, 500];
    const hook = await receiver((n) => ({ status: statuses[n - 1] ?? 200, headers: { 'retry-after': '7' } }));
    server = hook.server;
    const target = createWebhookTarget({ url: hook.url });
    const codes: [string, number | undefined][] = [];
    for (let i = 0; i < statuses.length; i += 1) {
      const error = await target.deliver(events(1), signal).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StreamTargetError);
      codes.push([(error as StreamTargetError).code, (error as StreamTargetError).retryAfterMs]);
    }
    expect(codes).toEqual([
      ['rejected', undefined],
      ['auth', undefined],
      ['unavailable', 7000],
      ['unavailable', 7000],
      ['unavailable', 7000],
    ]);
    expect(hook.received[0]?.headers['x-magpie-signature']).toBeUndefined();
    await target.close();
  });

  it('is unavailable when nothing listens, and stops on a timeout', async () => {
    const closed = await receiver(() => ({ status: 200 }));
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const target = createWebhookTarget({ url: closed.url });
    await expect(target.deliver(events(1), signal)).rejects.toMatchObject({ code: 'unavailable' });
    const slow = createServer(() => undefined);
    server = slow;
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const stuck = createWebhookTarget({ url: `http://127.0.0.1:${String((slow.address() as AddressInfo).port)}/`, timeoutMs: 200 });
    await expect(stuck.deliver(events(1), signal)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('no answer in 200 ms') as unknown });
    const controller = new AbortController();
    const pending = stuck.deliver(events(1), controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });
});

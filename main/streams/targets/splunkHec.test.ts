import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../core/streams/types.ts';
import { createSplunkHecTarget, parseHecReply } from './splunkHec.ts';

const TOKEN = '11111111-2222-3333-4444-555555555555';

function events(count: number, from = 1): ChangeEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    seq: from + i,
    op: 'create' as const,
    at: '2026-03-04T05:06:07.890Z',
    id: `domain-name--00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`,
    type: 'domain-name',
    object: { type: 'domain-name', value: `c2-${String(from + i)}.example` },
  }));
}

/** Splits HEC's batch body — JSON objects one after another — as HEC does. */
function splitBatch(body: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === '}') {
      depth -= 1;
      if (depth === 0) out.push(JSON.parse(body.slice(start, i + 1)));
    }
  }
  return out;
}

type Mode = 'ok' | 'busy' | 'reject-third' | 'disabled-token';

/** A stand-in for HEC's documented contract: status codes and `{text, code}` bodies. */
async function fakeHec(mode: () => Mode): Promise<{ url: string; server: Server; indexed: Record<string, unknown>[]; bodies: string[] }> {
  const indexed: Record<string, unknown>[] = [];
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = (status: number, body: object): void => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      if (request.url !== '/services/collector/event' || request.method !== 'POST') return reply(404, { text: 'The requested URL was not found on this server.', code: 404 });
      const auth = request.headers.authorization;
      if (auth === undefined) return reply(401, { text: 'Token is required', code: 2 });
      if (!auth.startsWith('Splunk ')) return reply(401, { text: 'Invalid authorization', code: 3 });
      if (auth !== `Splunk ${TOKEN}`) return reply(403, { text: 'Invalid token', code: 4 });
      if (mode() === 'disabled-token') return reply(403, { text: 'Token disabled', code: 1 });
      if (mode() === 'busy') return reply(503, { text: 'Server is busy', code: 9 });
      const envelopes = splitBatch(body) as Record<string, unknown>[];
      for (const [n, envelope] of envelopes.entries()) {
        const event = envelope.event as { seq?: number } | undefined;
        if (mode() === 'reject-third' && event?.seq === 3) return reply(400, { text: 'Invalid data format', code: 6, 'invalid-event-number': n });
        indexed.push(envelope);
      }
      return reply(200, { text: 'Success', code: 0 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, server, indexed, bodies };
}

describe('Splunk HEC target', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
  const signal = new AbortController().signal;

  it('sends envelopes with time, source, sourcetype and index, several per request within the byte limit', async () => {
    const hec = await fakeHec(() => 'ok');
    server = hec.server;
    const target = createSplunkHecTarget({ url: hec.url, token: TOKEN, index: 'threat_intel', maxBatchBytes: 1000 });
    expect(await target.deliver(events(12), signal)).toBe(12);
    await target.close();
    expect(hec.indexed.map((e) => (e.event as ChangeEvent).seq)).toEqual(events(12).map((e) => e.seq));
    expect(hec.bodies.length).toBeGreaterThan(1);
    expect(hec.bodies.every((b) => Buffer.byteLength(b) <= 1000)).toBe(true);
    expect(hec.indexed[0]).toEqual({ time: 1772600767.89, source: 'magpie', sourcetype: 'magpie:stix', index: 'threat_intel', event: events(1)[0] });
  });

  it('counts the events HEC indexed before the one it refused', async () => {
    const hec = await fakeHec(() => 'reject-third');
    server = hec.server;
    const target = createSplunkHecTarget({ url: hec.url, token: TOKEN, sourcetype: 'stix:custom' });
    expect(await target.deliver(events(5), signal)).toBe(2);
    // The runtime dead-letters seq 3 when HEC refuses it alone.
    await expect(target.deliver(events(3, 3), signal)).rejects.toMatchObject({ code: 'rejected', message: expect.stringContaining('HEC code 6') as unknown });
    expect(hec.indexed.map((e) => e.sourcetype)).toEqual(['stix:custom', 'stix:custom']);
  });

  it('maps token errors to auth and a busy server to unavailable', async () => {
    let mode: Mode = 'busy';
    const hec = await fakeHec(() => mode);
    server = hec.server;
    await expect(createSplunkHecTarget({ url: hec.url, token: 'wrong' }).deliver(events(1), signal)).rejects.toMatchObject({ code: 'auth', message: expect.stringContaining('Invalid token') as unknown });
    await expect(createSplunkHecTarget({ url: hec.url, token: TOKEN }).deliver(events(1), signal)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('Server is busy') as unknown });
    mode = 'disabled-token';
    await expect(createSplunkHecTarget({ url: hec.url, token: TOKEN }).deliver(events(1), signal)).rejects.toMatchObject({ code: 'auth' });
    expect(hec.indexed).toEqual([]);
  });

  it('reads HEC replies', () => {
    expect(parseHecReply('{"text":"Success","code":0}')).toEqual({ code: 0, text: 'Success', invalidEventNumber: undefined });
    expect(parseHecReply('{"text":"No data","code":5,"invalid-event-number":0}')?.invalidEventNumber).toBe(0);
    expect(parseHecReply('<html>')).toBeUndefined();
  });
});
